package sessionlab.stack.bc;

import java.util.Optional;
import org.bouncycastle.tls.TlsSession;
import sessionlab.event.Event;
import sessionlab.scenario.FlushAt;
import sessionlab.scenario.Op;
import sessionlab.scenario.Position;
import sessionlab.scenario.Ref;
import sessionlab.stack.StackException;

/**
 * Calls on sessions and caches, in Java terms: a name is a strong reference (get0, get and get1 are
 * the same bctls getter), SSL_SESSION_free makes a name let go (nothing is freed), and the caches are
 * the lab's own lists, so adding, removing and flushing are the lab's operations, shown as such.
 */
final class BcSessionCalls {
    private final BcRun run;

    BcSessionCalls(BcRun run) {
        this.run = run;
    }

    BcVariable variable(String name) throws StackException {
        BcVariable v = run.ledger.variables.get(name);
        if (v == null) throw new StackException("undefined", "'" + name + "' does not name a session yet");
        return v;
    }

    /** The session a name refers to, unless it is NULL or nothing in the lab refers to it any more. */
    BcSession live(String name, String use) throws StackException {
        BcVariable v = variable(name);
        if (v.session == null) throw new StackException("null-session", "'" + name + "' is NULL: " + use + " needs a session");
        if (v.session.gone) {
            throw new StackException("freed", "'" + name + "' let go of session " + v.session.label() + " and nothing else refers to it "
                    + "(since " + v.session.goneDuring + "): in Java it is unreachable garbage");
        }
        return v.session;
    }

    private void bind(String name, BcSession s, String how) {
        run.ledger.variables.put(name, new BcVariable(name, s, how));
        run.sink.emit(new Event.VariableBound(name, s == null ? null : s.number, s != null, how));
    }

    /** get0, get and get1 alike: bctls's {@code getSession()}; the name becomes a Java reference to it. */
    void get(BcEndpoint e, Op.GetKind kind, Optional<String> bindTo, Position at) {
        run.sink.emit(new Event.Call(e.display(), kind.callName(), ""));
        TlsSession t = e.session();
        BcSession s = run.sessions.find(t);
        if (t != null && s == null) s = run.sessions.track(t, e.sideName(), e.ctx);
        run.sink.emit(new Event.Return(e.display(), kind.callName(), s == null ? "NULL" : "session " + s.label()));
        String how = kind.callName() + "(" + e.display() + ") — a Java reference: bctls has one getter and counts nothing";
        // without a name the returned reference is simply dropped: nothing leaks in Java
        if (bindTo.isPresent()) bind(bindTo.get(), s, how);
        run.observe();
    }

    void setSession(BcEndpoint e, Ref session) throws StackException {
        throw BcRefusals.refuse("SSL_set_session");
    }

    void free(Ref session) throws StackException {
        BcVariable v = variable(session.name());
        run.sink.emit(new Event.Call(v.name, "SSL_SESSION_free", ""));
        if (v.session == null) {
            run.sink.emit(new Event.Return(v.name, "SSL_SESSION_free", "NULL: nothing to free"));
            return;
        }
        if (v.released) {
            run.sink.emit(new Event.Prevented("double-free", v.name, v.session.number, "'" + v.name + "' already let go ("
                    + v.releasedBy + ")"));
            throw new StackException("double-free-prevented", "'" + v.name + "' already let go of its reference (" + v.releasedBy + ")");
        }
        v.released = true;
        v.releasedBy = "SSL_SESSION_free(" + v.name + ") at line " + run.sessions.line;
        run.sessions.during = "SSL_SESSION_free(" + v.name + ")";
        run.sink.emit(new Event.Return(v.name, "SSL_SESSION_free", "the name let go of its Java reference; nothing is freed "
                + "(the session lives while anything else refers to it)"));
        run.sink.emit(new Event.VariableBound(v.name, v.session.number, false, v.how + "; let go by SSL_SESSION_free"));
        run.observe();
    }

    void upRef(Ref session) throws StackException {
        throw BcRefusals.refuse("SSL_SESSION_up_ref");
    }

    void addToCache(BcContext c, Ref session) throws StackException {
        BcSession s = live(session.name(), "SSL_CTX_add_session");
        run.sink.emit(new Event.Call(c.name, "SSL_CTX_add_session", session.name()));
        run.sessions.during = "SSL_CTX_add_session(" + c.name + ", " + session.name() + ")";
        boolean added = c.cache.add(s);
        run.sink.emit(new Event.Return(c.name, "SSL_CTX_add_session", added ? "1 (the lab's cache)" : "0 (already cached)"));
        run.observe();
    }

    /** Removes and invalidates; like libssl, a session with an id is marked not resumable even if it was not cached. */
    void removeFromCache(BcContext c, Ref session) throws StackException {
        BcSession s = live(session.name(), "SSL_CTX_remove_session");
        run.sink.emit(new Event.Call(c.name, "SSL_CTX_remove_session", session.name()));
        run.sessions.during = "SSL_CTX_remove_session(" + c.name + ", " + session.name() + ")";
        boolean removed = c.cache.remove(s, "explicit");
        String result = removed ? "1" : "0 (was not cached)";
        if (!removed && s.sessionId().length > 0 && s.tls.isResumable()) {
            s.pendingReason = "explicit";
            s.tls.invalidate();
            result += "; marked not resumable anyway, as libssl does";
        }
        run.sink.emit(new Event.Return(c.name, "SSL_CTX_remove_session", result));
        run.observe();
    }

    void flush(BcContext c, FlushAt at) {
        long now = run.clock.now();
        String arg = switch (at) {
            case FlushAt.Now n -> "at=now";
            case FlushAt.Everything e -> "at=0";
            case FlushAt.Later l -> "at=+" + sessionlab.scenario.Durations.format(l.after());
        };
        long t = at instanceof FlushAt.Later l ? now + l.after().toMillis() : now;
        run.sink.emit(new Event.Call(c.name, "SSL_CTX_flush_sessions", arg));
        run.sessions.during = "SSL_CTX_flush_sessions(" + c.name + ", " + arg + ")";
        int removed = c.cache.flush(t, at instanceof FlushAt.Everything);
        run.sink.emit(new Event.Return(c.name, "SSL_CTX_flush_sessions", removed + " removed from the lab's cache"));
        run.observe();
    }

    void newSession(Op.NewSession n) throws StackException {
        throw BcRefusals.refuse("new_session");
    }
}
