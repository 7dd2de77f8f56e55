package sessionlab.stack.jsse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sessionlab.stack.jsse.Hosted.Step;

/**
 * Test helper: a client and a server context on one host and handshakes between them, driven only
 * through the host's commands (as the run drives them, without the wire or events). A client that
 * finished keeps its tickets unread until {@link Connection#readTickets()}.
 */
final class HostedConnections {
    static final int CLIENT = 1;
    static final int SERVER = 2;
    private final Host host;
    private int nextEngine = 100;

    HostedConnections(Host host, int clientCacheSize) {
        this.host = host;
        host.call(new Hosted.NewContext(CLIENT, false, true, clientCacheSize, 7200));
        host.call(new Hosted.NewContext(SERVER, true, true, 20480, 7200));
    }

    /** A TLS 1.3 handshake of a new client engine for {@code port} (a port used before offers what the cache holds for it). */
    Connection connect(int port) {
        ArrayList<String> tls13 = new ArrayList<>(List.of("TLSv1.3"));
        int client = ++nextEngine, server = ++nextEngine;
        host.call(new Hosted.NewEngine(CLIENT, client, true, "localhost", port, tls13));
        host.call(new Hosted.NewEngine(SERVER, server, false, null, 0, tls13));
        Connection c = new Connection(port, new End(client, host.call(new Hosted.Begin(client))), new End(server, host.call(new Hosted.Begin(server))));
        for (int round = 0; round < 100 && !(c.client.finished && c.server.finished); round++) {
            if (!(c.client.step(c.server) | c.server.step(c.client))) break;
        }
        if (!(c.client.finished && c.server.finished)) throw new AssertionError("the handshake on port " + port + " did not finish");
        return c;
    }

    int[] clientCache() {
        return host.call(new Hosted.Look()).caches().get(CLIENT);
    }

    final class Connection {
        final int port;
        final End client;
        final End server;

        Connection(int port, End client, End server) {
            this.port = port;
            this.client = client;
            this.server = server;
        }

        /** The client's session, as a look shows it. */
        int clientSession() {
            return host.call(new Hosted.Look()).engineSessions().get(client.engine);
        }

        /** The client unwraps what the server sent after its Finished; returns the sessions that entered its cache. */
        List<Hosted.SessionView> readTickets() {
            List<Hosted.SessionView> arrived = new ArrayList<>();
            while (client.inbound.length > 0) {
                Hosted.Watched w = host.call(new Hosted.UnwrapWatching(client.engine, client.inbound));
                if (w.step().error() != null || w.step().consumed() == 0) break;
                client.inbound = Arrays.copyOfRange(client.inbound, w.step().consumed(), client.inbound.length);
                arrived.addAll(w.arrived());
            }
            return arrived;
        }
    }

    /** One engine, stepped by its handshake status; it stops at FINISHED, as the run's pump does. */
    final class End {
        final int engine;
        String status;
        boolean finished;
        byte[] inbound = new byte[0];

        End(int engine, Step begun) {
            this.engine = engine;
            this.status = begun.status();
        }

        boolean step(End peer) {
            if (finished) return false;
            Step s = switch (status) {
                case "NEED_TASK" -> host.call(new Hosted.Tasks(engine));
                case "NEED_WRAP" -> host.call(new Hosted.Wrap(engine, new byte[0]));
                case "NEED_UNWRAP", "NEED_UNWRAP_AGAIN" -> inbound.length == 0 ? null : host.call(new Hosted.Unwrap(engine, inbound));
                default -> null;
            };
            if (s == null) return false;
            if (s.error() != null) throw new AssertionError("engine " + engine + " failed: " + s.error());
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
