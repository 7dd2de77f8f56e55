package sessionlab.export;

import java.nio.ByteBuffer;

/**
 * Builds one IPv4 packet carrying one TCP segment, both headers synthesized: the lab's link is in
 * memory, so there never was a real TCP header to capture. Both checksums are computed (RFC 791,
 * RFC 793 pseudo-header) so that Wireshark's optional checksum validation finds nothing to flag.
 */
final class Ipv4Tcp {
    static final int FIN = 0x01, SYN = 0x02, PSH = 0x08, ACK = 0x10;
    static final int IP_HEADER = 20, TCP_HEADER = 20;
    /** Loopback's MSS, announced in the SYNs; a TLS record (at most 16 KiB + 261) always fits in one segment. */
    static final int MSS = 65495;
    /** Window scale announced in the SYNs: with 65535 << 7 bytes of window nothing ever looks "window full". */
    static final int WINDOW_SHIFT = 7;
    private static final int PROTO_TCP = 6, TTL = 64;

    private Ipv4Tcp() {}

    /** Addresses and ports of one direction of a stream. */
    record Endpoints(byte[] srcIp, int srcPort, byte[] dstIp, int dstPort) {
        Endpoints reversed() {
            return new Endpoints(dstIp, dstPort, srcIp, srcPort);
        }
    }

    /**
     * One packet. {@code seq}/{@code ack} are taken modulo 2^32. SYN segments carry the MSS and
     * window-scale options, as a real loopback SYN would; others carry none.
     */
    static byte[] packet(Endpoints ep, int ipId, long seq, long ack, int flags, byte[] payload) {
        byte[] options = (flags & SYN) != 0 ? synOptions() : new byte[0];
        int tcpLength = TCP_HEADER + options.length + payload.length;
        int total = IP_HEADER + tcpLength;
        if (total > 0xFFFF) throw new IllegalArgumentException("segment too large for one IPv4 packet: " + payload.length);
        ByteBuffer b = ByteBuffer.allocate(total);
        b.put((byte) 0x45).put((byte) 0).putShort((short) total).putShort((short) ipId)
                .putShort((short) 0x4000) // don't fragment, like every TCP/IPv4 packet on Linux loopback
                .put((byte) TTL).put((byte) PROTO_TCP).putShort((short) 0).put(ep.srcIp()).put(ep.dstIp());
        b.putShort(10, (short) checksum(b.array(), 0, IP_HEADER, 0));

        int t = IP_HEADER;
        b.putShort((short) ep.srcPort()).putShort((short) ep.dstPort()).putInt((int) seq)
                .putInt((flags & ACK) != 0 ? (int) ack : 0)
                .put((byte) (((TCP_HEADER + options.length) / 4) << 4)).put((byte) flags)
                .putShort((short) 0xFFFF).putShort((short) 0).putShort((short) 0)
                .put(options).put(payload);
        b.putShort(t + 16, (short) checksum(b.array(), t, tcpLength, pseudoHeaderSum(ep, tcpLength)));
        return b.array();
    }

    private static byte[] synOptions() {
        return new byte[] {
            2, 4, (byte) (MSS >> 8), (byte) MSS, // MSS
            1,                                   // NOP, aligns the next option
            3, 3, WINDOW_SHIFT                   // window scale
        };
    }

    private static long pseudoHeaderSum(Endpoints ep, int tcpLength) {
        long sum = 0;
        for (byte[] ip : new byte[][] {ep.srcIp(), ep.dstIp()}) {
            sum += ((ip[0] & 0xFF) << 8 | (ip[1] & 0xFF)) + ((ip[2] & 0xFF) << 8 | (ip[3] & 0xFF));
        }
        return sum + PROTO_TCP + tcpLength;
    }

    /** The Internet checksum: one's complement of the one's-complement sum of 16-bit words. */
    static int checksum(byte[] data, int offset, int length, long initial) {
        long sum = initial;
        for (int i = 0; i < length; i += 2) {
            int hi = data[offset + i] & 0xFF;
            int lo = i + 1 < length ? data[offset + i + 1] & 0xFF : 0;
            sum += hi << 8 | lo;
        }
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (int) (~sum & 0xFFFF);
    }
}
