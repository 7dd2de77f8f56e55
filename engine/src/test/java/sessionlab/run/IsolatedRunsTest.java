package sessionlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.event.LoggedEvent;
import sessionlab.scenario.ScenarioParser;

/** A lesson run in a child process tells the same story; a native crash there ends that process only. */
class IsolatedRunsTest {
    private static final Path LESSON_01 = Path.of("..", "samples", "01-tls13-ticket-timing.lab");

    private static List<String> types(EventLog log) {
        return log.events().stream().map(LoggedEvent::type).toList();
    }

    @Test
    void aLessonRunInAChildProcessGivesTheSameEventsAsOneRunHere() throws Exception {
        String source = Files.readString(LESSON_01);
        RunResult here = Stacks.standard().run(ScenarioParser.parse("01.lab", source), "libssl", new EventLog());
        try (IsolatedRuns isolated = new IsolatedRuns()) {
            RunResult there = isolated.run("01.lab", source, "libssl");

            assertThat(types(there.log())).isEqualTo(types(here.log()));
            assertThat(there.log().ofType(Event.ExpectPass.class)).isEqualTo(here.log().ofType(Event.ExpectPass.class));
            assertThat(List.of(there.passed(), there.failed(), there.errors(), there.leaks()))
                    .isEqualTo(List.of(here.passed(), here.failed(), here.errors(), here.leaks()));
            assertThat(there.keyLog()).hasSameSizeAs(here.keyLog()).isNotEmpty();
            assertThat(there.exitCode()).isZero();
        }
    }

    @Test
    void aCrashInTheChildEndsItsRunWithAnErrorAndTheNextRunGetsAFreshProcess() throws Exception {
        String crashing = """
                client = SSL_CTX_new(client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_read(c1)
                expect tickets_received(c1) == 2
                """;
        try (IsolatedRuns isolated = new IsolatedRuns(List.of("-D" + RunWorker.ABORT_AT_LINE + "=4"))) {
            RunResult crashed = isolated.run("crash.lab", crashing, "libssl");

            assertThat(crashed.log().ofType(Event.HandshakeDone.class)).hasSize(2);
            assertThat(crashed.log().ofType(Event.Error.class)).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("crashed");
                assertThat(e.line()).isEqualTo(4);
                assertThat(e.message()).contains("signal 6 SIGABRT", "during line 4", "ended that process only");
            });
            assertThat(crashed.log().ofType(Event.RunFinished.class)).singleElement()
                    .isEqualTo(new Event.RunFinished(0, 0, 1, 0));
            assertThat(crashed.exitCode()).isEqualTo(2);
            assertThat(crashed.log().ofType(Event.ExpectPass.class)).isEmpty();

            RunResult next = isolated.run("short.lab", "client = SSL_CTX_new(client)\nexpect cache_size(client) == 0\n", "libssl");
            assertThat(next.exitCode()).isZero();
            assertThat(next.passed()).isEqualTo(1);
        }
    }
}
