package sessionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sessionlab.event.EventJson;

class SessionlabCommandTest {
    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {}

    private static Outcome sessionlab(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(args);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path lesson(String text) throws Exception {
        Path p = dir.resolve("lesson.lab");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aPassingLessonExitsZeroAndPrintsItsTimeline() throws Exception {
        Outcome o = sessionlab("run", lesson("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_read(c1)
                expect tickets_received(c1) == 2
                """).toString());
        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("ticket #2 processed by the client of c1", "PASS  expect tickets_received(c1) == 2",
                "expectations: 1 passed, 0 failed");
    }

    @Test
    void aFailingExpectationExitsOneAndNamesTheActualValue() throws Exception {
        Outcome o = sessionlab("run", lesson("""
                client = SSL_CTX_new(client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                expect reused(c1)
                """).toString());
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL  line 4: expect reused(c1)   [reused(c1) = false]");
    }

    @Test
    void aBadFileExitsTwoWithItsPositionAndRunsNothing() throws Exception {
        Path p = lesson("client = SSL_CTX_new(client, cach=client)\n");
        Outcome o = sessionlab("run", p.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith(p + ":1:30: unknown option 'cach'");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void aFileThatIsNotTextExitsTwoWithWhereItStopsBeingText() throws Exception {
        Path p = dir.resolve("cache.aot");
        Files.write(p, new byte[] {'s', 't', 'a', 'c', 'k', '\n', 'c', 'l', (byte) 0xC3, (byte) 0x28});
        Outcome o = sessionlab("run", p.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo(p + ":2:3: not UTF-8 text: byte 0xc3 cannot be part of a character here"
                + " (a lesson is a UTF-8 text file)" + System.lineSeparator());
        assertThat(o.out()).isEmpty();
    }

    @Test
    void jsonOutputIsTheEventLogAndCanBeSaved() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Outcome o = sessionlab("run", lesson("note \"hi\"\n").toString(), "--json", "--events", events.toString());
        assertThat(o.exit()).isZero();
        assertThat(o.out().lines().map(l -> {
            try {
                return EventJson.fromLine(l).type();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList()).containsExactly("run.started", "statement", "note", "run.finished");
        assertThat(Files.readAllLines(events)).isEqualTo(o.out().lines().toList());
    }

    @Test
    void runExportsACaptureAndAKeyLogAndWarnsThatTheKeysAreSecrets() throws Exception {
        Path pcap = dir.resolve("out.pcapng"), keys = dir.resolve("out.keys");
        String lesson = lesson("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                """).toString();
        Outcome o = sessionlab("run", lesson, "--pcap", pcap.toString(), "--keylog", keys.toString());
        assertThat(o.exit()).isZero();
        assertThat(Files.readAllBytes(pcap)).startsWith(0x0A, 0x0D, 0x0D, 0x0A);
        assertThat(Files.readAllLines(keys)).anyMatch(l -> l.startsWith("CLIENT_TRAFFIC_SECRET_0 "));
        assertThat(o.err().lines()).containsExactly(
                "warning: " + keys + " holds the run's TLS secrets (anyone with it can decrypt the capture)");

        Path alone = dir.resolve("alone.pcapng");
        Outcome captureOnly = sessionlab("run", lesson, "--pcap", alone.toString());
        assertThat(alone).isNotEmptyFile();
        assertThat(captureOnly.err()).isEmpty();
    }

    @Test
    void stacksListsLibsslWithItsVersion() {
        Outcome o = sessionlab("stacks");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).containsPattern("libssl +available +OpenSSL 3\\.").contains("REFERENCE_COUNTS");
    }

    @Test
    void stacksNamesTheCallsEachStackRefuses() {
        Outcome o = sessionlab("stacks");
        assertThat(o.out()).contains("refuses: SSL_CTX_add_session, SSL_SESSION_up_ref, SSL_clear, SSL_set_session, new_session")
                .contains("refuses: SSL_SESSION_up_ref, SSL_clear, SSL_set_session, new_session");
    }

    @Test
    void anUnknownStackIsAnErrorNotASilentFallback() throws Exception {
        Outcome o = sessionlab("run", lesson("note \"x\"\n").toString(), "--stack", "gnutls");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("unknown stack 'gnutls' (known: libssl, jsse, bc)");
    }

    @Test
    void theSameLessonRunsOnEveryStackAndCompareTabulatesThem() throws Exception {
        Outcome o = sessionlab("run", lesson("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                expect version(c1) == tls1.2
                """).toString(), "--compare", "libssl,jsse,bc");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("libssl: 1 passed, 0 failed, 0 errors", "jsse: 1 passed, 0 failed, 0 errors",
                "bc: 1 passed, 0 failed, 0 errors", "tls1.2 full");
    }
}
