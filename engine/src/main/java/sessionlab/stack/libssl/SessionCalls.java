package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.time.Instant;
import java.util.Optional;
import sessionlab.event.Event;
import sessionlab.scenario.FlushAt;
import sessionlab.scenario.NewCallback;
import sessionlab.scenario.Op;
import sessionlab.scenario.Position;
import sessionlab.scenario.Ref;
import sessionlab.stack.StackException;

/**
 * The calls on SSL_SESSION objects and caches. Every pointer is checked against the ledger first:
 * a name whose session was destroyed is never passed to libssl (use after free prevented), and a
 * reference the scenario does not own is never freed.
 */
final class SessionCalls {
    private final LibsslRun run;
    private final Libssl lib;

    SessionCalls(LibsslRun run) {
        this.run = run;
        this.lib = run.lib;
    }

    Variable variable(String name) throws StackException {
        Variable v = run.ledger.variables.get(name);
        if (v == null) throw new StackException("undefined", "'" + name + "' does not name a session yet");
        return v;
    }

    /** The live session a name points to, or an error that says why it cannot be used. */
    TrackedSession live(String name, String use) throws StackException {
        Variable v = variable(name);
        if (v.session == null) throw new StackException("null-session", "'" + name + "' is NULL: " + use + " needs a session");
        if (!v.session.alive) {
            throw Guard.USE_AFTER_FREE.refuse(run, name, v.session.number, "'" + name + "' points to session "
                    + v.session.label() + ", destroyed during " + v.session.destroyedDuring + "; " + use + " would read freed memory");
        }
        return v.session;
    }

    private static MemorySegment ptr(TrackedSession s) {
        return MemorySegment.ofAddress(s.address);
    }

    /** Binds a name; an owned reference the old binding still held becomes a "lost" holder (a leak). */
    void bind(String name, TrackedSession s, int owned, String how) {
        Variable old = run.ledger.variables.get(name);
        if (old != null && old.owned > 0) run.ledger.orphans.add(old);
        Variable v = new Variable(name, s, owned, how);
        v.everOwned = owned > 0;
        run.ledger.variables.put(name, v);
        run.sink.emit(new Event.VariableBound(name, s == null ? null : s.number, owned > 0, how));
        if (s != null && !s.alive) run.sink.emit(new Event.VariableDangling(name, s.number));
    }

    void get(Endpoint e, Op.GetKind kind, Optional<String> bindTo, Position at) {
        String what = kind.callName() + "(" + e.display() + ")";
        run.sink.emit(new Event.Call(e.display(), kind.callName(), ""));
        MemorySegment p = run.during(new Activity(Activity.Kind.GET_SESSION, what, e, e.ctx), false,
                () -> kind.owned() ? lib.SSL_get1_session(e.ssl) : lib.SSL_get_session(e.ssl));
        TrackedSession s = p.address() == 0 ? null : run.ledger.session(p.address());
        run.sink.emit(new Event.Return(e.display(), kind.callName(), s == null ? "NULL" : "session " + s.label()));
        int owned = kind.owned() && s != null ? 1 : 0;
        bind(bindTo.orElse("(line " + at.line() + ")"), s, owned, what);
        if (bindTo.isEmpty() && owned > 0) {
            // nobody can free it now: the reference is lost, as in C
            run.ledger.orphans.add(run.ledger.variables.remove("(line " + at.line() + ")"));
        }
        run.observe(false);
    }

    void setSession(Endpoint e, Ref session) throws StackException {
        Variable v = variable(session.name());
        TrackedSession s = v.session == null ? null : live(session.name(), "SSL_set_session");
        setSessionOn(e, session.name(), s);
    }

    void setSessionOn(Endpoint e, String name, TrackedSession s) {
        run.sink.emit(new Event.Call(e.display(), "SSL_set_session", name));
        int rc = run.during(new Activity(Activity.Kind.SET_SESSION, "SSL_set_session(" + e.display() + ", " + name + ")", e, e.ctx),
                false, () -> lib.SSL_set_session(e.ssl, s == null ? MemorySegment.NULL : ptr(s)));
        run.sink.emit(new Event.Return(e.display(), "SSL_set_session", Integer.toString(rc)));
    }

    void free(Ref session) throws StackException {
        Variable v = variable(session.name());
        if (v.session == null) {
            run.sink.emit(new Event.Call(session.name(), "SSL_SESSION_free", ""));
            run.sink.emit(new Event.Return(session.name(), "SSL_SESSION_free", "NULL: nothing to free"));
            return;
        }
        TrackedSession s = live(session.name(), "SSL_SESSION_free");
        if (v.owned == 0) {
            if (v.everOwned) {
                throw Guard.DOUBLE_FREE.refuse(run, v.name, s.number, "'" + v.name
                        + "' already gave its reference back; a second SSL_SESSION_free would drop somebody else's");
            }
            throw Guard.BORROWED_FREE.refuse(run, v.name, s.number, "'" + v.name + "' only borrows (" + v.how
                    + "); freeing it would drop a reference it does not own");
        }
        run.sink.emit(new Event.Call(v.name, "SSL_SESSION_free", ""));
        v.owned--;
        run.during(new Activity(Activity.Kind.OTHER, "SSL_SESSION_free(" + v.name + ")", null, null), false, () -> {
            lib.SSL_SESSION_free(ptr(s));
            return null;
        });
        run.sink.emit(new Event.Return(v.name, "SSL_SESSION_free", ""));
    }

