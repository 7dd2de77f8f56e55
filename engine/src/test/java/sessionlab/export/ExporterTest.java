package sessionlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sessionlab.event.Event;
import sessionlab.run.RunResult;

/** The facade on a real run: the capture carries libssl's bytes unchanged, the key log its lines. */
class ExporterTest {
    private static RunResult run;
    @TempDir
    Path dir;

    @BeforeAll
    static void runTheLesson() throws Exception {
        run = TicketLesson.run();
    }

    @Test
    void eachDirectionOfEachStreamCarriesExactlyTheRecordsLibsslWrote() throws Exception {
        Path pcap = dir.resolve("cap.pcapng");
        Exporter.write(run.log(), run.keyLog(), pcap, null);
        List<Capture.Segment> segments = Capture.parse(Files.readAllBytes(pcap)).segments();
        TcpStreamsTest.assertSequenceContinuity(segments);
        for (String conn : List.of("c1", "c2")) {
            int port = conn.equals("c1") ? 40000 : 40001;
            for (String direction : List.of("c>s", "s>c")) {
                String expected = run.log().ofType(Event.WireRecord.class).stream()
                        .filter(w -> w.conn().equals(conn) && w.direction().equals(direction))
                        .map(Event.WireRecord::hex).collect(Collectors.joining());
                String carried = segments.stream()
                        .filter(s -> direction.equals("c>s") ? s.srcPort() == port : s.dstPort() == port)
                        .map(s -> HexFormat.of().formatHex(s.payload())).collect(Collectors.joining());
                assertThat(carried).as("%s %s", conn, direction).isNotEmpty().isEqualTo(expected);
            }
        }
        assertThat(dir.resolve("cap.keys")).doesNotExist();
    }

    @Test
    void theKeyLogIsTheRunsLinesReadableByItsOwnerOnly() throws Exception {
        Path keys = dir.resolve("cap.keys");
        Exporter.write(run.log(), run.keyLog(), null, keys);
        assertThat(Files.readAllLines(keys)).isEqualTo(run.keyLog()).isNotEmpty()
                .allMatch(l -> l.matches("[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]+"));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
        }
        assertThat(dir.resolve("cap.pcapng")).doesNotExist();
    }

    @Test
    void anExistingKeyFileIsReplacedAndRestricted() throws Exception {
        Path keys = Files.writeString(dir.resolve("old.keys"), "stale\nlines\nthat are longer than nothing\n".repeat(100));
        Exporter.write(run.log(), List.of("CLIENT_RANDOM aa bb"), null, keys);
        assertThat(Files.readAllLines(keys)).containsExactly("CLIENT_RANDOM aa bb");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
        }
    }
}
