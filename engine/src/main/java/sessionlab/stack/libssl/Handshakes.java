package sessionlab.stack.libssl;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import sessionlab.event.Event;
import sessionlab.scenario.ConnRef;
import sessionlab.scenario.Op;
import sessionlab.scenario.Side;
import sessionlab.stack.StackException;
import sessionlab.wire.Link;

/**
 * Connections: SSL_new on both sides over memory BIOs, handshakes driven step by step on virtual
 * time, and the calls made on an established connection (read, write, shutdown, free, clear).
 */
final class Handshakes {
    static final long DEFAULT_LATENCY_MS = 25;
    private static final int MAX_STEPS = 200;
    private final LibsslRun run;
    private final Libssl lib;

    Handshakes(LibsslRun run) {
        this.run = run;
        this.lib = run.lib;
    }

    Endpoint end(ConnRef ref) throws StackException {
        Connection c = run.connections.get(ref.name());
        if (c == null) throw new StackException("undefined", "'" + ref.name() + "' is not a connection of this run");
        Endpoint e = c.end(ref.side());
        if (e.freed) {
            throw Guard.FREED_CONNECTION.refuse(run, ref.display(), null, "'" + ref.display()
                    + "' was freed with SSL_free" + (e.freedLine > 0 ? " (line " + e.freedLine + ")" : "") + "; using it would touch freed memory");
        }
        return e;
    }

    void connect(String name, Op.Connect op) throws StackException {
        Connection old = run.connections.get(name);
        if (old != null && !(old.client.freed && old.server.freed)) {
            throw new StackException("rebind", "'" + name + "' still names a live connection; SSL_free both sides first");
        }
        LibsslContext cctx = run.context(op.client().name());
        LibsslContext sctx = run.context(op.server().name());
        TrackedSession offer = null;
        if (op.session().isPresent()) offer = run.sessionCalls().live(op.session().get().name(), "connect(..., session=)");
        long latency = op.latency().map(java.time.Duration::toMillis).orElse(DEFAULT_LATENCY_MS);
        Connection c = new Connection(name, new Link(run.clock, latency, name, run.faults));
        c.client = newEnd(c, Side.CLIENT, cctx);
        c.server = newEnd(c, Side.SERVER, sctx);
        run.connections.put(name, c);
        run.sink.emit(new Event.ConnectionCreated(name, "client", cctx.name, latency));
        run.sink.emit(new Event.ConnectionCreated(name + ".server", "server", sctx.name, latency));
        ResumeExplainer.Before before = null;
        if (offer != null) {
            before = run.explainer().before(op.session().get().name(), offer, sctx);
            run.sessionCalls().setSessionOn(c.client, op.session().get().name(), offer);
        }
        run.observe(false);
        handshake(c);
        if (before != null) run.explainer().explain(c, before);
    }

    private Endpoint newEnd(Connection c, Side side, LibsslContext ctx) {
        MemorySegment ssl = lib.SSL_new(ctx.ptr);
        MemorySegment rbio = lib.BIO_new_mem();
        MemorySegment wbio = lib.BIO_new_mem();
        lib.SSL_set_bio(ssl, rbio, wbio);
        lib.SSL_set_msg_callback(ssl, run.hooks.msgCallback);
        if (side == Side.CLIENT) {
            lib.SSL_set_connect_state(ssl);
            MemorySegment host = run.scratch.arena().allocateFrom("localhost");
            lib.SSL_ctrl(ssl, Libssl.SSL_CTRL_SET_TLSEXT_HOSTNAME, 0, host);
            lib.SSL_set1_host(ssl, host);
        } else {
            lib.SSL_set_accept_state(ssl);
        }
        Endpoint e = new Endpoint(c, side, ctx, ssl, rbio, wbio);
        run.bySsl.put(ssl.address(), e);
        run.ledger.endpoints.add(e);
        run.ledger.nativeSsls++;
        return e;
    }

    private static String handshakeCall(Endpoint e) {
        return e.side == Side.CLIENT ? "SSL_connect" : "SSL_accept";
    }

