package sessionlab.stack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import sessionlab.scenario.EvaluationException;
import sessionlab.scenario.Expr;
import sessionlab.scenario.Op;
import sessionlab.scenario.Position;
import sessionlab.scenario.Value;

/**
 * One run of one scenario on one stack. Called from a single thread. The stack keeps the
 * scenario's names because only it knows which references they own.
 */
public interface StackRun extends AutoCloseable {
    /** Carries out one call; {@code bindTo} is the name on the left of {@code =}, if any. */
    void perform(Op op, Optional<String> bindTo, Position at) throws StackException;

    Value evaluate(Expr.Fn fn) throws EvaluationException;

    /** The virtual clock has moved by {@code by}: age every live object accordingly. */
    void advance(Duration by);

    /** Called after each statement: report what the statement left behind (e.g. count mismatches). */
    void settle();

    /** Key log lines (SSLKEYLOGFILE format) produced so far. Secrets: not in the event log. */
    List<String> keyLog();

    /** Reports every reference the scenario still holds as a leak, then frees everything. */
    @Override
    void close();
}
