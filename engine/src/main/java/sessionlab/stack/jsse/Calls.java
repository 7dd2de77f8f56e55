package sessionlab.stack.jsse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sessionlab.event.Event;
import sessionlab.scenario.FlushAt;
import sessionlab.scenario.Op;
import sessionlab.stack.StackException;
import sessionlab.stack.jsse.Hosted.SessionView;

/**
 * The calls on connections, sessions and caches, mapped to what JSSE offers:
 * SSL_read/SSL_write are unwrap/wrap, SSL_shutdown is closeOutbound plus the wrap of close_notify,
 * SSL_free drops the engine (nothing is invalidated: JSSE has no "unclean free" rule), the get
 * calls return {@code SSLEngine.getSession()} (in Java get0 and get1 are the same reference),
 * SSL_SESSION_free drops the scenario's reference, SSL_CTX_remove_session is
 * {@code SSLSession.invalidate()}, and SSL_CTX_flush_sessions is a lookup of every cached
 * session (at=now: JSSE itself drops the expired ones) or an invalidation of each (at=0).
 */
final class Calls {
    private final JsseRun run;

    Calls(JsseRun run) {
        this.run = run;
    }

    static StackException unsupported(String message) {
        return new StackException("unsupported", message);
    }

    void read(End e) {
        run.sink.emit(new Event.Call(e.display(), "SSL_read", ""));
        String result = run.pump.read(e);
        run.observe(Activity.Kind.READ, "SSL_read(" + e.display() + ")", e);
        run.sink.emit(new Event.Return(e.display(), "SSL_read", result));
    }

    void write(End e, String text) {
        run.sink.emit(new Event.Call(e.display(), "SSL_write", "\"" + text + "\""));
        String result = run.pump.write(e, text);
        run.observe(Activity.Kind.WRITE, "SSL_write(" + e.display() + ")", e);
        run.sink.emit(new Event.Return(e.display(), "SSL_write", result));
    }

    void shutdown(End e) {
        run.sink.emit(new Event.Call(e.display(), "SSL_shutdown", ""));
        String result = run.pump.shutdown(e);
        run.observe(Activity.Kind.SHUTDOWN, "SSL_shutdown(" + e.display() + ")", e);
        run.sink.emit(new Event.Return(e.display(), "SSL_shutdown", result));
    }

    void free(End e) {
        run.sink.emit(new Event.Call(e.display(), "SSL_free", ""));
        e.host().call(new Hosted.FreeEngine(e.engine));
        e.freed = true;
        run.observe(Activity.Kind.FREE, "SSL_free(" + e.display() + ")", e);
        run.sink.emit(new Event.Return(e.display(), "SSL_free", "the engine was dropped; JSSE invalidates nothing for it"));
        run.sink.emit(new Event.ConnectionFreed(e.display()));
    }

    void get(End e, Op.GetKind kind, Optional<String> bindTo) {
        run.sink.emit(new Event.Call(e.display(), kind.callName(), ""));
        run.observe(Activity.Kind.GET, kind.callName() + "(" + e.display() + ")", e);
        Tracked s = run.sessions.sessionOf(e);
        run.sink.emit(new Event.Return(e.display(), kind.callName(), s == null ? "NULL (no handshake has completed)" : "session " + s.label()));
        if (bindTo.isEmpty()) return; // a discarded Java reference holds nothing
        String how = "SSLEngine.getSession() of " + e.display() + " (" + kind.callName() + ")"
                + (kind.owned() ? "" : ": a Java reference holds the object all the same");
        run.sessions.bind(bindTo.get(), s, how);
        run.observe(Activity.Kind.GET, kind.callName() + "(" + e.display() + ")", e);
    }

    Sessions.Var variable(String name) throws StackException {
        Sessions.Var v = run.sessions.variables.get(name);
        if (v == null) throw new StackException("undefined", "'" + name + "' does not name a session yet");
        return v;
    }

    Tracked session(String name, String use) throws StackException {
        Sessions.Var v = variable(name);
        if (v.session == null) throw new StackException("null-session", "'" + name + "' is NULL: " + use + " needs a session");
        return v.session;
    }

    /** The session of connect(..., session=S): a client session, whose peer port picks the client cache entry to offer. */
    Tracked clientSession(String name) throws StackException {
        Tracked t = session(name, "connect(..., session=" + name + ")");
        if (!"client".equals(t.side)) {
            throw new StackException("wrong-side", "'" + name + "' is a server session: JSSE's client offers what its cache holds for a peer");
        }
        return t;
    }

