package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import sessionlab.event.Event;
import sessionlab.event.EventSink;
import sessionlab.scenario.Side;
import sessionlab.wire.VirtualClock;

/**
 * Every session of a run and who holds it. Creation and destruction come from libssl's ex_data
 * callbacks (exact); holders are read from the real objects at each observation point: which SSL
 * points at the session, which cache lists it, which scenario names own a reference. The real count
 * is read through the probed offset and compared with the holders at the end of each statement.
 */
final class Ledger {
    private final Libssl lib;
    private final SessionLayout layout;
    private final EventSink sink;
    private final VirtualClock clock;
    /** Live sessions by address, in creation order: events about several sessions come out in a stable order. */
    final Map<Long, TrackedSession> live = new LinkedHashMap<>();
    final List<TrackedSession> all = new ArrayList<>();
    final Map<String, Variable> variables = new LinkedHashMap<>();
    /** Owned references whose name was re-bound: still held, reported as leaks at the end. */
    final List<Variable> orphans = new ArrayList<>();
    final List<LibsslContext> contexts = new ArrayList<>();
    /** Live SSL objects only: freed ones are removed so that observing stays proportional to what exists. */
    final List<Endpoint> endpoints = new ArrayList<>();
    /** SSL objects of the run that libssl has not released yet: the end of the run checks that none is left. */
    int nativeSsls;
    Activity activity = Activity.IDLE;
    /** The scenario line being carried out, for evidence that points back at a step. */
    int line;

    Ledger(Libssl lib, SessionLayout layout, EventSink sink, VirtualClock clock) {
        this.lib = lib;
        this.layout = layout;
        this.sink = sink;
        this.clock = clock;
        sink.beforeEmit(this::flushCreated);
    }

    private TrackedSession pendingCreated;
    private Integer pendingDupOf;

    /** Emits a held-back creation (see {@link EventSink#beforeEmit}). */
    void flushCreated() {
        TrackedSession s = pendingCreated;
        if (s == null) return;
        pendingCreated = null;
        sink.emit(new Event.SessionCreated(s.number, s.side, pendingDupOf, s.createdDuring));
        pendingDupOf = null;
    }

    // ---- from the ex_data callbacks ----

    void created(long address) {
        Endpoint e = activity.endpoint();
        String side = e == null ? "application" : e.side == Side.CLIENT ? "client" : "server";
        TrackedSession s = new TrackedSession(all.size() + 1, address, side, clock.now());
        if (e != null && e.side == Side.CLIENT) s.issuer = e.peer().ctx;
        flushCreated();
        all.add(s);
        live.put(address, s);
        s.createdDuring = activity.description();
        pendingCreated = s;
    }

    void duplicated(long from, long to) {
        TrackedSession src = live.get(from);
        TrackedSession dst = live.get(to);
        if (src != null && dst != null && pendingCreated == dst) pendingDupOf = src.number;
    }

    void destroyed(long address, CacheWatch caches) {
        flushCreated();
        TrackedSession s = live.remove(address);
        if (s == null) return;
        if (!s.caches.isEmpty()) caches.leftWhileDying(s, activity);
        long count = s.attributed();
        for (Map.Entry<String, Integer> h : s.holders.entrySet()) {
            count -= h.getValue();
            sink.emit(new Event.SessionRef(s.number, h.getKey(), -h.getValue(), layout.refcountOffset.isPresent() ? (int) Math.max(count, 0) : null));
        }
        s.holders = new TreeMap<>();
        s.alive = false;
        s.destroyedDuring = activity.description();
        sink.emit(new Event.SessionDestroyed(s.number, activity.description()));
        for (Variable v : variables.values()) {
            if (v.session == s) sink.emit(new Event.VariableDangling(v.name, s.number));
        }
    }

    // ---- observation ----

    /** Reads holders and properties of every live session and reports what changed. */
    void observe(Scratch scratch) {
        Map<Long, List<String>> sslHolders = new HashMap<>();
        for (Endpoint e : endpoints) {
            if (e.freed) continue;
            long p = lib.SSL_get_session(e.ssl).address();
            if (p != 0) sslHolders.computeIfAbsent(p, k -> new ArrayList<>()).add("SSL " + e.display());
        }
        for (TrackedSession s : List.copyOf(live.values())) {
            Map<String, Integer> now = new TreeMap<>();
            for (String h : sslHolders.getOrDefault(s.address, List.of())) now.put(h, 1);
            for (LibsslContext c : s.caches) now.put("cache " + c.name, 1);
            for (Variable v : variables.values()) if (v.session == s && v.owned > 0) now.merge("var " + v.name, v.owned, Integer::sum);
            for (Variable v : orphans) if (v.session == s && v.owned > 0) now.merge("lost " + v.name, v.owned, Integer::sum);
            for (LibsslContext c : contexts) {
                Integer k = c.kept.get(s);
                if (k != null && k > 0) now.put("new_cb " + c.name, k);
            }
            OptionalLong real = layout.references(s.address);
            reportHolders(s, now, real);
            reportState(s, scratch);
        }
    }

