package sessionlab.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.SessionLabApp;
import sessionlab.app.playback.LessonRunner;
import sessionlab.app.shell.LabController;
import sessionlab.app.shell.MainWindow;
import sessionlab.run.Stacks;

/** {@code sessionlab-app --self-test} on a real window: it walks the lesson with the step button and says how it went. */
@ExtendWith(ApplicationExtension.class)
class SelfTestTest {
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private MainWindow window;
    private final List<String> out = new ArrayList<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        // jsse and bc lessons run in this process; the runner is synchronous here
        window = new MainWindow(new LabController(new LessonRunner(Runnable::run, Stacks.standard()), Runnable::run), SAMPLES);
        stage.setScene(SessionLabApp.createScene(window));
        stage.show();
    }

    private int selfTest(FxRobot robot, Path lesson) throws Exception {
        robot.interact(() -> {
            new SelfTest(window, Duration.minutes(1), out::add, exit::complete).start();
            window.open(lesson);
        });
        // a bounded wait for the pulses that step the lesson, not a sleep
        return exit.get(60, TimeUnit.SECONDS);
    }

    @Test
    void aLessonThatPassesIsWalkedToItsLastEventAndExitsZero(FxRobot robot) throws Exception {
        int code = selfTest(robot, SAMPLES.resolve("compare/single-use.jsse.lab"));

        assertThat(code).isZero();
        assertThat(out).singleElement().asString()
                .startsWith("self-test: single-use.jsse.lab ran on jsse").endsWith("to the end: ok");
        int[] cursor = new int[2];
        robot.interact(() -> {
            cursor[0] = window.controller().playback().cursorProperty().get();
            cursor[1] = window.controller().playback().sizeProperty().get();
        });
        assertThat(cursor[0]).isEqualTo(cursor[1] - 1);
    }

    @Test
    void aFailedExpectationFailsTheSelfTestAndSaysSo(FxRobot robot, @TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("wrong.lab");
        Files.writeString(lesson, """
                stack jsse
                client = SSL_CTX_new(client, max=tls1.3, cache=client)
                server = SSL_CTX_new(server, tickets=2)
                c1 = connect(client, server)
                expect reused(c1)
                """);

        int code = selfTest(robot, lesson);

        assertThat(code).isEqualTo(1);
        assertThat(out).singleElement().asString().startsWith("self-test FAILED: wrong.lab on jsse: 1 expectations failed");
    }

    @Test
    void aLessonThatCannotRunFailsTheSelfTest(FxRobot robot, @TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("broken.lab");
        Files.writeString(lesson, "stack jsse\nc1 = connect(nobody, nowhere)\n");

        int code = selfTest(robot, lesson);

        assertThat(code).isEqualTo(1);
        assertThat(out).singleElement().asString().startsWith("self-test FAILED:");
    }
}
