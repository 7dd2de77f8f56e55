package sessionlab.export;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sessionlab.run.RunResult;

/**
 * The export read by the real Wireshark dissectors (tshark): with the key log, c1's two encrypted
 * NewSessionTickets decode, and c2's ClientHello offers the second of them as its pre_shared_key
 * identity (the lesson's point: the client resumes with the session of the last ticket it read).
 * Without the key log the tickets stay opaque. Skipped, saying why, where tshark is not installed.
 */
class WiresharkDecodesExportTest {
    private static final long TIMEOUT_SECONDS = 120;
    @TempDir
    static Path dir;
    private static Path pcap, keys;

    @BeforeAll
    static void exportTheTicketLesson() throws Exception {
        if (tshark().isEmpty()) return; // each test reports the skip (an assumption here would hide the tests)
        RunResult run = TicketLesson.run();
        pcap = dir.resolve("cap.pcapng");
        keys = dir.resolve("cap.keys");
        Exporter.write(run.log(), run.keyLog(), pcap, keys);
    }

    @BeforeEach
    void needsTshark() {
        Assumptions.assumeTrue(tshark().isPresent(),
                "tshark is not on PATH: install Debian's tshark (.ci/run does) to check the export with Wireshark's dissectors");
    }

    private static Optional<Path> tshark() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "tshark")).filter(Files::isExecutable).findFirst();
    }

    /** tshark's tab-separated field lines for {@code filter}; {@code keyLog} null reads with no key log at all. */
    private static List<List<String>> fields(Path keyLog, String filter, String... fields) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tshark().orElseThrow().toString(), "-n", "-r", pcap.toString(),
                "-o", "tls.keylog_file:" + (keyLog == null ? "" : keyLog.toString()),
                "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-Y", filter, "-T", "fields"));
        for (String f : fields) cmd.addAll(List.of("-e", f));
        Path out = Files.createTempFile(dir, "tshark", ".out"), err = Files.createTempFile(dir, "tshark", ".err");
        // output to files, not pipes: a full pipe cannot stall tshark, and the wait below stays bounded
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tshark did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        assertThat(p.exitValue()).as("tshark %s exit; stderr: %s", cmd, Files.readString(err)).isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(l -> List.of(l.split("\t", -1))).toList();
    }

    private static List<String> c1Tickets(Path keyLog) throws Exception {
        return fields(keyLog, "tls.handshake.type == 4 && tcp.srcport == 443 && tcp.dstport == 40000",
                "tls.handshake.type", "tls.handshake.session_ticket").stream().map(l -> l.get(1)).toList();
    }

    @Test
    void withTheKeyLogWiresharkDecryptsC1sTwoNewSessionTickets() throws Exception {
        List<String> tickets = c1Tickets(keys);
        assertThat(tickets).hasSize(2).doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void theResumedClientHelloOffersTheLastTicketAsItsPreSharedKey() throws Exception {
        List<List<String>> hellos = fields(keys, "tls.handshake.type == 1 && tls.handshake.extensions.psk.identity.identity",
                "tcp.srcport", "tls.handshake.extensions.psk.identity.identity");
        assertThat(hellos).as("one ClientHello with a PSK, c2's").hasSize(1);
        assertThat(hellos.getFirst().get(0)).isEqualTo("40001");
        assertThat(hellos.getFirst().get(1)).isEqualTo(c1Tickets(keys).get(1));
        // and the server accepted it: its ServerHello selects identity 0 (visible without keys)
        assertThat(fields(null, "tls.handshake.type == 2 && tls.handshake.extensions.psk.identity.selected",
                "tcp.dstport", "tls.handshake.extensions.psk.identity.selected")).containsExactly(List.of("40001", "0"));
    }

    @Test
    void withoutTheKeyLogTheTicketsStayEncrypted() throws Exception {
        assertThat(c1Tickets(null)).isEmpty();
        assertThat(fields(null, "tls.record.opaque_type == 23 && tcp.srcport == 443 && tcp.dstport == 40000", "frame.number"))
                .as("the records that carry them are still there, as application data").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void wiresharkFindsNoTcpProblemAndGoodChecksums() throws Exception {
        assertThat(fields(keys, "tcp.analysis.flags", "frame.number", "_ws.expert.message"))
                .as("retransmissions, lost segments, bad acks...").isEmpty();
        assertThat(fields(null, "ip.checksum.status != 1 || tcp.checksum.status != 1", "frame.number")).isEmpty();
        assertThat(fields(null, "ip.checksum.status == 1 && tcp.checksum.status == 1", "frame.number")).hasSizeGreaterThan(30);
        assertThat(fields(keys, "frame", "tcp.stream")).extracting(l -> l.get(0)).containsOnly("0", "1");
    }
}
