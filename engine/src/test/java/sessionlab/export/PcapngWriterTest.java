package sessionlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.event.EventLog;

/** The pcapng framing, on a small hand-made log (no TLS library needed). */
class PcapngWriterTest {
    static final String CLIENT_HELLO = "160301000401020304", SERVER_HELLO = "1603030005aabbccddee", FINISHED = "17030300030a0b0c";

    /** c1: a client record at 0, a server record at 25, a client record at 50; both SSLs freed at 60. */
    static EventLog oneConnection() {
        EventLog log = new EventLog();
        log.append(0, new Event.RunStarted("test.lab", "libssl", "OpenSSL 3", true, List.of()));
        log.append(0, new Event.ConnectionCreated("c1", "client", "client", 25));
        log.append(0, new Event.ConnectionCreated("c1.server", "server", "server", 25));
        log.append(0, record("c>s", 0, CLIENT_HELLO, "ClientHello"));
        log.append(25, record("s>c", 25, SERVER_HELLO, "ServerHello"));
        log.append(50, record("c>s", 50, FINISHED, "{Finished}"));
        log.append(60, new Event.ConnectionFreed("c1"));
        log.append(60, new Event.ConnectionFreed("c1.server"));
        return log;
    }

    static Event.WireRecord record(String direction, long sentAt, String hex, String label) {
        return record("c1", direction, sentAt, hex, label);
    }

    static Event.WireRecord record(String conn, String direction, long sentAt, String hex, String label) {
        return new Event.WireRecord(conn, direction, sentAt, sentAt + 25, Integer.parseInt(hex.substring(0, 2), 16),
                hex.length() / 2, hex.startsWith("17"), label, List.of(), hex);
    }

    static Capture capture(EventLog log) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter.write(log.events(), out);
        return Capture.parse(out.toByteArray());
    }

    @Test
    void theSectionHeaderComesFirstWithTheByteOrderMagicAndVersionOne() throws Exception {
        Capture.Block shb = capture(oneConnection()).blocks().getFirst();
        assertThat(shb.type()).isEqualTo(0x0A0D0D0A);
        ByteBuffer b = shb.buffer();
        assertThat(b.getInt()).isEqualTo(0x1A2B3C4D);
        assertThat(b.getShort()).isEqualTo((short) 1);
        assertThat(b.getShort()).isEqualTo((short) 0);
        assertThat(b.getLong()).as("section length: unspecified").isEqualTo(-1L);
        assertThat(new String(shb.options(16).get(4))).isEqualTo("TLS Session Lab");
        assertThat(new String(shb.options(16).get(1))).contains("test.lab", "synthesized", "virtual time");
    }

    @Test
    void oneRawIpv4InterfaceWithMicrosecondTimestampsThenOnlyPackets() throws Exception {
        List<Capture.Block> blocks = capture(oneConnection()).blocks();
        assertThat(blocks.get(1).type()).isEqualTo(1);
        ByteBuffer idb = blocks.get(1).buffer();
        assertThat(idb.getShort()).as("LINKTYPE_RAW").isEqualTo((short) 101);
        assertThat(idb.getShort()).isZero();
        assertThat(idb.getInt()).as("snaplen").isEqualTo(0xFFFF);
        Map<Integer, byte[]> options = blocks.get(1).options(8);
        assertThat(options.get(9)).as("if_tsresol").containsExactly(6);
        assertThat(blocks.subList(2, blocks.size())).extracting(Capture.Block::type).containsOnly(6);
    }

    @Test
    void everyRecordIsOnePacketStampedWhenItWasSent() throws Exception {
        List<Capture.Segment> data = capture(oneConnection()).segments().stream().filter(s -> s.payload().length > 0).toList();
        assertThat(data).extracting(s -> HexFormat.of().formatHex(s.payload())).containsExactly(CLIENT_HELLO, SERVER_HELLO, FINISHED);
        assertThat(data).extracting(Capture.Segment::micros).containsExactly(0L, 25_000L, 50_000L);
        assertThat(data).allSatisfy(s -> {
            assertThat(s.capturedLength()).isEqualTo(s.originalLength()).isEqualTo(s.ip().length);
            assertThat(s.has(Ipv4Tcp.PSH) && s.has(Ipv4Tcp.ACK)).isTrue();
        });
        assertThat(data).extracting(Capture.Segment::comment).containsExactly("c1 c>s ClientHello", "c1 s>c ServerHello", "c1 c>s {Finished}");
    }

    @Test
    void timestampsNeverGoBackwards() throws Exception {
        List<Long> times = capture(oneConnection()).segments().stream().map(Capture.Segment::micros).toList();
        assertThat(times).isSorted();
    }

    @Test
    void ipv4AndTcpChecksumsVerify() throws Exception {
        for (Capture.Segment s : capture(oneConnection()).segments()) {
            byte[] ip = s.ip();
            assertThat(ip[0]).as("IPv4, 20-byte header").isEqualTo((byte) 0x45);
            assertThat((ip[2] & 0xFF) << 8 | (ip[3] & 0xFF)).as("total length").isEqualTo(ip.length);
            assertThat(ip[9]).as("protocol TCP").isEqualTo((byte) 6);
            assertThat(Ipv4Tcp.checksum(ip, 0, 20, 0)).as("IPv4 header checksum").isZero();
            long pseudo = (127 << 8) + 1 + (127 << 8) + 1 + 6 + (ip.length - 20);
            assertThat(Ipv4Tcp.checksum(ip, 20, ip.length - 20, pseudo)).as("TCP checksum").isZero();
        }
    }

    @Test
    void aLogWithoutRecordsIsAValidEmptyCapture() throws Exception {
        EventLog log = new EventLog();
        log.append(0, new Event.Note(1, "nothing on the wire"));
        assertThat(capture(log).blocks()).extracting(Capture.Block::type).containsExactly(0x0A0D0D0A, 1);
    }
}
