package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sessionlab.app.playback.LessonRunner;
import sessionlab.event.Event;
import sessionlab.run.IsolatedRuns;
import sessionlab.run.Stacks;

/**
 * The window survives a fault inside libssl: libssl lessons run in a child process, so a real native
 * crash there (an abort injected at line 4) ends that process, and the window shows what happened.
 */
class CrashIsolationTest {
    private final IsolatedRuns isolated = new IsolatedRuns(List.of("-Dsessionlab.worker.abortAtLine=4"));
    private final LabController controller = new LabController(new LessonRunner(Runnable::run, Stacks.standard(), isolated), Runnable::run);

    @AfterEach
    void stopTheChild() {
        isolated.close();
    }

    @Test
    void aNativeCrashDuringALessonEndsOnlyItsRunAndTheNextRunWorks() {
        controller.sourceProperty().set("""
                client = SSL_CTX_new(client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_read(c1)
                expect tickets_received(c1) == 2
                """);
        controller.run(false);

        assertThat(controller.resultProperty().get().exitCode()).isEqualTo(2);
        assertThat(controller.resultProperty().get().log().ofType(Event.Error.class)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("the run process died (signal 6 SIGABRT) during line 4"));
        var playback = controller.playback();
        playback.toEnd();
        assertThat(playback.state().alerts()).anySatisfy(a -> assertThat(a).contains("died", "ended that process only"));
        assertThat(playback.state().line()).isEqualTo(4);

        controller.sourceProperty().set("client = SSL_CTX_new(client)\nexpect cache_size(client) == 0\n");
        controller.run(false);

        assertThat(controller.resultProperty().get().exitCode()).isZero();
        assertThat(controller.resultProperty().get().stack()).isEqualTo("libssl");
    }
}
