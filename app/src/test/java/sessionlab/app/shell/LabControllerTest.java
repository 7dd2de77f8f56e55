package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sessionlab.app.playback.LessonRunner;
import sessionlab.run.Stacks;

/** File work (open, save, exports) goes to the injected executor, and its outcome comes back through the FX executor. */
class LabControllerTest {
    private final List<String> where = new ArrayList<>();
    private final Executor engine = r -> {
        where.add("engine");
        r.run();
    };
    private final Executor fx = r -> {
        where.add("fx");
        r.run();
    };
    private final LabController controller = new LabController(new LessonRunner(engine, Stacks.standard()), fx);

    @Test
    void backgroundWorkRunsOnTheEngineExecutorAndReportsDoneOnTheFxOne() {
        List<String> seen = new ArrayList<>();
        controller.inBackground(() -> seen.add("written"), () -> seen.add("done"), problem -> seen.add("failed: " + problem));
        assertThat(seen).containsExactly("written", "done");
        assertThat(where).containsExactly("engine", "fx");
    }

    @Test
    void aFailedWriteIsReportedWithItsMessage() {
        List<String> seen = new ArrayList<>();
        controller.inBackground(() -> {
            throw new IOException("disk full");
        }, () -> seen.add("done"), problem -> seen.add("failed: " + problem));
        assertThat(seen).containsExactly("failed: disk full");
    }

    @Test
    void openingReadsTheFileOnTheEngineExecutorThenShowsAndRunsIt(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("mine.lab");
        Files.writeString(lesson, "client = SSL_CTX_new(client)\n");

        controller.open(lesson, problem -> where.add("failed: " + problem));

        assertThat(where).startsWith("engine", "fx").doesNotContain("failed");
        assertThat(controller.sourceProperty().get()).isEqualTo("client = SSL_CTX_new(client)\n");
        assertThat(controller.fileProperty().get()).isEqualTo(lesson);
    }

    @Test
    void aFileThatCannotBeReadChangesNothingAndSaysWhy(@TempDir Path dir) {
        controller.sourceProperty().set("kept");

        List<String> problems = new ArrayList<>();
        controller.open(dir.resolve("missing.lab"), problems::add);

        assertThat(problems).singleElement().asString().contains("missing.lab");
        assertThat(controller.sourceProperty().get()).isEqualTo("kept");
        assertThat(controller.fileProperty().get()).isNull();
    }

    @Test
    void savingWritesTheTextAsItWasWhenAskedAndThenNamesTheFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("saved.lab");
        controller.sourceProperty().set("advance 1s\n");

        controller.save(target, problem -> where.add("failed: " + problem));

        assertThat(Files.readString(target)).isEqualTo("advance 1s\n");
        assertThat(controller.fileProperty().get()).isEqualTo(target);
        assertThat(where).containsExactly("engine", "fx");
    }
}
