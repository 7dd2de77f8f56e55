package sessionlab.export;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.event.LoggedEvent;

/**
 * Writes a run's {@code wire.record} events as a pcapng capture that Wireshark opens directly: one
 * Section Header Block, one Interface Description Block (LINKTYPE_RAW: each packet starts with its
 * IPv4 header, so no fake link-layer header is needed) with microsecond timestamps, and one Enhanced
 * Packet Block per TCP segment (see {@link TcpStreams} for what is synthesized around the records).
 *
 * <p>Timestamps are the run's virtual time: the epoch (1970-01-01 00:00:00 UTC) is the start of the
 * run, so Wireshark's "seconds since beginning of capture" reads like the wire lane. Each packet
 * carries a frame comment naming its connection, direction and the messages libssl put in it.
 * Blocks are written big-endian; the byte-order magic tells readers so.
 */
public final class PcapngWriter {
    public static final int LINKTYPE_RAW = 101;
    public static final int SECTION_HEADER = 0x0A0D0D0A, INTERFACE_DESCRIPTION = 0x00000001, ENHANCED_PACKET = 0x00000006;
    public static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** if_tsresol 6: timestamps count microseconds (10^-6 s). */
    public static final int TSRESOL_MICROSECONDS = 6;
    static final int SNAPLEN = 0xFFFF;
    private static final int OPT_END = 0, OPT_COMMENT = 1, SHB_USERAPPL = 4, IF_NAME = 2, IF_DESCRIPTION = 3, IF_TSRESOL = 9;

    private final OutputStream out;

    private PcapngWriter(OutputStream out) {
        this.out = out;
    }

    /** The whole log as a capture file (created or replaced). */
    public static void write(EventLog log, Path file) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(log.events(), o);
        }
    }

    /** The events' wire records as a capture, to a stream the caller closes. */
    public static void write(List<LoggedEvent> events, OutputStream out) throws IOException {
        PcapngWriter w = new PcapngWriter(out);
        w.sectionHeader(describe(events));
        w.interfaceDescription();
        for (TcpStreams.Packet p : TcpStreams.packets(events)) w.enhancedPacket(p.micros(), p.ipv4(), p.comment());
        out.flush();
    }

    private static String describe(List<LoggedEvent> events) {
        String run = events.stream().map(LoggedEvent::event).filter(Event.RunStarted.class::isInstance)
                .map(Event.RunStarted.class::cast).findFirst()
                .map(r -> r.file() + " on " + r.stack() + " (" + r.stackVersion() + ")").orElse("a TLS Session Lab run");
        return "TLS records written by the real TLS library during " + run + ". IPv4/TCP headers, the TCP handshake,"
                + " FINs and ACKs are synthesized (the lab's link is in memory). Time 0 (1970-01-01 00:00 UTC) is the"
                + " start of the run; timestamps are virtual time at which each record was sent.";
    }

    private void sectionHeader(String comment) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(ByteBuffer.allocate(16).putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0)
                .putLong(-1L) // section length unknown: allowed, and lets us stream
                .array());
        option(body, OPT_COMMENT, utf8(comment));
        option(body, SHB_USERAPPL, utf8("TLS Session Lab"));
        endOfOptions(body);
        block(SECTION_HEADER, body.toByteArray());
    }

    private void interfaceDescription() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(ByteBuffer.allocate(8).putShort((short) LINKTYPE_RAW).putShort((short) 0).putInt(SNAPLEN).array());
        option(body, IF_NAME, utf8("sessionlab"));
        option(body, IF_DESCRIPTION, utf8("TLS Session Lab in-memory link, shown as 127.0.0.1 loopback"));
        option(body, IF_TSRESOL, new byte[] {TSRESOL_MICROSECONDS});
        endOfOptions(body);
        block(INTERFACE_DESCRIPTION, body.toByteArray());
    }

    private void enhancedPacket(long micros, byte[] packet, String comment) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(ByteBuffer.allocate(20).putInt(0) // interface 0, the only one
                .putInt((int) (micros >>> 32)).putInt((int) micros)
                .putInt(packet.length).putInt(packet.length).array());
        body.write(packet);
        pad(body, packet.length);
        option(body, OPT_COMMENT, utf8(comment));
        endOfOptions(body);
        block(ENHANCED_PACKET, body.toByteArray());
    }

    /** Type, total length, body, total length again: readers can walk blocks both ways. */
    private void block(int type, byte[] body) throws IOException {
        int total = 12 + body.length; // bodies are always padded to 32 bits
        out.write(ByteBuffer.allocate(8).putInt(type).putInt(total).array());
        out.write(body);
        out.write(ByteBuffer.allocate(4).putInt(total).array());
    }

    private static void option(ByteArrayOutputStream body, int code, byte[] value) {
        body.writeBytes(ByteBuffer.allocate(4).putShort((short) code).putShort((short) value.length).array());
        body.writeBytes(value);
        pad(body, value.length);
    }

    private static void endOfOptions(ByteArrayOutputStream body) {
        body.writeBytes(new byte[] {0, OPT_END, 0, 0});
    }

    private static void pad(ByteArrayOutputStream body, int length) {
        body.writeBytes(new byte[(4 - length % 4) % 4]);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
