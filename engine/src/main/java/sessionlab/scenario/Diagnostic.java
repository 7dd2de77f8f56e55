package sessionlab.scenario;

/** One problem found in a scenario file, at its position. */
public record Diagnostic(Position position, String message) {
    @Override
    public String toString() {
        return position + ": " + message;
    }
}
