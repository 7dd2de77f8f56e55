package sessionlab.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;

/**
 * Turns a run's {@code wire.record} events into the packets of one TCP stream per scenario
 * connection (c1, c2...), so Wireshark can follow and reassemble them. The TLS records are the real
 * bytes libssl wrote; everything around them is synthesized: 127.0.0.1:(40000+i) to 127.0.0.1:443,
 * a SYN/SYN-ACK/ACK at the connection's start, one segment per record, FINs when each end's SSL is
 * freed (or when the log ends), and the ACKs for those FINs.
 *
 * <p>Timing: a record's packet is stamped with the virtual time it was sent. Ack numbers only cover
 * what had arrived by then (a record's {@code arrivesAt}), so a capture read with relative times
 * matches the wire lane. The three-way handshake is placed at the instant of the connection's first
 * record: the lab's link has no TCP set-up time, and inventing one would shift the real records.
 */
final class TcpStreams {
    static final int SERVER_PORT = 443, FIRST_CLIENT_PORT = 40000;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    /** One packet for the capture: virtual time in microseconds, the IPv4 bytes, a frame comment. */
    record Packet(long micros, byte[] ipv4, String comment) {}

    private TcpStreams() {}

    static List<Packet> packets(List<LoggedEvent> events) {
        return new Builder().build(events);
    }

    /** Something to do at a virtual time; {@code order} keeps the log's order among equal times. */
    private record Step(long at, long order, Runnable action) {}

    /** One end of a stream: what it has sent (sequence space) and what has reached its peer. */
    private static final class End {
        final long isn;
        long next;                 // next sequence number to send
        boolean finSent;
        final ArrayDeque<long[]> inFlight = new ArrayDeque<>(); // {arrivesAt, endSeq}, FIFO like the link
        long delivered;            // highest sequence number the peer has received, for the peer's ack

        End(long isn) {
            this.isn = isn;
            this.next = isn;
            this.delivered = isn;
        }

        /** Everything this end sent that has arrived by {@code time}: the peer may acknowledge it. */
        long deliveredBy(long time) {
            while (!inFlight.isEmpty() && inFlight.peekFirst()[0] <= time) delivered = inFlight.pollFirst()[1];
            return delivered;
        }
    }

    private static final class Stream {
        final String conn;
        final Ipv4Tcp.Endpoints clientToServer;
        final End client, server;
        long latencyMs;

        Stream(String conn, int index, long latencyMs) {
            this.conn = conn;
            this.clientToServer = new Ipv4Tcp.Endpoints(LOOPBACK, FIRST_CLIENT_PORT + index, LOOPBACK, SERVER_PORT);
            // fixed, distinct initial sequence numbers: the export is reproducible byte for byte
            this.client = new End(0x10000000L * (index % 8 + 1) + 1);
            this.server = new End(0x80000000L + 0x01000000L * (index % 64) + 1);
            this.latencyMs = latencyMs;
        }

        boolean closed() {
            return client.finSent && server.finSent;
        }
    }

