package sessionlab.stack.jsse;

/**
 * Why a session left a cache or changed its resumable state, from the call that was running and
 * what the public API showed (valid or not, still cached or not). JSSE reports none of this itself.
 */
final class Reasons {
    private Reasons() {}

    /** @param full the cache was at its size limit and gained an entry in the same look */
    static String cacheRemoval(Activity a, JsseContext c, Tracked t, boolean full) {
        switch (a.kind()) {
            case REMOVE -> { return "explicit"; }
            case FLUSH, CTX_FREE -> { return "flush"; }
            default -> { }
        }
        boolean valid = t.view != null && t.view.valid();
        if (!valid) return expired(t) ? "timeout" : "unclean";
        if (a.kind() == Activity.Kind.HANDSHAKE && a.end() != null && "tls1.3".equals(t.version())) {
            // a client spends a ticket by offering it, accepted or not; a stateful server by accepting it
            Conn conn = a.end().conn;
            if ("client".equals(t.side) ? conn.client.offered : conn.resumedOnWire()) return "single-use";
        }
        if (full) return "evicted";
        if (expired(t)) return "timeout";
        return "replaced";
    }

    /** JSSE's own rule (SSLSessionContextImpl.isTimedout), on the wall clock it uses. */
    static boolean expired(Tracked t) {
        return t.view != null && t.view.timeoutSeconds() > 0
                && t.view.creationTime() + t.view.timeoutSeconds() * 1000L <= System.currentTimeMillis();
    }

    static String becameResumable(Tracked t, Activity a) {
        return (t.ticket ? "a ticket arrived" : "the handshake gave it an id") + during(a);
    }

    static String notResumable(Tracked t, Activity a) {
        String removed = t.removedReason == null ? "" : t.removedReason;
        if (t.view != null && !t.view.valid()) {
            return switch (removed) {
                case "explicit" -> "invalidated by SSL_CTX_remove_session (SSLSession.invalidate, which also invalidates the sessions resumed from it)";
                case "flush" -> "invalidated by the flush";
                case "timeout" -> "expired: JSSE dropped it, past its timeout, when its cache was read";
                default -> "invalidated by JSSE (a fatal alert on its connection invalidates the session)";
            } + during(a);
        }
        return switch (removed) {
            case "single-use" -> "single use: " + t.spentBy + ("client".equals(t.side) ? " offered it" : " accepted it")
                    + ", and JSSE took it out of the cache";
            case "evicted" -> "evicted: the cache was full";
            case "timeout" -> "expired: past its timeout";
            case "flush" -> "its context was freed: the lab no longer sees that cache";
            default -> "it left the cache";
        } + during(a);
    }

    private static String during(Activity a) {
        return a.description().isEmpty() ? "" : " (" + a.description() + ")";
    }
}
