package sessionlab.stack.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sessionlab.export.Exporter;

/**
 * The key log copied out of bctls is right: Wireshark's own dissectors (tshark) decrypt the
 * exported capture with it and find both Finished messages, and find none without it.
 * Skipped, saying why, where tshark is not installed.
 */
class BcWiresharkTest {
    private static final long TIMEOUT_SECONDS = 120;
    @TempDir
    Path dir;

    @BeforeEach
    void needsTshark() {
        Assumptions.assumeTrue(tshark().isPresent(), "tshark is not on PATH: install Debian's tshark to check the key log with Wireshark");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tls1.2", "tls1.3"})
    void wiresharkDecryptsTheFinishedMessagesWithTheKeyLogAndOnlyWithIt(String version) throws Exception {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client, max=%s)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_write(c1, "ping")
                SSL_read(c1.server)
                expect version(c1) == %s
                """.formatted(version, version));
        Path pcap = dir.resolve("bc.pcapng"), keys = dir.resolve("bc.keys");
        Exporter.write(lab.result().log(), lab.result().keyLog(), pcap, keys);
        assertThat(frames(pcap, keys, "tls.handshake.type == 20")).hasSize(2);
        assertThat(frames(pcap, null, "tls.handshake.type == 20")).isEmpty();
        if (version.equals("tls1.3")) assertThat(frames(pcap, keys, "tls.handshake.type == 8")).hasSize(1);
    }

    private static Optional<Path> tshark() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "tshark")).filter(Files::isExecutable).findFirst();
    }

    /** Frame numbers matching {@code filter}; {@code keyLog} null reads with no key log at all. */
    private List<String> frames(Path pcap, Path keyLog, String filter) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tshark().orElseThrow().toString(), "-n", "-r", pcap.toString(),
                "-o", "tls.keylog_file:" + (keyLog == null ? "" : keyLog.toString()), "-Y", filter, "-T", "fields", "-e", "frame.number"));
        Path out = Files.createTempFile(dir, "tshark", ".out"), err = Files.createTempFile(dir, "tshark", ".err");
        // output to files, not pipes: a full pipe cannot stall tshark, and the wait stays bounded
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tshark did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        assertThat(p.exitValue()).as("tshark %s; stderr: %s", cmd, Files.readString(err)).isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }
}
