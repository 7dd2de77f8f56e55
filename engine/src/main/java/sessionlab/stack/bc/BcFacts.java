package sessionlab.stack.bc;

import sessionlab.scenario.EvaluationException;
import sessionlab.scenario.Expr;
import sessionlab.scenario.Value;
import sessionlab.stack.StackException;

/**
 * The expectation functions on bctls. What bctls itself says (resumable, reused, version) is read
 * from its objects; what the lab keeps (caches, counters, holders) is the lab's; what does not exist
 * on bctls (reference counts, session callbacks) is an error naming bc, never a made-up number.
 */
final class BcFacts {
    private final BcRun run;

    BcFacts(BcRun run) {
        this.run = run;
    }

    Value evaluate(Expr.Fn fn) throws EvaluationException {
        try {
            return switch (fn.function()) {
                case NULL -> new Value.Bool(variable(fn, 0).session == null);
                // Java semantics: destroyed = nothing the lab can see refers to it any more (garbage)
                case DESTROYED -> new Value.Bool(notNull(fn, 0).gone);
                case ALIVE -> new Value.Bool(!notNull(fn, 0).gone);
                case SAME -> new Value.Bool(variable(fn, 0).session == variable(fn, 1).session);
                case RESUMABLE -> new Value.Bool(live(fn, 0).tls.isResumable());
                case REFCOUNT -> throw new EvaluationException("bc has no reference counts: bctls sessions are Java objects, "
                        + "kept alive by any reference and garbage-collected");
                case REUSED -> new Value.Bool(end(fn).resumed());
                case VERSION -> end(fn).version().<Value>map(Value.Version::new).orElse(new Value.None());
                case TICKETS_RECEIVED -> new Value.Int(endKnown(fn).ticketsReceived);
                case OFFERED -> new Value.Bool(endKnown(fn).offeredOnWire());
                case CACHE_SIZE -> new Value.Int(ctx(fn).cache.size());
                case IN_CACHE -> inCache(fn);
                case CALLBACKS -> throw new EvaluationException("bc has no session callbacks: bctls calls no new- or "
                        + "remove-session callback (the lab owns the cache)");
                case STAT -> stat(fn);
            };
        } catch (StackException e) {
            throw new EvaluationException(e.getMessage());
        }
    }

    private BcVariable variable(Expr.Fn fn, int i) throws StackException {
        return run.sessionCalls.variable(((Expr.FnArg.Session) fn.args().get(i)).ref().name());
    }

    private BcSession notNull(Expr.Fn fn, int i) throws StackException {
        BcVariable v = variable(fn, i);
        if (v.session == null) throw new StackException("null-session", "'" + v.name + "' is NULL");
        return v.session;
    }

    private BcSession live(Expr.Fn fn, int i) throws StackException {
        return run.sessionCalls.live(((Expr.FnArg.Session) fn.args().get(i)).ref().name(), fn.text());
    }

    private BcEndpoint end(Expr.Fn fn) throws StackException {
        return run.connectionCalls.end(((Expr.FnArg.Conn) fn.args().getFirst()).conn());
    }

    private BcEndpoint endKnown(Expr.Fn fn) throws StackException {
        return run.connectionCalls.endKnown(((Expr.FnArg.Conn) fn.args().getFirst()).conn());
    }

    private BcContext ctx(Expr.Fn fn) throws StackException {
        return run.context(((Expr.FnArg.Ctx) fn.args().getFirst()).ref().name());
    }

    private Value inCache(Expr.Fn fn) throws StackException {
        BcContext c = ctx(fn);
        BcVariable v = variable(fn, 1);
        return new Value.Bool(v.session != null && c.cache.contains(v.session));
    }

    private Value stat(Expr.Fn fn) throws StackException, EvaluationException {
        BcContext c = ctx(fn);
        String stat = ((Expr.FnArg.StatName) fn.args().get(1)).stat();
        if ("cb_hits".equals(stat)) {
            throw new EvaluationException("bc has no session callbacks, so no callback hits: cb_hits is not counted");
        }
        Long v = c.stats().get(stat);
        if (v == null) throw new EvaluationException("bc: no statistic '" + stat + "'");
        return new Value.Int(v);
    }
}
