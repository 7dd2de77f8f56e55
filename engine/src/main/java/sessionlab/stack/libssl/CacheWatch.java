package sessionlab.stack.libssl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sessionlab.event.Event;
import sessionlab.event.EventSink;

/**
 * Watches each context's session cache without changing it: counters through SSL_CTX_ctrl, members
 * through a walk of SSL_CTX_sessions, order through the sessions' own list links. Walks only when
 * a counter moved or the caller knows the order may have changed, so large caches stay cheap.
 */
final class CacheWatch {
    static final Map<String, Integer> STATS = statCodes();

    private final Libssl lib;
    private final NativeHooks hooks;
    private final SessionLayout layout;
    private final Ledger ledger;
    private final EventSink sink;

    CacheWatch(Libssl lib, NativeHooks hooks, SessionLayout layout, Ledger ledger, EventSink sink) {
        this.lib = lib;
        this.hooks = hooks;
        this.layout = layout;
        this.ledger = ledger;
        this.sink = sink;
    }

    private static Map<String, Integer> statCodes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("number", 20);
        m.put("connect", 21);
        m.put("connect_good", 22);
        m.put("connect_renegotiate", 23);
        m.put("accept", 24);
        m.put("accept_good", 25);
        m.put("accept_renegotiate", 26);
        m.put("hits", 27);
        m.put("cb_hits", 28);
        m.put("misses", 29);
        m.put("timeouts", 30);
        m.put("cache_full", 31);
        return m;
    }

    private static final int[] CODES = STATS.values().stream().mapToInt(Integer::intValue).toArray();

    Map<String, Long> stats(LibsslContext c) {
        return asMap(read(c));
    }

    /** Takes a new context's counters as the starting point: only later moves are events. */
    void baseline(LibsslContext c) {
        c.rawStats = read(c);
        c.stats = asMap(c.rawStats);
    }

    private long[] read(LibsslContext c) {
        long[] v = new long[CODES.length];
        for (int i = 0; i < CODES.length; i++) v[i] = lib.SSL_CTX_ctrl(c.ptr, CODES[i], 0);
        return v;
    }

    private static Map<String, Long> asMap(long[] v) {
        Map<String, Long> m = new LinkedHashMap<>();
        int i = 0;
        for (String name : STATS.keySet()) m.put(name, v[i++]);
        return m;
    }

    /** A context the scenario freed lives on natively while an SSL holds it; libssl says when it goes. */
    boolean nativeAlive(LibsslContext c) {
        return !c.nativeDestroyed;
    }

    /** The natively alive contexts, other than {@code except}, whose session table holds this very session. */
    List<LibsslContext> tablesHolding(TrackedSession s, LibsslContext except) {
        List<LibsslContext> out = new ArrayList<>();
        for (LibsslContext c : ledger.contexts) {
            if (c != except && nativeAlive(c) && hooks.tableHolds(c.ptr, s.address)) out.add(c);
        }
        return out;
    }

    void observe(Activity activity, boolean force) {
        for (LibsslContext c : ledger.contexts) {
            if (c.ptr == null) continue;
            if (!nativeAlive(c)) {
                for (TrackedSession s : c.cache) gone(c, s, "flush");
                c.cache = List.of();
                continue;
            }
            long[] raw = read(c);
            boolean moved = !java.util.Arrays.equals(raw, c.rawStats);
            if (!force && !moved) continue;
            Map<String, Long> now = asMap(raw);
            walk(c, activity, now);
            if (moved) sink.emit(new Event.Stats(c.name, now));
            c.stats = now;
            c.rawStats = raw;
        }
    }

    private void walk(LibsslContext c, Activity activity, Map<String, Long> now) {
        List<Long> members = hooks.sessionsIn(c.ptr);
        Optional<List<Long>> linked = layout.order(members);
        List<TrackedSession> order = new ArrayList<>();
        for (long a : linked.orElse(members)) {
            TrackedSession s = ledger.session(a);
            if (s != null) order.add(s);
        }
        boolean fromLibrary = linked.isPresent();
        if (!fromLibrary) order = fallbackOrder(c.cache, order);
        Set<TrackedSession> after = new HashSet<>(order);
        for (TrackedSession s : c.cache) {
            if (!after.contains(s) && s.alive) {
                String reason = Reasons.cacheRemoval(activity, c, c.stats, now);
                s.caches.remove(c);
                s.pendingRemovalReason = reason;
                removed(s, c, reason, sink.emit(new Event.CacheRemove(c.name, s.number, reason, order.size())).seq());
            }
        }
        Set<TrackedSession> before = new HashSet<>(c.cache);
        for (TrackedSession s : order) {
            if (!before.contains(s)) {
                s.caches.add(c);
                sink.emit(new Event.CacheInsert(c.name, s.number, order.size()));
            }
        }
        List<Integer> oldNumbers = c.cache.stream().filter(x -> x.alive && x.caches.contains(c)).map(x -> x.number).toList();
        List<Integer> newNumbers = order.stream().map(x -> x.number).toList();
        if (!oldNumbers.equals(newNumbers)) sink.emit(new Event.CacheOrder(c.name, newNumbers, fromLibrary));
        c.cache = order;
    }

    /** Without readable links: keep the known order, newcomers at the head (where equal expiry puts them). */
    private static List<TrackedSession> fallbackOrder(List<TrackedSession> old, List<TrackedSession> members) {
        List<TrackedSession> out = new ArrayList<>();
        for (TrackedSession m : members) if (!old.contains(m)) out.add(m);
        for (TrackedSession o : old) if (members.contains(o)) out.add(o);
        return out;
    }

    /** A cached session is being destroyed: it left its cache during this call. */
    void leftWhileDying(TrackedSession s, Activity activity) {
        for (LibsslContext c : List.copyOf(s.caches)) {
            String reason = c.freed ? "flush" : Reasons.cacheRemoval(activity, c, c.stats, nativeAlive(c) ? stats(c) : c.stats);
            gone(c, s, reason);
            List<TrackedSession> rest = new ArrayList<>(c.cache);
            rest.remove(s);
            c.cache = rest;
        }
    }

    private void gone(LibsslContext c, TrackedSession s, String reason) {
        s.caches.remove(c);
        s.pendingRemovalReason = reason;
        removed(s, c, reason, sink.emit(new Event.CacheRemove(c.name, s.number, reason, Math.max(0, c.cache.size() - 1))).seq());
    }

    private void removed(TrackedSession s, LibsslContext c, String reason, long seq) {
        s.removedSeq = seq;
        s.removedLine = ledger.line;
        s.removedReason = reason;
        s.removedFrom = c.name;
    }

    long size(LibsslContext c) {
        return lib.SSL_CTX_ctrl(c.ptr, 20, 0);
    }
}
