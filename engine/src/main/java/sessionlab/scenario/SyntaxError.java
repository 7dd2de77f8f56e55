package sessionlab.scenario;

/** Ends the parse of one line: a line that does not parse yields its first diagnostic and nothing more. */
final class SyntaxError extends RuntimeException {
    private final transient Diagnostic diagnostic;

    SyntaxError(Position position, String message) {
        super(message, null, false, false);
        this.diagnostic = new Diagnostic(position, message);
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
