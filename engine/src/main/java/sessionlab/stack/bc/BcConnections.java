package sessionlab.stack.bc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bouncycastle.tls.TlsSession;
import sessionlab.event.Event;
import sessionlab.scenario.ConnRef;
import sessionlab.scenario.Op;
import sessionlab.scenario.Role;
import sessionlab.scenario.Side;
import sessionlab.scenario.TlsVersion;
import sessionlab.stack.StackException;
import sessionlab.wire.Link;

/**
 * Connections on bctls: both ends made, the handshake driven record by record on virtual time, and
 * the calls on an established connection mapped to the protocol object (read, write, shutdown, free).
 */
final class BcConnections {
    static final long DEFAULT_LATENCY_MS = 25;
    private final BcRun run;

    BcConnections(BcRun run) {
        this.run = run;
    }

    BcEndpoint end(ConnRef ref) throws StackException {
        BcConnection c = run.connections.get(ref.name());
        if (c == null) throw new StackException("undefined", "'" + ref.name() + "' is not a connection of this run");
        BcEndpoint e = c.end(ref.side());
        if (e.freed) throw new StackException("freed", "'" + ref.display() + "' was freed with SSL_free: its protocol object is gone");
        return e;
    }

    /** For what the lab itself counted: allowed after SSL_free. */
    BcEndpoint endKnown(ConnRef ref) throws StackException {
        BcConnection c = run.connections.get(ref.name());
        if (c == null) throw new StackException("undefined", "'" + ref.name() + "' is not a connection of this run");
        return c.end(ref.side());
    }

    void connect(String name, Op.Connect op) throws StackException {
        BcConnection old = run.connections.get(name);
        if (old != null && !(old.client.freed && old.server.freed)) {
            throw new StackException("rebind", "'" + name + "' still names a live connection; SSL_free both sides first");
        }
        BcContext cctx = run.context(op.client().name());
        BcContext sctx = run.context(op.server().name());
        if (cctx.role != Role.CLIENT || sctx.role != Role.SERVER) {
            throw new StackException("ssl-error", "connect needs a client context and a server context, in that order");
        }
        String offerName = op.session().map(r -> r.name()).orElse(null);
        BcSession offer = offerName == null ? null : run.sessionCalls.live(offerName, "connect(..., session=)");
        long latency = op.latency().map(Duration::toMillis).orElse(DEFAULT_LATENCY_MS);
        BcConnection c = new BcConnection(name, new WireDriver(name, run.clock, new Link(run.clock, latency, name, run.faults), run.sink::emit));
        c.client = BcEndpoint.client(name, cctx, run.env, offer == null ? null : offer.tls);
        c.server = BcEndpoint.server(name, sctx, run.env);
        run.connections.put(name, c);
        run.ledger.endpoints.add(c.client);
        run.ledger.endpoints.add(c.server);
        run.sink.emit(new Event.ConnectionCreated(name, "client", cctx.name, latency));
        run.sink.emit(new Event.ConnectionCreated(name + ".server", "server", sctx.name, latency));
        BcExplainer.Before before = null;
        if (offer != null) {
            run.sink.emit(new Event.Call(name, "SSL_set_session", offerName));
            run.sink.emit(new Event.Return(name, "SSL_set_session", "1 (bctls will be asked for it by getSessionToResume())"));
            before = run.explainer.before(offerName, offer, sctx);
        }
        cctx.count("connect");
        sctx.count("accept");
        c.client.onComplete(() -> completed(c.client, sctx));
        c.server.onComplete(() -> completed(c.server, null));
        run.sessions.during = "connect(" + name + ")";
        run.sink.emit(new Event.Call(name, "SSL_connect", ""));
        c.client.start();
        c.driver.drain(c.client);
        run.sink.emit(new Event.Call(name + ".server", "SSL_accept", ""));
        c.server.start();
        c.driver.drain(c.server);
        String failure = c.client.failure() != null ? c.client.failure() : c.server.failure();
        if (failure == null) failure = c.driver.run(c.client, c.server, () -> c.client.handshakeDone() && c.server.handshakeDone());
        if (failure != null) {
            for (BcEndpoint e : new BcEndpoint[] {c.client, c.server}) {
                if (!e.handshakeDone()) {
                    run.sink.emit(new Event.Return(e.display(), e.handshakeCall(), "-1 (" + (e.failure() != null ? e.failure() : "unfinished") + ")"));
                }
            }
        }
        if (before != null) run.explainer.explain(c, before);
        run.observe();
        if (failure != null) throw new StackException("handshake-failed", "the handshake of " + name + " failed: " + failure);
    }

    /** One end finished its handshake: the session it now holds is tracked, then its context counts and caches. */
    private void completed(BcEndpoint e, BcContext issuer) {
        completed(run.sessions, e, issuer);
    }

