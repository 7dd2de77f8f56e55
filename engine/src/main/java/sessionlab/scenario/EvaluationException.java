package sessionlab.scenario;

/** An expectation function that could not be evaluated, e.g. "jsse has no reference counts". */
public final class EvaluationException extends Exception {
    public EvaluationException(String message) {
        super(message);
    }
}