    /** Steps both ends until SSL_connect and SSL_accept have returned; waiting moves the clock. */
    private void handshake(Connection c) throws StackException {
        run.sink.emit(new Event.Call(c.client.display(), "SSL_connect", ""));
        String failure = step(c.client);
        run.sink.emit(new Event.Call(c.server.display(), "SSL_accept", ""));
        int steps = 0;
        while (failure == null && !(c.client.handshakeDone && c.server.handshakeDone)) {
            if (++steps > MAX_STEPS) throw new StackException("handshake-failed", "the handshake of " + c.name + " stalled");
            boolean progressed = false;
            for (Endpoint e : new Endpoint[] {c.server, c.client}) {
                if (failure == null && !e.handshakeDone && c.link.nextArrival(e.receives()).orElse(Long.MAX_VALUE) <= run.clock.now()) {
                    failure = step(e);
                    progressed = true;
                }
            }
            if (!progressed && failure == null) {
                long next = Math.min(waitFor(c.client), waitFor(c.server));
                if (next == Long.MAX_VALUE) throw new StackException("handshake-failed", "the handshake of " + c.name + " stalled: nothing in flight");
                run.clock.advanceTo(next);
            }
        }
        if (failure != null) {
            // let the peer read the alert so that its side of the failure is reported too
            for (Endpoint e : new Endpoint[] {c.client, c.server}) {
                OptionalLong next = c.link.nextArrival(e.receives());
                if (!e.handshakeDone && next.isPresent()) {
                    run.clock.advanceTo(next.getAsLong());
                    step(e);
                }
            }
            throw new StackException("handshake-failed", "the handshake of " + c.name + " failed: " + failure);
        }
    }

    private long waitFor(Endpoint e) {
        return e.handshakeDone ? Long.MAX_VALUE : e.conn.link.nextArrival(e.receives()).orElse(Long.MAX_VALUE);
    }

    /** One SSL_do_handshake on one end. Returns a failure description, or null. */
    private String step(Endpoint e) {
        run.pump.deliver(e);
        String what = handshakeCall(e) + "(" + e.display() + ")";
        int[] rc = new int[2];
        run.during(new Activity(Activity.Kind.HANDSHAKE, what, e, e.ctx), false, () -> {
            lib.ERR_clear_error();
            rc[0] = lib.SSL_do_handshake(e.ssl);
            rc[1] = lib.SSL_get_error(e.ssl, rc[0]);
            run.pump.drain(e);
            return null;
        });
        if (rc[0] == 1) {
            e.handshakeDone = true;
            run.sink.emit(new Event.Return(e.display(), handshakeCall(e), "1"));
            int v = lib.SSL_version(e.ssl);
            run.sink.emit(new Event.HandshakeDone(e.conn.name, WirePump.sideName(e.side),
                    v == Libssl.TLS1_3_VERSION ? "tls1.3" : v == Libssl.TLS1_2_VERSION ? "tls1.2" : Integer.toHexString(v),
                    lib.SSL_get_current_cipher_name(e.ssl), lib.SSL_session_reused(e.ssl) == 1));
            return null;
        }
        if (rc[1] == Libssl.SSL_ERROR_WANT_READ || rc[1] == Libssl.SSL_ERROR_WANT_WRITE) return null;
        String why = errorName(rc[1]) + describeErrors();
        run.sink.emit(new Event.Return(e.display(), handshakeCall(e), rc[0] + " " + why));
        return e.display() + ": " + why;
    }

    private String describeErrors() {
        String errs = lib.errors();
        return errs.isEmpty() ? "" : " (" + errs + ")";
    }

    static String errorName(int err) {
        return switch (err) {
            case Libssl.SSL_ERROR_NONE -> "SSL_ERROR_NONE";
            case Libssl.SSL_ERROR_SSL -> "SSL_ERROR_SSL";
            case Libssl.SSL_ERROR_WANT_READ -> "SSL_ERROR_WANT_READ";
            case Libssl.SSL_ERROR_WANT_WRITE -> "SSL_ERROR_WANT_WRITE";
            case Libssl.SSL_ERROR_SYSCALL -> "SSL_ERROR_SYSCALL";
            case Libssl.SSL_ERROR_ZERO_RETURN -> "SSL_ERROR_ZERO_RETURN";
            default -> "SSL_ERROR " + err;
        };
    }

