package sessionlab.app.view.inspect;

/**
 * The inspector's hints for the fields whose meaning depends on the stack that ran: libssl's
 * objects are read from C memory, the JDK's and Bouncy Castle's through what their Java APIs and
 * hooks show, and some things (a count, a destruction, an order) only libssl can show.
 */
final class StackHints {
    private StackHints() {}

    static String sessionState(String stack) {
        return switch (stack) {
            case "jsse" -> "jsse cannot tell when a session is destroyed: SSLSession objects are garbage-collected, which no API reports.";
            case "bc" -> "Destroyed here means no holder is left in the lab; the JVM reclaims the object when it likes.";
            default -> "libssl frees a session when its last reference goes (ex_data free callback).";
        };
    }

    static String refcount(String stack) {
        return "libssl".equals(stack) ? "libssl's real count, read from the object itself."
                : "Java references are not counted: the holders below are the references the lab can see.";
    }

    static String resumable(String stack) {
        return switch (stack) {
            case "jsse" -> "As far as the public API tells: valid, still cached where JSSE looks for it, and holding a ticket or an id.";
            case "bc" -> "bctls's TlsSession.isResumable().";
            default -> "SSL_SESSION_is_resumable.";
        };
    }

    static String timeout(String stack) {
        return switch (stack) {
            case "jsse" -> "Its SSLSessionContext's timeout (-1 once it left every context); JSSE counts it on the wall clock.";
            case "bc" -> "The lab cache's timeout for it (bctls keeps none).";
            default -> "SSL_SESSION_get_timeout.";
        };
    }

    static String createdAt(String stack) {
        return "libssl".equals(stack) ? "Virtual time of SSL_SESSION_get_time."
                : "Virtual time when the lab first saw it (" + stack + " keeps its own times on the wall clock, if at all).";
    }

    static String cacheEntry(boolean ordered, String why) {
        return ordered ? "The list runs from the latest expiry (head) to the earliest (tail): the tail is evicted first."
                : "In order of session number: the cache's own order is " + why + ".";
    }

    static String setting(String stack) {
        return "As read back from " + stack + ".";
    }

    static String counter(String stack, String name) {
        return "libssl".equals(stack) ? "SSL_CTX_sess_" + name + "." : "The lab's count, named as libssl's SSL_CTX_sess_" + name + ".";
    }

    static String recordLabel(String stack) {
        return switch (stack) {
            case "jsse" -> "Encrypted records are labelled from what the engine's result tells (JSSE does not report its messages).";
            case "bc" -> "Encrypted records are labelled with the plaintext bctls's record hook saw before encrypting it.";
            default -> "Encrypted records are labelled with the messages libssl reported writing into them.";
        };
    }
}