    void upRef(Ref session) throws StackException {
        TrackedSession s = live(session.name(), "SSL_SESSION_up_ref");
        Variable v = variable(session.name());
        run.sink.emit(new Event.Call(v.name, "SSL_SESSION_up_ref", ""));
        v.owned++;
        v.everOwned = true;
        int rc = run.during(new Activity(Activity.Kind.OTHER, "SSL_SESSION_up_ref(" + v.name + ")", null, null), false,
                () -> lib.SSL_SESSION_up_ref(ptr(s)));
        run.sink.emit(new Event.Return(v.name, "SSL_SESSION_up_ref", Integer.toString(rc)));
    }

    void addToCache(LibsslContext c, Ref session) throws StackException {
        TrackedSession s = live(session.name(), "SSL_CTX_add_session");
        java.util.List<LibsslContext> holders = run.caches.tablesHolding(s, c);
        if (!holders.isEmpty()) {
            LibsslContext other = holders.getFirst();
            throw Guard.CACHED_ELSEWHERE.refuse(run, session.name(), s.number, "session " + s.label() + " is in the cache of '"
                    + other.name + "'" + (other.freed ? " (freed by the scenario, still held by its SSL objects)" : "")
                    + "; a session has one pair of cache list links, so adding it to '" + c.name
                    + "' would corrupt both lists (remove it from '" + other.name + "' first)");
        }
        run.sink.emit(new Event.Call(c.name, "SSL_CTX_add_session", session.name()));
        int rc = run.during(new Activity(Activity.Kind.ADD, "SSL_CTX_add_session(" + c.name + ", " + session.name() + ")", null, c), true,
                () -> lib.SSL_CTX_add_session(c.ptr, ptr(s)));
        run.sink.emit(new Event.Return(c.name, "SSL_CTX_add_session", rc + (rc == 0 ? " (already cached)" : "")));
    }

    void removeFromCache(LibsslContext c, Ref session) throws StackException {
        TrackedSession s = live(session.name(), "SSL_CTX_remove_session");
        run.sink.emit(new Event.Call(c.name, "SSL_CTX_remove_session", session.name()));
        int rc = run.during(new Activity(Activity.Kind.REMOVE, "SSL_CTX_remove_session(" + c.name + ", " + session.name() + ")", null, c),
                true, () -> lib.SSL_CTX_remove_session(c.ptr, ptr(s)));
        run.sink.emit(new Event.Return(c.name, "SSL_CTX_remove_session", rc + (rc == 0 ? " (was not cached)" : "")));
    }

    void flush(LibsslContext c, FlushAt at) {
        long now = Instant.now().getEpochSecond();
        long tm = switch (at) {
            case FlushAt.Now n -> now;
            case FlushAt.Everything e -> 0;
            case FlushAt.Later l -> now + l.after().toSeconds();
        };
        String arg = switch (at) {
            case FlushAt.Now n -> "at=now";
            case FlushAt.Everything e -> "at=0";
            case FlushAt.Later l -> "at=+" + sessionlab.scenario.Durations.format(l.after());
        };
        Activity.Kind kind = at instanceof FlushAt.Everything ? Activity.Kind.FLUSH_ALL : Activity.Kind.FLUSH_EXPIRED;
        run.sink.emit(new Event.Call(c.name, "SSL_CTX_flush_sessions", arg));
        run.during(new Activity(kind, "SSL_CTX_flush_sessions(" + c.name + ", " + arg + ")", null, c), true, () -> {
            lib.SSL_CTX_flush_sessions(c.ptr, tm);
            return null;
        });
        run.sink.emit(new Event.Return(c.name, "SSL_CTX_flush_sessions", ""));
    }

    void newSession(LibsslContext c, int n, Optional<String> bindTo, Position at) throws StackException {
        if (c.options.newCallback() == NewCallback.NONE) {
            throw new StackException("no-callback", "'" + c.name + "' has no new-session callback: create it with new_cb=keep or new_cb=drop");
        }
        if (n > c.newCallbackSessions.size()) {
            throw new StackException("no-such-session", "the new-session callback of '" + c.name + "' has received "
                    + c.newCallbackSessions.size() + " session(s), not " + n);
        }
        TrackedSession s = c.newCallbackSessions.get(n - 1);
        int owned = 0;
        Integer kept = c.kept.get(s);
        if (kept != null && kept > 0 && s.alive) {
            owned = 1;
            if (kept == 1) c.kept.remove(s);
            else c.kept.put(s, kept - 1);
        }
        bind(bindTo.orElse("(line " + at.line() + ")"), s, owned, "new_session(" + c.name + ", " + n + ")");
        run.observe(false);
    }
}
