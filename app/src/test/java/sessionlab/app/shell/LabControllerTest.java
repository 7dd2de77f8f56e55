package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import sessionlab.app.playback.LessonRunner;
import sessionlab.run.Stacks;

/** File work goes to the injected executor, and its outcome comes back through the FX executor. */
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
}
