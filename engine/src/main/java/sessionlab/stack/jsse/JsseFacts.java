package sessionlab.stack.jsse;

import sessionlab.scenario.EvaluationException;
import sessionlab.scenario.Expr;
import sessionlab.scenario.TlsVersion;
import sessionlab.scenario.Value;
import sessionlab.stack.StackException;

/**
 * The expectation functions on JSSE. What JSSE cannot know is an error that says so: reference
 * counts, destruction (garbage collection is not observable), callbacks and cache statistics.
 */
final class JsseFacts {
    private final JsseRun run;

    JsseFacts(JsseRun run) {
        this.run = run;
    }

    Value evaluate(Expr.Fn fn) throws EvaluationException {
        try {
            return switch (fn.function()) {
                case NULL -> new Value.Bool(variable(fn, 0).session == null);
                case DESTROYED, ALIVE -> throw new EvaluationException("jsse cannot tell when a session is destroyed: "
                        + "SSLSession objects are garbage-collected and nothing reports it");
                case REFCOUNT -> throw new EvaluationException("jsse has no reference counts: a Java reference is not counted");
                case CALLBACKS -> throw new EvaluationException("jsse has no session callbacks");
                case STAT -> throw new EvaluationException("jsse keeps no session cache statistics (no SSL_CTX_sess_* counters)");
                case SAME -> new Value.Bool(variable(fn, 0).session == variable(fn, 1).session);
                case RESUMABLE -> new Value.Bool(run.sessions.resumable(notNull(fn, 0)));
                case REUSED -> new Value.Bool(known(fn).conn.reused());
                case VERSION -> version(known(fn));
                case TICKETS_RECEIVED -> new Value.Int(known(fn).ticketsReceived);
                case OFFERED -> new Value.Bool(known(fn).offered);
                case CACHE_SIZE -> new Value.Int(cacheSize(ctx(fn)));
                case IN_CACHE -> new Value.Bool(run.sessions.cached(ctx(fn)).contains(notNull(fn, 1)));
            };
        } catch (StackException e) {
            throw new EvaluationException(e.getMessage());
        }
    }

    private Sessions.Var variable(Expr.Fn fn, int i) throws StackException {
        String name = ((Expr.FnArg.Session) fn.args().get(i)).ref().name();
        Sessions.Var v = run.sessions.variables.get(name);
        if (v == null) throw new StackException("undefined", "'" + name + "' does not name a session yet");
        return v;
    }

    private Tracked notNull(Expr.Fn fn, int i) throws StackException {
        Sessions.Var v = variable(fn, i);
        if (v.session == null) throw new StackException("null-session", "'" + v.name + "' is NULL");
        return v.session;
    }

    /** Counts the run itself keeps: allowed after SSL_free. */
    private End known(Expr.Fn fn) throws StackException {
        var ref = ((Expr.FnArg.Conn) fn.args().getFirst()).conn();
        Conn c = run.connections.get(ref.name());
        if (c == null) throw new StackException("undefined", "'" + ref.name() + "' is not a connection of this run");
        return c.end(ref.side());
    }

    private static Value version(End e) {
        if (!e.handshakeDone) return new Value.None();
        return switch (e.version) {
            case "tls1.3" -> new Value.Version(TlsVersion.TLS1_3);
            case "tls1.2" -> new Value.Version(TlsVersion.TLS1_2);
            default -> new Value.None();
        };
    }

    private JsseContext ctx(Expr.Fn fn) throws StackException {
        return run.context(((Expr.FnArg.Ctx) fn.args().getFirst()).ref().name());
    }

    /** JSSE's own answer: the number of ids its SSLSessionContext enumerates now. */
    private static int cacheSize(JsseContext c) {
        return c.host.call(new Hosted.Cache(c.id, true)).size();
    }
}
