package sessionlab.scenario;

/** Gives the value of one expectation function call; supplied by the runner, which knows the stack. */
@FunctionalInterface
public interface FunctionResolver {
    Value apply(Expr.Fn call) throws EvaluationException;
}
