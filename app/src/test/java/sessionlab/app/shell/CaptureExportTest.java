package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sessionlab.event.EventLog;
import sessionlab.run.RunResult;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioParser;

/** The export's decisions, without a window: what is offered, where files go, and that keys need a yes. */
class CaptureExportTest {
    private static RunResult handshake;
    @TempDir
    Path dir;

    static RunResult run(String source) throws Exception {
        return ScenarioRunner.run(ScenarioParser.parse("t.lab", source), Stacks.standard().byName("libssl").orElseThrow(), new EventLog());
    }

    @BeforeAll
    static void runAHandshake() throws Exception {
        handshake = run("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                """);
    }

    @Test
    void nothingToExportBeforeARunOrWhenNothingWentOnTheWire() throws Exception {
        assertThat(new CaptureExport(null).available()).isFalse();
        assertThat(new CaptureExport(null).hasKeyLog()).isFalse();
        CaptureExport quiet = new CaptureExport(run("note \"no connection\"\n"));
        assertThat(quiet.available()).isFalse();
        assertThat(quiet.hasKeyLog()).isFalse();
        CaptureExport export = new CaptureExport(handshake);
        assertThat(export.available()).isTrue();
        assertThat(export.hasKeyLog()).isTrue();
    }

    @Test
    void theCaptureGetsItsExtensionAndTheKeyLogGoesNextToIt() {
        assertThat(CaptureExport.capturePath(Path.of("/x/run"))).isEqualTo(Path.of("/x/run.pcapng"));
        assertThat(CaptureExport.capturePath(Path.of("/x/run.PCAPNG"))).isEqualTo(Path.of("/x/run.PCAPNG"));
        assertThat(CaptureExport.capturePath(Path.of("/x/run.pcap"))).isEqualTo(Path.of("/x/run.pcap"));
        assertThat(CaptureExport.capturePath(Path.of("/x/lesson.v2"))).isEqualTo(Path.of("/x/lesson.v2.pcapng"));
        assertThat(CaptureExport.keyLogPath(Path.of("/x/run.pcapng"))).isEqualTo(Path.of("/x/run.keys"));
        assertThat(CaptureExport.keyLogPath(Path.of("/x/lesson.v2.pcapng"))).isEqualTo(Path.of("/x/lesson.v2.keys"));
    }

    @Test
    void theDefaultAnswerWritesTheCaptureOnly() throws Exception {
        CaptureExport export = new CaptureExport(handshake);
        Path pcap = export.writeCapture(dir.resolve("run"));
        assertThat(pcap).isEqualTo(dir.resolve("run.pcapng")).isNotEmptyFile();
        assertThat(CaptureExport.DEFAULT_CHOICE).isEqualTo(CaptureExport.Choice.CAPTURE_ONLY);
        assertThat(export.writeKeyLog(pcap, CaptureExport.DEFAULT_CHOICE)).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(pcap);
        }
    }

    @Test
    void anExplicitYesWritesTheRunsKeyLogNextToTheCapture() throws Exception {
        CaptureExport export = new CaptureExport(handshake);
        Path pcap = export.writeCapture(dir.resolve("run.pcapng"));
        assertThat(export.writeKeyLog(pcap, CaptureExport.Choice.CAPTURE_AND_KEYS)).contains(dir.resolve("run.keys"));
        assertThat(Files.readAllLines(dir.resolve("run.keys"))).isEqualTo(handshake.keyLog()).isNotEmpty();
    }

    @Test
    void theQuestionSaysTheKeyLogIsSecretAndOffersCaptureOnlyFirst() {
        CaptureExport.Question q = new CaptureExport(handshake).question(Path.of("/x/run.keys"));
        assertThat(q.header()).contains("secrets");
        assertThat(q.text()).contains("run.keys", "decrypt");
        assertThat(q.captureOnly()).isEqualTo("Export capture only");
    }
}
