package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.util.OptionalLong;
import sessionlab.scenario.EvaluationException;
import sessionlab.scenario.Expr;
import sessionlab.scenario.TlsVersion;
import sessionlab.scenario.Value;
import sessionlab.stack.StackException;

/** The expectation functions, answered from the real objects (or from the ledger where no native access is allowed). */
final class LibsslFacts {
    private final LibsslRun run;
    private final Libssl lib;

    LibsslFacts(LibsslRun run) {
        this.run = run;
        this.lib = run.lib;
    }

    Value evaluate(Expr.Fn fn) throws EvaluationException {
        try {
            return switch (fn.function()) {
                case NULL -> new Value.Bool(variable(fn, 0).session == null);
                case DESTROYED -> new Value.Bool(!notNull(fn, 0).alive);
                case ALIVE -> new Value.Bool(notNull(fn, 0).alive);
                case SAME -> new Value.Bool(variable(fn, 0).session == variable(fn, 1).session);
                case RESUMABLE -> new Value.Bool(lib.SSL_SESSION_is_resumable(ptr(live(fn, 0))));
                case REFCOUNT -> refcount(live(fn, 0));
                case REUSED -> new Value.Bool(lib.SSL_session_reused(end(fn).ssl) == 1);
                case VERSION -> version(end(fn));
                case TICKETS_RECEIVED -> new Value.Int(endKnown(fn).ticketsReceived);
                case OFFERED -> new Value.Bool(endKnown(fn).offered);
                case CACHE_SIZE -> new Value.Int(run.caches.size(ctx(fn)));
                case IN_CACHE -> inCache(fn);
                case CALLBACKS -> callbacks(fn);
                case STAT -> stat(fn);
            };
        } catch (StackException e) {
            throw new EvaluationException(e.getMessage());
        }
    }

    private Variable variable(Expr.Fn fn, int i) throws StackException {
        return run.sessionCalls().variable(((Expr.FnArg.Session) fn.args().get(i)).ref().name());
    }

    private TrackedSession notNull(Expr.Fn fn, int i) throws StackException {
        Variable v = variable(fn, i);
        if (v.session == null) throw new StackException("null-session", "'" + v.name + "' is NULL");
        return v.session;
    }

    private TrackedSession live(Expr.Fn fn, int i) throws StackException {
        return run.sessionCalls().live(((Expr.FnArg.Session) fn.args().get(i)).ref().name(), fn.text());
    }

    private static MemorySegment ptr(TrackedSession s) {
        return MemorySegment.ofAddress(s.address);
    }

    private Value refcount(TrackedSession s) throws StackException {
        OptionalLong n = run.layout.references(s.address);
        if (n.isEmpty()) throw new StackException("unknown", "reference count unknown: the start-up probe did not find libssl's counter");
        return new Value.Int(n.getAsLong());
    }

    private Endpoint end(Expr.Fn fn) throws StackException {
        return run.handshakes().end(((Expr.FnArg.Conn) fn.args().getFirst()).conn());
    }

    /** For counts the engine itself keeps: allowed even after SSL_free. */
    private Endpoint endKnown(Expr.Fn fn) throws StackException {
        var ref = ((Expr.FnArg.Conn) fn.args().getFirst()).conn();
        Connection c = run.connections.get(ref.name());
        if (c == null) throw new StackException("undefined", "'" + ref.name() + "' is not a connection of this run");
        return c.end(ref.side());
    }

    private Value version(Endpoint e) {
        int v = lib.SSL_version(e.ssl);
        if (!e.handshakeDone) return new Value.None();
        return v == Libssl.TLS1_3_VERSION ? new Value.Version(TlsVersion.TLS1_3)
                : v == Libssl.TLS1_2_VERSION ? new Value.Version(TlsVersion.TLS1_2) : new Value.None();
    }

    private LibsslContext ctx(Expr.Fn fn) throws StackException {
        return run.context(((Expr.FnArg.Ctx) fn.args().getFirst()).ref().name());
    }

    /** For what the engine itself knows of a context: allowed after SSL_CTX_free (its callbacks fired during it). */
    private LibsslContext ctxKnown(Expr.Fn fn) throws StackException {
        String name = ((Expr.FnArg.Ctx) fn.args().getFirst()).ref().name();
        LibsslContext c = run.contexts.get(name);
        if (c == null) throw new StackException("undefined", "'" + name + "' is not a context of this run");
        return c;
    }

    private Value inCache(Expr.Fn fn) throws StackException {
        LibsslContext c = ctxKnown(fn);
        Variable v = variable(fn, 1);
        return new Value.Bool(v.session != null && v.session.alive && v.session.caches.contains(c));
    }

    private Value callbacks(Expr.Fn fn) throws StackException {
        LibsslContext c = ctxKnown(fn);
        String kind = ((Expr.FnArg.CallbackKind) fn.args().get(1)).kind();
        return new Value.Int("new".equals(kind) ? c.newCallbacks : c.removeCallbacks);
    }

    private Value stat(Expr.Fn fn) throws StackException {
        LibsslContext c = ctx(fn);
        String stat = ((Expr.FnArg.StatName) fn.args().get(1)).stat();
        Long v = run.caches.stats(c).get(stat);
        if (v == null) throw new StackException("unknown", "no statistic '" + stat + "'");
        return new Value.Int(v);
    }
}