    private static final class Builder {
        private final PriorityQueue<Step> queue = new PriorityQueue<>(
                (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
        private final Map<String, Stream> current = new LinkedHashMap<>();
        private final List<Packet> packets = new ArrayList<>();
        private long order;
        private int streams;
        private int ipId;

        List<Packet> build(List<LoggedEvent> events) {
            long end = 0;
            for (LoggedEvent le : events) {
                end = Math.max(end, le.at());
                switch (le.event()) {
                    case Event.ConnectionCreated c when "client".equals(c.side()) ->
                            schedule(le.at(), () -> open(c.conn(), le.at(), c.latencyMs()));
                    case Event.ConnectionFreed f -> schedule(le.at(), () -> close(f.conn(), le.at()));
                    case Event.WireRecord w -> {
                        end = Math.max(end, w.sentAt());
                        schedule(w.sentAt(), () -> record(w));
                    }
                    default -> { }
                }
            }
            long last = end;
            schedule(last, () -> current.values().forEach(s -> {
                if (!s.client.finSent) fin(s, true, last, "the run ended");
                if (!s.server.finSent) fin(s, false, last, "the run ended");
            }));
            while (!queue.isEmpty()) queue.poll().action().run();
            return packets;
        }

        private void schedule(long at, Runnable action) {
            queue.add(new Step(at, order++, action));
        }

        /** A new connection under this name: the previous one with that name (if any) is over. */
        private Stream open(String conn, long at, long latencyMs) {
            Stream old = current.get(conn);
            if (old != null) {
                if (!old.client.finSent) fin(old, true, at, "a new connection took the name " + conn);
                if (!old.server.finSent) fin(old, false, at, "a new connection took the name " + conn);
            }
            Stream s = new Stream(conn, streams++, latencyMs);
            current.put(conn, s);
            // three-way handshake, delivered at once: the lab's link sets up no TCP connection
            send(s, true, Ipv4Tcp.SYN, new byte[0], at, at, conn + " TCP handshake (synthesized)");
            send(s, false, Ipv4Tcp.SYN | Ipv4Tcp.ACK, new byte[0], at, at, conn + " TCP handshake (synthesized)");
            send(s, true, Ipv4Tcp.ACK, new byte[0], at, at, conn + " TCP handshake (synthesized)");
            return s;
        }

        private void record(Event.WireRecord w) {
            String conn = clientName(w.conn());
            Stream s = current.get(conn);
            if (s == null || s.closed()) {
                // a log without ssl.created events (hand-made, or filtered): open the stream on first sight
                s = open(conn, w.sentAt(), Math.max(0, w.arrivesAt() - w.sentAt()));
            }
            boolean fromClient = "c>s".equals(w.direction());
            byte[] bytes = HexFormat.of().parseHex(w.hex());
            send(s, fromClient, Ipv4Tcp.PSH | Ipv4Tcp.ACK, bytes, w.sentAt(), w.arrivesAt(),
                    conn + " " + w.direction() + " " + w.label());
        }

        /** An SSL was freed: its end of the stream sends FIN (c1 is the client's end, c1.server the server's). */
        private void close(String name, long at) {
            boolean server = name.endsWith(".server");
            Stream s = current.get(clientName(name));
            if (s == null) return;
            End e = server ? s.server : s.client;
            if (!e.finSent) fin(s, !server, at, "SSL " + name + " was freed");
        }

        private void fin(Stream s, boolean fromClient, long at, String why) {
            long arrives = at + s.latencyMs;
            String who = fromClient ? "client" : "server";
            send(s, fromClient, Ipv4Tcp.FIN | Ipv4Tcp.ACK, new byte[0], at, arrives,
                    s.conn + " " + who + " closes: " + why + " (synthesized FIN)");
            (fromClient ? s.client : s.server).finSent = true;
            // the peer's kernel acknowledges the FIN when it arrives
            schedule(arrives, () -> send(s, !fromClient, Ipv4Tcp.ACK, new byte[0], arrives, arrives,
                    s.conn + " " + (fromClient ? "server" : "client") + " acknowledges the FIN (synthesized)"));
        }

        private void send(Stream s, boolean fromClient, int flags, byte[] payload, long at, long arrivesAt, String comment) {
            End me = fromClient ? s.client : s.server, peer = fromClient ? s.server : s.client;
            long ack = peer.deliveredBy(at);
            Ipv4Tcp.Endpoints ep = fromClient ? s.clientToServer : s.clientToServer.reversed();
            packets.add(new Packet(at * 1000, Ipv4Tcp.packet(ep, ++ipId & 0xFFFF, me.next, ack, flags, payload), comment));
            long length = payload.length + ((flags & (Ipv4Tcp.SYN | Ipv4Tcp.FIN)) != 0 ? 1 : 0);
            if (length > 0) {
                me.next += length;
                me.inFlight.addLast(new long[] {arrivesAt, me.next});
            }
        }

        private static String clientName(String conn) {
            return conn.endsWith(".server") ? conn.substring(0, conn.length() - ".server".length()) : conn;
        }
    }
}