    private void reportHolders(TrackedSession s, Map<String, Integer> now, OptionalLong real) {
        if (now.equals(s.holders) && (real.isEmpty() || real.getAsLong() == s.lastCount)) return;
        long running = s.lastCount >= 0 ? s.lastCount : s.attributed();
        List<Event.SessionRef> drops = new ArrayList<>();
        List<Event.SessionRef> takes = new ArrayList<>();
        for (Map.Entry<String, Integer> old : s.holders.entrySet()) {
            int delta = now.getOrDefault(old.getKey(), 0) - old.getValue();
            if (delta < 0) drops.add(new Event.SessionRef(s.number, old.getKey(), delta, null));
        }
        for (Map.Entry<String, Integer> n : now.entrySet()) {
            int delta = n.getValue() - s.holders.getOrDefault(n.getKey(), 0);
            if (delta > 0) takes.add(new Event.SessionRef(s.number, n.getKey(), delta, null));
        }
        List<Event.SessionRef> ordered = new ArrayList<>(drops);
        ordered.addAll(takes);
        for (int i = 0; i < ordered.size(); i++) {
            Event.SessionRef r = ordered.get(i);
            running += r.delta();
            Integer count = real.isEmpty() ? null : (int) (i == ordered.size() - 1 ? real.getAsLong() : running);
            sink.emit(new Event.SessionRef(r.session(), r.holder(), r.delta(), count));
        }
        s.holders = now;
        s.lastCount = real.orElse(-1);
    }

    private void reportState(TrackedSession s, Scratch scratch) {
        MemorySegment p = MemorySegment.ofAddress(s.address);
        byte[] idBytes = scratch.sessionId(p);
        String id = HexFormat.of().formatHex(idBytes);
        boolean resumable = lib.SSL_SESSION_is_resumable(p);
        int v = lib.SSL_SESSION_get_protocol_version(p);
        String version = v == Libssl.TLS1_3_VERSION ? "tls1.3" : v == Libssl.TLS1_2_VERSION ? "tls1.2" : "";
        int ticket = scratch.ticketLength(p);
        long hint = lib.SSL_SESSION_get_ticket_lifetime_hint(p);
        long timeout = lib.SSL_SESSION_get_timeout(p);
        boolean changed = !id.equals(s.id) || resumable != s.resumable || !version.equals(s.version)
                || ticket != s.ticketLength || hint != s.lifetimeHint || timeout != s.timeout;
        if (!changed) return;
        boolean first = s.ticketLength == -1;
        boolean flagChanged = !first && resumable != s.resumable;
        s.id = id;
        s.version = version;
        s.ticketLength = ticket;
        s.lifetimeHint = hint;
        s.timeout = timeout;
        s.resumable = resumable;
        sink.emit(new Event.SessionState(s.number, s.side, id, resumable, version, ticket, hint, timeout, s.createdAt));
        if (resumable) s.everResumable = true;
        if (flagChanged) {
            String reason = resumable
                    ? (ticket > 0 ? "a ticket arrived (" + activity.description() + ")" : "the handshake gave it an id (" + activity.description() + ")")
                    : Reasons.notResumable(activity, s.pendingRemovalReason);
            var logged = sink.emit(new Event.SessionFlag(s.number, resumable, reason));
            if (!resumable) {
                s.flagSeq = logged.seq();
                s.flagLine = line;
                s.flagReason = reason;
            }
        }
        s.pendingRemovalReason = null;
    }

    /** Compares attributed holders with the real counts; a difference is reported, never hidden. */
    void checkCounts() {
        for (TrackedSession s : live.values()) {
            OptionalLong real = layout.references(s.address);
            if (real.isPresent() && real.getAsLong() != s.attributed()) {
                List<String> hs = s.holders.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).toList();
                sink.emit(new Event.RefcountMismatch(s.number, (int) real.getAsLong(), s.attributed(), hs));
            }
        }
    }

    TrackedSession session(long address) {
        return live.get(address);
    }
}
