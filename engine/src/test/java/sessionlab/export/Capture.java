package sessionlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: reads back what {@link PcapngWriter} wrote, independently of it (offsets from the
 * pcapng specification), and checks the framing every block must have on the way.
 */
record Capture(List<Block> blocks) {
    record Block(int type, int totalLength, byte[] body) {
        ByteBuffer buffer() {
            return ByteBuffer.wrap(body);
        }

        /** The block's options, starting at {@code offset} in the body: code to value. */
        Map<Integer, byte[]> options(int offset) {
            Map<Integer, byte[]> options = new LinkedHashMap<>();
            ByteBuffer b = buffer().position(offset);
            while (b.remaining() >= 4) {
                int code = b.getShort() & 0xFFFF, length = b.getShort() & 0xFFFF;
                if (code == 0) break;
                byte[] value = new byte[length];
                b.get(value);
                b.position(b.position() + (4 - length % 4) % 4);
                options.put(code, value);
            }
            return options;
        }
    }

    /** One Enhanced Packet Block, with its IPv4 and TCP header fields decoded. */
    record Segment(long micros, int capturedLength, int originalLength, byte[] ip, String comment) {
        int srcPort() { return u16(20); }
        int dstPort() { return u16(22); }
        long seq() { return u32(24); }
        long ack() { return u32(28); }
        int flags() { return ip[33] & 0xFF; }
        int tcpHeaderLength() { return ((ip[32] & 0xFF) >> 4) * 4; }
        byte[] payload() { return Arrays.copyOfRange(ip, 20 + tcpHeaderLength(), ip.length); }
        boolean has(int flag) { return (flags() & flag) != 0; }
        /** Sequence space this segment uses: its data, plus one for SYN and one for FIN. */
        long length() { return payload().length + (has(Ipv4Tcp.SYN) ? 1 : 0) + (has(Ipv4Tcp.FIN) ? 1 : 0); }

        private int u16(int at) { return (ip[at] & 0xFF) << 8 | (ip[at + 1] & 0xFF); }
        private long u32(int at) { return ByteBuffer.wrap(ip, at, 4).getInt() & 0xFFFFFFFFL; }
    }

    static Capture parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        List<Block> blocks = new ArrayList<>();
        while (b.hasRemaining()) {
            int start = b.position();
            int type = b.getInt(), total = b.getInt();
            assertThat(total % 4).as("block at %d: total length is a multiple of 4", start).isZero();
            assertThat(total).as("block at %d: total length fits", start).isBetween(12, file.length - start);
            byte[] body = new byte[total - 12];
            b.get(body);
            assertThat(b.getInt()).as("block at %d: trailing total length", start).isEqualTo(total);
            blocks.add(new Block(type, total, body));
        }
        return new Capture(blocks);
    }

    List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (Block block : blocks) {
            if (block.type() != PcapngWriter.ENHANCED_PACKET) continue;
            ByteBuffer b = block.buffer();
            b.getInt(); // interface id
            long micros = (b.getInt() & 0xFFFFFFFFL) << 32 | (b.getInt() & 0xFFFFFFFFL);
            int captured = b.getInt(), original = b.getInt();
            byte[] ip = new byte[captured];
            b.get(ip);
            byte[] comment = block.options(20 + captured + (4 - captured % 4) % 4).get(1);
            out.add(new Segment(micros, captured, original, ip, comment == null ? null : new String(comment, StandardCharsets.UTF_8)));
        }
        return out;
    }
}
