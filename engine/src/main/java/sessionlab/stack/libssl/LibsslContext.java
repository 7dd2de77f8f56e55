package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sessionlab.scenario.ContextOptions;
import sessionlab.scenario.Role;

/** A scenario SSL_CTX and what the engine has learned about it. */
final class LibsslContext {
    final String name;
    final Role role;
    final MemorySegment ptr;
    final ContextOptions options;
    /** The scenario called SSL_CTX_free: the name may not be used again. */
    boolean freed;
    /** libssl released the object (its ex_data free callback fired): the last SSL holding it went too. */
    boolean nativeDestroyed;
    /** Sessions the new-session callback received, in order (for {@code new_session(X, N)}). */
    final List<TrackedSession> newCallbackSessions = new ArrayList<>();
    /** References a keeping new-session callback took that no scenario name claimed yet. */
    final Map<TrackedSession, Integer> kept = new LinkedHashMap<>();
    int newCallbacks;
    int removeCallbacks;
    /** Cache list head to tail at the last walk. */
    List<TrackedSession> cache = List.of();
    Map<String, Long> stats = Map.of();
    /** The same counters as read, to compare cheaply at every observation. */
    long[] rawStats = new long[0];
    /** When the scenario freed it (a "server restart" makes its tickets unreadable). */
    long freedSeq = -1;
    int freedLine;

    LibsslContext(String name, Role role, MemorySegment ptr, ContextOptions options) {
        this.name = name;
        this.role = role;
        this.ptr = ptr;
        this.options = options;
    }
}
