package sessionlab.stack.jsse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import sessionlab.event.Event;
import sessionlab.scenario.Side;
import sessionlab.stack.StackException;
import sessionlab.stack.jsse.Hosted.Step;
import sessionlab.wire.Direction;
import sessionlab.wire.Link;
import sessionlab.wire.TlsRecord;

/**
 * Drives the SSLEngines of a connection purely by their handshake status: NEED_TASK runs the
 * delegated tasks inline, NEED_WRAP wraps (also after FINISHED, e.g. an alert or a close_notify
 * reply), NEED_UNWRAP unwraps what has arrived (one record per call, so a record holding several
 * messages is one call). Waiting moves the virtual clock to the next arrival. Every loop is bounded:
 * a broken wire ends in an error, never in a hang.
 */
final class Pump {
    private static final int MAX_STEPS = 400;
    private final JsseRun run;
    private final WireTap wire;

    Pump(JsseRun run) {
        this.run = run;
        this.wire = new WireTap(run);
    }

    // ---- the handshake ----

    void handshake(Conn c) throws StackException {
        run.sink.emit(new Event.Call(c.client.display(), "SSL_connect", ""));
        apply(c.client, c.client.host().call(new Hosted.Begin(c.client.engine)));
        run.sink.emit(new Event.Call(c.server.display(), "SSL_accept", ""));
        apply(c.server, c.server.host().call(new Hosted.Begin(c.server.engine)));
        for (int steps = 0; !(c.client.handshakeDone && c.server.handshakeDone); steps++) {
            if (steps > MAX_STEPS) throw new StackException("handshake-failed", "the handshake of " + c.name + " did not finish in " + MAX_STEPS + " steps");
            boolean moved = step(c.client);
            moved |= step(c.server);
            if (moved) continue;
            long next = Math.min(waitFor(c.client), waitFor(c.server));
            if (next == Long.MAX_VALUE) break;
            run.clock.advanceTo(next);
        }
        if (c.client.handshakeDone && c.server.handshakeDone) return;
        StringBuilder why = new StringBuilder();
        for (End e : List.of(c.client, c.server)) {
            if (e.failure != null) why.append(why.isEmpty() ? "" : "; ").append(e.display()).append(": ").append(e.failure);
            else if (!e.handshakeDone) run.sink.emit(new Event.Return(e.display(), e.handshakeCall(), "-1 (stalled: waiting for data that will never arrive)"));
        }
        throw new StackException("handshake-failed", "the handshake of " + c.name + " failed: "
                + (why.isEmpty() ? "stalled, nothing in flight (a record was lost)" : why));
    }

    /** When the next bytes arrive for an end that is waiting to read; never for one that is not. */
    private long waitFor(End e) {
        if (e.freed || !e.waitingToRead()) return Long.MAX_VALUE;
        return e.conn.link.nextArrival(e.receives()).orElse(Long.MAX_VALUE);
    }

    /** One action of one engine, as its handshake status asks. Returns whether anything moved. */
    boolean step(End e) {
        if (e.freed) return false;
        String before = e.status;
        Step s = switch (e.status) {
            case "NEED_TASK" -> e.host().call(new Hosted.Tasks(e.engine));
            case "NEED_WRAP" -> wrap(e, new byte[0]);
            case "NEED_UNWRAP", "NEED_UNWRAP_AGAIN" -> {
                deliver(e);
                yield e.inbound.length == 0 ? null : unwrap(e);
            }
            default -> null;
        };
        if (s == null) return false;
        if (s.error() == null && "NEED_TASK".equals(before)) apply(e, s);
        return s.consumed() > 0 || s.produced().length > 0 || s.finished() || s.error() != null || !s.status().equals(before);
    }

    // ---- engine calls ----

    Step wrap(End e, byte[] app) {
        Step s = e.host().call(new Hosted.Wrap(e.engine, app));
        if (s.produced().length > 0) wire.transmit(e, s.produced(), label(e, s, app));
        apply(e, s);
        return s;
    }

    /** One unwrap of what this end has received. A client that already finished may be reading tickets: they are counted. */
    Step unwrap(End e) {
        boolean afterHandshake = e.side == Side.CLIENT && e.handshakeDone;
        List<Hosted.SessionView> arrived = List.of();
        Step s;
        if (afterHandshake) {
            Hosted.Watched w = e.host().call(new Hosted.UnwrapWatching(e.engine, e.inbound));
            s = w.step();
            arrived = w.arrived();
        } else {
            s = e.host().call(new Hosted.Unwrap(e.engine, e.inbound));
        }
        e.inbound = Arrays.copyOfRange(e.inbound, s.consumed(), e.inbound.length);
        e.consumed += s.consumed();
        if (e.side == Side.CLIENT) wire.tls12TicketsRead(e);
        if (afterHandshake && s.error() == null && s.consumed() > 0 && s.app().length == 0) wire.tls13TicketsRead(e, arrived);
        apply(e, s);
        return s;
    }

