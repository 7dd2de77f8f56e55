package sessionlab.stack.jsse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import sessionlab.stack.jsse.Hosted.SessionView;
import sessionlab.stack.jsse.Hosted.Step;

/**
 * Measures how many TLS 1.3 tickets a host's SunJSSE server sends per handshake: one real
 * handshake in memory, then the client reads and the new entries of its cache are counted. The
 * count is fixed per JVM, so it is measured once, never assumed from a property.
 */
final class TicketProbe {
    private static final int SERVER = -1;
    private static final int CLIENT = -2;
    private static final int PROBE_PORT = 9;
    private static final int MAX_ROUNDS = 100;

    private TicketProbe() {}

    static int count(Host h) {
        ArrayList<String> tls13 = new ArrayList<>(List.of("TLSv1.3"));
        h.call(new Hosted.NewContext(SERVER, true, true, 20480, 7200));
        h.call(new Hosted.NewContext(CLIENT, false, true, 20480, 7200));
        try {
            h.call(new Hosted.NewEngine(SERVER, SERVER, false, null, 0, tls13));
            h.call(new Hosted.NewEngine(CLIENT, CLIENT, true, "localhost", PROBE_PORT, tls13));
            Side client = new Side(CLIENT, h.call(new Hosted.Begin(CLIENT)));
            Side server = new Side(SERVER, h.call(new Hosted.Begin(SERVER)));
            for (int round = 0; round < MAX_ROUNDS && !(client.finished && server.finished); round++) {
                boolean moved = client.step(h, server) | server.step(h, client);
                if (!moved) break;
            }
            if (!(client.finished && server.finished)) throw new Host.HostFailure(h.where() + ": the ticket probe's handshake stalled", null);
            Set<Integer> before = handles(h.call(new Hosted.Cache(CLIENT)));
            while (client.inbound.length > 0) {
                Step s = h.call(new Hosted.Unwrap(CLIENT, client.inbound));
                if (s.error() != null || s.consumed() == 0) break;
                client.inbound = Arrays.copyOfRange(client.inbound, s.consumed(), client.inbound.length);
            }
            int tickets = 0;
            for (SessionView v : h.call(new Hosted.Cache(CLIENT))) {
                if (!before.contains(v.handle()) && v.peerPort() == PROBE_PORT) tickets++;
            }
            return tickets;
        } finally {
            h.call(new Hosted.FreeEngine(CLIENT));
            h.call(new Hosted.FreeEngine(SERVER));
            h.call(new Hosted.FreeContext(CLIENT));
            h.call(new Hosted.FreeContext(SERVER));
        }
    }

    private static Set<Integer> handles(List<SessionView> views) {
        Set<Integer> s = new HashSet<>();
        for (SessionView v : views) s.add(v.handle());
        return s;
    }

    /** One end of the probe; stops at FINISHED so that the tickets stay unread, as on a real wire. */
    private static final class Side {
        final int engine;
        String status;
        boolean finished;
        byte[] inbound = new byte[0];

        Side(int engine, Step begun) {
            this.engine = engine;
            this.status = begun.status();
        }

        boolean step(Host h, Side peer) {
            if (finished) return false;
            Step s = switch (status) {
                case "NEED_TASK" -> h.call(new Hosted.Tasks(engine));
                case "NEED_WRAP" -> h.call(new Hosted.Wrap(engine, new byte[0]));
                case "NEED_UNWRAP", "NEED_UNWRAP_AGAIN" -> inbound.length == 0 ? null : h.call(new Hosted.Unwrap(engine, inbound));
                default -> null;
            };
            if (s == null) return false;
            if (s.error() != null) throw new Host.HostFailure(h.where() + ": the ticket probe failed: " + s.error(), null);
            inbound = Arrays.copyOfRange(inbound, s.consumed(), inbound.length);
            if (s.produced().length > 0) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(peer.inbound);
                b.writeBytes(s.produced());
                peer.inbound = b.toByteArray();
            }
            boolean moved = s.consumed() > 0 || s.produced().length > 0 || s.finished() || !s.status().equals(status);
            finished = s.finished();
            status = s.status();
            return moved;
        }
    }
}
