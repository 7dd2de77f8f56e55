package sessionlab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Evaluates a checked {@code expect} expression against a run. Every function call evaluated is
 * recorded with its value, so that a failure can say {@code refcount(s1) = 2} rather than just "false".
 * {@code &&} and {@code ||} short-circuit as in C; calls skipped that way are not observed.
 */
public final class ExpectEvaluator {

    /** One evaluated call: its text as written (normalized), e.g. {@code refcount(s1)}, and its value. */
    public record Observation(String text, Value value) {
        public Observation {
            Objects.requireNonNull(text);
            Objects.requireNonNull(value);
        }
    }

    /** Whether the expectation held, and the calls evaluated on the way, in evaluation order. */
    public record Outcome(boolean passed, List<Observation> observations) {
        public Outcome {
            observations = List.copyOf(observations);
        }
    }

    private final FunctionResolver resolver;
    private final List<Observation> observations = new ArrayList<>();

    private ExpectEvaluator(FunctionResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @throws EvaluationException if the resolver throws, returns nothing, or returns a value of the
     *     wrong type for its function; also if {@code expr} is not a boolean expression
     */
    public static Outcome evaluate(Expr expr, FunctionResolver resolver) throws EvaluationException {
        ExpectEvaluator e = new ExpectEvaluator(resolver);
        boolean passed = e.bool(expr, "expect");
        return new Outcome(passed, e.observations);
    }

    /**
     * {@code refcount(s1) = 2, cache_size(client) = 0}; a call observed twice with the same value is
     * shown once. Empty when no call was evaluated.
     */
    public static String describe(Outcome outcome) {
        return new LinkedHashSet<>(outcome.observations()).stream()
                .map(o -> o.text() + " = " + o.value().render())
                .collect(Collectors.joining(", "));
    }

    private Value eval(Expr expr) throws EvaluationException {
        return switch (expr) {
            case Expr.IntLiteral i -> new Value.Int(i.value());
            case Expr.VersionLiteral v -> new Value.Version(v.version());
            case Expr.Not n -> new Value.Bool(!bool(n.operand(), "!"));
            case Expr.And a -> new Value.Bool(bool(a.left(), "&&") && bool(a.right(), "&&"));
            case Expr.Or o -> new Value.Bool(bool(o.left(), "||") || bool(o.right(), "||"));
            case Expr.Compare c -> new Value.Bool(compare(c));
            case Expr.Fn f -> call(f);
        };
    }

    private boolean bool(Expr expr, String user) throws EvaluationException {
        Value v = eval(expr);
        if (v instanceof Value.Bool(boolean b)) return b;
        throw new EvaluationException(user + " needs a boolean, got " + v.render());
    }

    /** Equality compares values (so a missing version, None, differs from every version); order needs ints. */
    private boolean compare(Expr.Compare c) throws EvaluationException {
        Value l = eval(c.left());
        Value r = eval(c.right());
        return switch (c.op()) {
            case EQ -> l.equals(r);
            case NE -> !l.equals(r);
            case LT, LE, GT, GE -> {
                if (!(l instanceof Value.Int(long a)) || !(r instanceof Value.Int(long b))) {
                    throw new EvaluationException("'" + c.op().symbol() + "' needs ints, got " + l.render() + " and "
                            + r.render());
                }
                yield switch (c.op()) {
                    case LT -> a < b;
                    case LE -> a <= b;
                    case GT -> a > b;
                    default -> a >= b;
                };
            }
        };
    }

    private Value call(Expr.Fn f) throws EvaluationException {
        Value v = resolver.apply(f);
        if (v == null) throw new EvaluationException(f.text() + " has no value");
        Functions.Type want = Functions.of(f.function()).result();
        boolean fits = switch (v) {
            case Value.Int _ -> want == Functions.Type.INT;
            case Value.Bool _ -> want == Functions.Type.BOOL;
            case Value.Version _ -> want == Functions.Type.VERSION;
            case Value.None _ -> want == Functions.Type.VERSION;
        };
        if (!fits) throw new EvaluationException(f.text() + " gave " + v.render() + ", not " + want.phrase());
        observations.add(new Observation(f.text(), v));
        return v;
    }
}