    void sessionFree(String name) throws StackException {
        Sessions.Var v = variable(name);
        run.sink.emit(new Event.Call(name, "SSL_SESSION_free", ""));
        String result = v.session == null ? "NULL: nothing to free" : run.sessions.drop(v);
        run.observe(Activity.Kind.OTHER, "SSL_SESSION_free(" + name + ")", null);
        run.sink.emit(new Event.Return(name, "SSL_SESSION_free", result));
    }

    /** SSL_CTX_remove_session: SSLSession.invalidate(), which JSSE answers by removing the session from its context. */
    void remove(JsseContext c, String name) throws StackException {
        Tracked t = session(name, "SSL_CTX_remove_session");
        run.sink.emit(new Event.Call(c.name, "SSL_CTX_remove_session", name));
        boolean cached = run.sessions.cached(c).contains(t);
        if (cached) t.host.call(new Hosted.Invalidate(t.handle));
        run.observe(Activity.Kind.REMOVE, "SSL_CTX_remove_session(" + c.name + ", " + name + ")", null);
        run.sink.emit(new Event.Return(c.name, "SSL_CTX_remove_session", cached ? "1 (SSLSession.invalidate())" : "0 (was not cached)"));
    }

    /**
     * JSSE has no flush. at=now: the cache is enumerated (getIds), which drops the
     * ones past their timeout (on the wall clock: advance does not age JSSE sessions). at=0: every
     * cached session is invalidated, which empties the cache. A later time cannot be asked for.
     */
    void flush(JsseContext c, FlushAt at) throws StackException {
        if (at instanceof FlushAt.Later) {
            throw unsupported("jsse has no flush, and its lookup cannot be asked about a later time (at=+...)");
        }
        boolean all = at instanceof FlushAt.Everything;
        run.sink.emit(new Event.Call(c.name, "SSL_CTX_flush_sessions", all ? "at=0" : "at=now"));
        int before = run.sessions.cached(c).size();
        List<SessionView> now = c.host.call(new Hosted.Cache(c.id, true));
        if (all) for (SessionView v : now) c.host.call(new Hosted.Invalidate(v.handle()));
        run.observe(Activity.Kind.FLUSH, "SSL_CTX_flush_sessions(" + c.name + ")", null);
        int after = run.sessions.cached(c).size();
        run.sink.emit(new Event.Return(c.name, "SSL_CTX_flush_sessions", all
                ? "jsse has no flush: the lab invalidated each of the " + now.size() + " cached session(s)"
                : "jsse has no flush: the lab enumerated the cache (getIds); JSSE dropped " + Math.max(0, before - after) + " expired one(s)"));
    }

    /** A stateful TLS 1.3 server's tickets are its new cache entries: each is seen, with its id as the ticket. */
    void statefulTicketsSent(End server) {
        Conn c = server.conn;
        for (SessionView v : server.host().call(new Hosted.Cache(server.ctx.id))) {
            if (c.serverCacheBefore.add(v.handle()) && "TLSv1.3".equals(v.protocol())) {
                run.sink.emit(new Event.TicketSent(c.name, ++c.ticketsSent, v.timeoutSeconds(), v.id().length));
            }
        }
    }

    /** What the scenario still holds is reported as a leak and dropped; nothing is destroyed by that, the collector decides. */
    void endOfRun() {
        for (Sessions.Var v : new ArrayList<>(run.sessions.variables.values())) {
            if (v.holds && v.session != null) {
                run.sink.emit(new Event.Leak("var " + v.name, v.session.number));
                v.holds = false;
            }
        }
        for (End e : run.liveEnds()) {
            run.sink.emit(new Event.Leak(e.holder, null));
            e.host().call(new Hosted.FreeEngine(e.engine));
            e.freed = true;
            run.sink.emit(new Event.ConnectionFreed(e.display()));
        }
        for (JsseContext c : run.contexts()) {
            if (c.freed) continue;
            run.sink.emit(new Event.Leak("SSL_CTX " + c.name, null));
            c.host.call(new Hosted.FreeContext(c.id));
            c.freed = true;
            run.sink.emit(new Event.ContextFreed(c.name));
        }
    }
}