    /** Shared with the interop tests, where a bctls end meets the JDK's engine without a scenario. */
    static void completed(BcSessions sessions, BcEndpoint e, BcContext issuer) {
        String before = sessions.during;
        sessions.during = e.handshakeCall() + "(" + e.display() + ")";
        TlsSession t = e.context().getSession();
        BcSession s = null;
        if (t != null) {
            s = sessions.find(t);
            if (s == null) {
                s = sessions.track(t, e.sideName(), e.ctx);
                s.version = e.version().map(TlsVersion::word).orElse("");
                s.issuer = issuer;
            }
        }
        e.ctx.handshakeCompleted(e, s);
        sessions.during = before;
    }

    /**
     * SSL_read: whatever has arrived is handed to bctls; if no application data is ready and more is in
     * flight, the clock moves to its arrival. A TLS 1.3 client waits in vain for tickets here.
     */
    void read(BcEndpoint e) {
        run.sink.emit(new Event.Call(e.display(), "SSL_read", ""));
        run.sink.emit(new Event.Return(e.display(), "SSL_read", readResult(e)));
        run.observe();
    }

    private String readResult(BcEndpoint e) {
        if (!e.handshakeDone()) return "-1 (the handshake has not completed)";
        WireDriver driver = run.connections.get(e.conn).driver;
        for (int step = 0; step < WireDriver.MAX_STEPS; step++) {
            driver.deliver(e);
            int available = e.protocol.getAvailableInputBytes();
            if (available > 0) {
                byte[] data = new byte[available];
                int n = e.protocol.readInput(data, 0, available);
                return n + " (\"" + new String(data, 0, n, StandardCharsets.UTF_8) + "\")";
            }
            if (e.failure() != null) return "-1 (" + e.failure() + ")";
            if (e.protocol.isClosed()) return "0 (closed: the peer's close_notify arrived and bctls answered it and closed)";
            if (!driver.awaitAndDeliver(e)) {
                boolean waitsForTickets = e.side == Side.CLIENT && e.version().orElse(null) == TlsVersion.TLS1_3;
                return "-1 (no data: nothing more in flight" + (waitsForTickets
                        ? "; no NewSessionTicket is coming: Bouncy Castle 1.84 sends none" : "") + ")";
            }
        }
        return "-1 (did not settle in " + WireDriver.MAX_STEPS + " steps)";
    }

    void write(BcEndpoint e, String text) {
        run.sink.emit(new Event.Call(e.display(), "SSL_write", "\"" + text + "\""));
        String result;
        if (!e.handshakeDone()) result = "-1 (the handshake has not completed)";
        else if (e.protocol.isClosed()) result = "-1 (bctls has closed this connection)";
        else {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try {
                e.protocol.writeApplicationData(bytes, 0, bytes.length);
                result = Integer.toString(bytes.length);
            } catch (IOException ex) {
                e.fail(WireDriver.describe(ex));
                result = "-1 (" + WireDriver.describe(ex) + ")";
            }
            run.connections.get(e.conn).driver.drain(e);
        }
        run.sink.emit(new Event.Return(e.display(), "SSL_write", result));
    }

    /**
     * SSL_shutdown: {@code close()} sends close_notify and closes both directions at once (bctls will
     * not read the peer's close_notify afterwards). An end that already received the peer's
     * close_notify answered it by itself and is closed.
     */
    void shutdown(BcEndpoint e) {
        run.sink.emit(new Event.Call(e.display(), "SSL_shutdown", ""));
        WireDriver driver = run.connections.get(e.conn).driver;
        driver.deliver(e);
        String result;
        if (e.protocol.isClosed()) {
            result = "1 (already closed: bctls answered the peer's close_notify itself, or was shut down before)";
        } else {
            try {
                e.protocol.close();
                result = "0 (close_notify sent; bctls closed both directions: the peer's close_notify will not be read)";
            } catch (IOException ex) {
                result = "-1 (" + WireDriver.describe(ex) + ")";
            }
            driver.drain(e);
        }
        run.sink.emit(new Event.Return(e.display(), "SSL_shutdown", result));
        run.observe();
    }

    /** SSL_free: the lab drops the protocol object. bctls is not told: no close_notify, no cache changes. */
    void free(BcEndpoint e) {
        run.sink.emit(new Event.Call(e.display(), "SSL_free", ""));
        run.sessions.during = "SSL_free(" + e.display() + ")";
        run.sink.emit(new Event.Return(e.display(), "SSL_free", "the protocol object is dropped; bctls is not told "
                + "(no close_notify is sent, no session is removed or invalidated)"));
        drop(e);
        run.observe();
    }

    /** The lab lets go of the end (SSL_free, or the end of the run). */
    void drop(BcEndpoint e) {
        e.freed = true;
        run.ledger.endpoints.remove(e);
        run.sink.emit(new Event.ConnectionFreed(e.display()));
    }

    void clear(BcEndpoint e) throws StackException {
        throw BcRefusals.refuse("SSL_clear");
    }
}