    /**
     * SSL_read: what has arrived is delivered; if libssl wants more and more is in flight, the clock
     * moves to its arrival. Tickets are processed here, even when no application data follows.
     */
    void read(Endpoint e) throws StackException {
        run.sink.emit(new Event.Call(e.display(), "SSL_read", ""));
        String result = waitingCall(e, "SSL_read", Activity.Kind.READ, () -> {
            MemorySegment buf = run.scratch.buffer(16 * 1024);
            int n = lib.SSL_read(e.ssl, buf, 16 * 1024);
            if (n > 0) lastRead = new String(buf.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
            return n;
        });
        run.sink.emit(new Event.Return(e.display(), "SSL_read", result));
    }

    private String lastRead;

    void write(Endpoint e, String text) throws StackException {
        run.sink.emit(new Event.Call(e.display(), "SSL_write", "\"" + text + "\""));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String result = waitingCall(e, "SSL_write", Activity.Kind.WRITE, () -> {
            MemorySegment buf = run.scratch.buffer(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, buf, JAVA_BYTE, 0, bytes.length);
            return lib.SSL_write(e.ssl, buf, bytes.length);
        });
        run.sink.emit(new Event.Return(e.display(), "SSL_write", result));
    }

    void shutdown(Endpoint e) throws StackException {
        run.sink.emit(new Event.Call(e.display(), "SSL_shutdown", ""));
        String result = waitingCall(e, "SSL_shutdown", Activity.Kind.SHUTDOWN, () -> lib.SSL_shutdown(e.ssl));
        run.sink.emit(new Event.Return(e.display(), "SSL_shutdown", result));
    }

    /** More waits than records a connection could have in flight: a call that needs them makes no progress. */
    private static final int MAX_WAITS = 10_000;

    private String waitingCall(Endpoint e, String name, Activity.Kind kind, java.util.function.IntSupplier call) throws StackException {
        String what = name + "(" + e.display() + ")";
        for (int waits = 0; ; waits++) {
            if (waits > MAX_WAITS) {
                throw new StackException("no-progress", what + " still wanted to read after " + MAX_WAITS + " arrivals; stopped");
            }
            run.pump.deliver(e);
            lastRead = null;
            int[] rc = new int[2];
            run.during(new Activity(kind, what, e, e.ctx), false, () -> {
                lib.ERR_clear_error();
                rc[0] = call.getAsInt();
                rc[1] = rc[0] > 0 ? 0 : lib.SSL_get_error(e.ssl, rc[0]);
                run.pump.drain(e);
                return null;
            });
            if (rc[0] > 0) {
                if (kind == Activity.Kind.READ) return rc[0] + " (\"" + lastRead + "\")";
                return Integer.toString(rc[0]);
            }
            if (kind == Activity.Kind.SHUTDOWN && rc[0] == 0) return "0 (close_notify sent; the peer's not yet received)";
            if (rc[1] == Libssl.SSL_ERROR_WANT_READ) {
                OptionalLong next = e.conn.link.nextArrival(e.receives());
                if (next.isPresent()) {
                    run.clock.advanceTo(next.getAsLong());
                    continue;
                }
                return rc[0] + " SSL_ERROR_WANT_READ (nothing more in flight)";
            }
            if (rc[1] == Libssl.SSL_ERROR_ZERO_RETURN) return rc[0] + " SSL_ERROR_ZERO_RETURN (the peer sent close_notify)";
            return rc[0] + " " + errorName(rc[1]) + describeErrors();
        }
    }

    void free(Endpoint e) {
        run.sink.emit(new Event.Call(e.display(), "SSL_free", ""));
        run.during(new Activity(Activity.Kind.FREE, "SSL_free(" + e.display() + ")", e, e.ctx), false, () -> {
            lib.SSL_free(e.ssl);
            e.freed = true;
            e.freedLine = run.ledger.line;
            run.ledger.endpoints.remove(e);
            run.bySsl.remove(e.ssl.address());
            return null;
        });
        run.sink.emit(new Event.Return(e.display(), "SSL_free", ""));
        run.sink.emit(new Event.ConnectionFreed(e.display()));
    }

    void clear(Endpoint e) {
        run.sink.emit(new Event.Call(e.display(), "SSL_clear", ""));
        int rc = run.during(new Activity(Activity.Kind.CLEAR, "SSL_clear(" + e.display() + ")", e, e.ctx), false,
                () -> lib.SSL_clear(e.ssl));
        e.handshakeDone = false;
        run.sink.emit(new Event.Return(e.display(), "SSL_clear", Integer.toString(rc)));
    }
}
