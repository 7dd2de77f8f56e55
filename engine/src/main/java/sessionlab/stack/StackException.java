package sessionlab.stack;

/**
 * A statement a stack could not carry out. {@code kind} is short and stable for tests and the app:
 * {@code unsupported}, {@code use-after-free-prevented}, {@code double-free-prevented},
 * {@code borrowed-free-prevented}, {@code freed}, {@code null-session}, {@code handshake-failed}, {@code ssl-error}.
 */
public final class StackException extends Exception {
    private final String kind;

    public StackException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
