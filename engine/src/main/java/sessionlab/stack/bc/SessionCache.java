package sessionlab.stack.bc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sessionlab.event.Event;
import sessionlab.event.EventSink;

/**
 * The session cache of one context. bctls has none: a server application answers
 * {@code getSessionToResume(id)} itself. So this one is the lab's own, and every event it emits says
 * so ({@code cache.order} with {@code fromLibrary=false}). It follows libssl where that is sensible:
 *
 * <ul>
 *   <li>a list sorted by expiry (creation + timeout on the virtual clock): head expires last, tail first;
 *       equal expiry puts the newcomer nearer the head; a hit does not move anything (not LRU);</li>
 *   <li>{@code cache_size=N} holds at most N sessions (0: no limit). When full, the tail, the
 *       earliest to expire, is evicted before the newcomer goes in ({@code cache_full} counts it).
 *       libssl 3.0 counts the newcomer before making room and so holds only N-1: the lab does what
 *       the documentation says instead;</li>
 *   <li>a lookup that finds an expired session removes it and counts a timeout, not a miss;</li>
 *   <li>every removal (evicted, timeout, flush, explicit, replaced) invalidates the bctls session,
 *       as libssl marks a removed session not resumable.</li>
 * </ul>
 */
final class SessionCache {
    private final BcContext ctx;
    private final BcSessions sessions;
    private final EventSink sink;
    /** Head (index 0) = latest expiry. */
    private final List<BcSession> list = new ArrayList<>();

    SessionCache(BcContext ctx, BcSessions sessions, EventSink sink) {
        this.ctx = ctx;
        this.sessions = sessions;
        this.sink = sink;
    }

    int size() {
        return list.size();
    }

    boolean contains(BcSession s) {
        return list.contains(s);
    }

    List<BcSession> entries() {
        return List.copyOf(list);
    }

    private BcSession withId(byte[] id) {
        if (id.length == 0) return null;
        for (BcSession s : list) if (Arrays.equals(s.sessionId(), id)) return s;
        return null;
    }

    /** SSL_CTX_add_session on the lab's list. Returns false when this very session is already cached. */
    boolean add(BcSession s) {
        if (list.contains(s)) return false;
        BcSession same = withId(s.sessionId());
        if (same != null) remove(same, "replaced");
        int limit = ctx.cacheLimit();
        while (limit > 0 && list.size() >= limit && !list.isEmpty()) {
            remove(list.getLast(), "evicted");
            ctx.count("cache_full");
        }
        int at = 0;
        while (at < list.size() && list.get(at).expiresAt() > s.expiresAt()) at++;
        list.add(at, s);
        s.cache = ctx.name;
        sink.emit(new Event.CacheInsert(ctx.name, s.number, list.size()));
        order();
        return true;
    }

    /**
     * The server's lookup of a ClientHello's session id. A miss and a timeout are counted as libssl
     * counts them; an expired entry is dropped on the way.
     */
    BcSession lookup(byte[] id, long now) {
        BcSession s = withId(id);
        if (s == null) {
            ctx.count("misses");
            return null;
        }
        if (now > s.expiresAt()) {
            ctx.count("timeouts");
            remove(s, "timeout");
            return null;
        }
        ctx.count("hits");
        return s;
    }

    /** Takes s out and invalidates it (libssl marks removed sessions not resumable). */
    boolean remove(BcSession s, String reason) {
        if (!list.remove(s)) return false;
        s.cache = null;
        s.pendingReason = reason;
        s.tls.invalidate();
        var logged = sink.emit(new Event.CacheRemove(ctx.name, s.number, reason, list.size()));
        s.removedSeq = logged.seq();
        s.removedLine = sessions.line;
        s.removedReason = reason;
        s.removedFrom = ctx.name;
        order();
        return true;
    }

    /**
     * SSL_CTX_flush_sessions(ctx, t): removes what has expired by virtual time {@code at}
     * (reason timeout), or everything when {@code everything} (reason flush). Returns how many left.
     */
    int flush(long at, boolean everything) {
        int removed = 0;
        for (BcSession s : List.copyOf(list)) {
            if (everything || at > s.expiresAt()) {
                remove(s, everything ? "flush" : "timeout");
                removed++;
            }
        }
        return removed;
    }

    private void order() {
        sink.emit(new Event.CacheOrder(ctx.name, list.stream().map(x -> x.number).toList(), false));
    }
}