    private void deliver(End e) {
        byte[] arrived = e.conn.link.receive(e.receives());
        if (arrived.length == 0) return;
        byte[] joined = Arrays.copyOf(e.inbound, e.inbound.length + arrived.length);
        System.arraycopy(arrived, 0, joined, e.inbound.length, arrived.length);
        e.inbound = joined;
    }

    /** Takes in what an engine call reported: its new status, the end of its handshake, or its failure. */
    private void apply(End e, Step s) {
        e.status = s.status();
        e.outboundDone = s.outboundDone();
        e.inboundDone = s.inboundDone();
        if (s.error() != null && e.failure == null) {
            e.failure = s.error();
            if (!e.handshakeDone) run.sink.emit(new Event.Return(e.display(), e.handshakeCall(), "-1 (" + s.error() + ")"));
        }
        if (s.finished() && !e.handshakeDone) run.handshakeDone(e);
    }

    /**
     * What the engine wrapped, as far as its result tells: application data it consumed, an alert
     * once its outbound side closed, the tickets of a TLS 1.3 server (its only flight after it read
     * the client's Finished), or handshake messages.
     */
    private static String label(End e, Step s, byte[] app) {
        if (app.length > 0 && s.consumed() > 0) return "{ApplicationData}";
        if (s.outboundDone() || "CLOSED".equals(s.result())) return "{Alert}";
        boolean tls13 = e.conn.serverHello != null && e.conn.serverHello.selectedVersion() == 0x0304;
        if (e.side == Side.SERVER && tls13 && s.finished()) return "{NewSessionTicket (all of this handshake's tickets)}";
        return "{Handshake}";
    }

    /** Wraps for as long as the engine asks to (an alert, a close_notify, a reply it owes). */
    private void flushWraps(End e) {
        for (int i = 0; i < MAX_STEPS && ("NEED_WRAP".equals(e.status) || "NEED_TASK".equals(e.status)); i++) {
            if (!step(e)) return;
        }
    }

    // ---- the calls made on an established connection ----

    /**
     * SSL_read: unwraps what has arrived. Records without application data (tickets, a key update)
     * are processed and reading goes on; if nothing more has arrived but something is in flight, the
     * clock moves to its arrival, as a blocking read would wait.
     */
    String read(End e) {
        String result = null;
        for (int i = 0; i < MAX_STEPS && result == null; i++) {
            flushWraps(e);
            deliver(e);
            if (e.inbound.length > 0) {
                Step s = unwrap(e);
                if (s.error() != null) result = "-1 (" + s.error() + ")";
                else if (s.app().length > 0) result = s.app().length + " (\"" + new String(s.app(), StandardCharsets.UTF_8) + "\")";
                else if ("CLOSED".equals(s.result())) {
                    result = e.failure != null ? "-1 (the engine is closed: it failed earlier with " + e.failure + ")" : "0 (the peer sent close_notify)";
                }
                else if (s.consumed() > 0) continue;
            }
            if (result != null) break;
            OptionalLong next = e.conn.link.nextArrival(e.receives());
            if (next.isPresent()) run.clock.advanceTo(next.getAsLong());
            else result = e.inboundDone ? "0 (the peer had already closed)" : "-1 SSL_ERROR_WANT_READ (nothing more in flight)";
        }
        flushWraps(e);
        return result == null ? "-1 (gave up after " + MAX_STEPS + " records)" : result;
    }

    String write(End e, String text) {
        byte[] rest = text.getBytes(StandardCharsets.UTF_8);
        int written = 0;
        for (int i = 0; i < MAX_STEPS && rest.length > 0; i++) {
            Step s = wrap(e, rest);
            if (s.error() != null) return written > 0 ? Integer.toString(written) : "-1 (" + s.error() + ")";
            if ("CLOSED".equals(s.result())) return written > 0 ? Integer.toString(written) : "-1 (the engine's outbound side is closed)";
            if (s.consumed() == 0 && s.produced().length == 0) break;
            written += s.consumed();
            rest = Arrays.copyOfRange(rest, s.consumed(), rest.length);
        }
        flushWraps(e);
        return Integer.toString(written);
    }

    /** SSL_shutdown: closeOutbound, then the wrap that sends close_notify; like libssl, it does not wait for the peer's. */
    String shutdown(End e) {
        Step s = e.host().call(new Hosted.CloseOutbound(e.engine));
        apply(e, s);
        flushWraps(e);
        return e.inboundDone ? "1 (close_notify sent and received)" : "0 (close_notify sent; the peer's not yet received)";
    }

    /** A wire record the decoder cannot read: still sent, shown raw. */
    static Event.WireRecord undecodable(Conn c, Direction d, Link.InFlight f, TlsRecord r) {
        return new Event.WireRecord(c.name, d.arrow(), f.sentAt(), f.arrivesAt(), r.contentType(), r.raw().length, false,
                "undecodable", List.of(), HexFormat.of().formatHex(r.raw()));
    }
}
