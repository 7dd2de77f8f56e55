package sessionlab.stack.libssl;

import java.util.Map;
import sessionlab.scenario.Role;

/**
 * Why a session left a cache or stopped being resumable, from the call that did it and the
 * counters libssl moved during it (lifecycle reference §5–§10). Never installs a remove callback.
 */
final class Reasons {
    private Reasons() {}

    static String cacheRemoval(Activity a, LibsslContext ctx, Map<String, Long> before, Map<String, Long> after) {
        return switch (a.kind()) {
            case FLUSH_ALL, CTX_FREE -> "flush";
            case FLUSH_EXPIRED -> "timeout";
            case REMOVE -> "explicit";
            case FREE, CLEAR, SET_SESSION -> "unclean";
            case ADD -> grew(before, after, "cache_full") ? "evicted" : "replaced";
            case HANDSHAKE, READ, SHUTDOWN, WRITE -> {
                if (grew(before, after, "cache_full")) yield "evicted";
                if (grew(before, after, "timeouts")) yield "timeout";
                if (ctx.role == Role.CLIENT) yield "single-use";
                if (ctx.options.earlyData().orElse(0) > 0 && !ctx.options.noAntiReplay()) yield "single-use";
                yield "timeout";
            }
            default -> "unknown";
        };
    }

    static String notResumable(Activity a, String cacheReason) {
        String call = a.description().isEmpty() ? "" : " (" + a.description() + ")";
        return switch (cacheReason == null ? "" : cacheReason) {
            case "unclean" -> "unclean: the SSL was freed, cleared or given another session before SSL_shutdown" + call;
            case "single-use" -> "single use: spent by a TLS 1.3 resumption" + call;
            case "evicted" -> "evicted: the cache was full" + call;
            case "timeout" -> (a.kind() == Activity.Kind.FLUSH_EXPIRED ? "expired and flushed" : "expired: found past its timeout") + call;
            case "flush" -> "flushed" + call;
            case "explicit" -> "removed with SSL_CTX_remove_session" + call;
            case "replaced" -> "replaced by a session with the same id" + call;
            default -> switch (a.kind()) {
                case FREE, CLEAR, SET_SESSION -> "unclean: the SSL was freed, cleared or given another session before SSL_shutdown" + call;
                case REMOVE -> "marked by SSL_CTX_remove_session" + call;
                case HANDSHAKE -> "single use: libssl marks the resumed session of a client cache" + call;
                default -> "marked not resumable" + call;
            };
        };
    }

    private static boolean grew(Map<String, Long> before, Map<String, Long> after, String stat) {
        return after.getOrDefault(stat, 0L) > before.getOrDefault(stat, 0L);
    }
}
