package sessionlab.app.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sessionlab.app.model.LabState.ConnectionView;
import sessionlab.app.model.LabState.SessionView;
import sessionlab.app.model.LabState.TicketView;
import sessionlab.app.model.LabState.VariableView;
import sessionlab.event.Event;

/**
 * What changed between two folded states of one run, in the terms the views animate. Computed from the two
 * states (the event log is read only for why a session left a cache, which a state does not keep), so it shows
 * nothing the library did not do: a forward step animates exactly the difference it made.
 */
public record Transition(LabState before, LabState after, List<Change> changes) {
    /** When something travels on the wire first, this first share of a step is the wire's, the rest the map's. */
    public static final double WIRE_SHARE = 0.45;

    /** The wire's part of a step at overall progress {@code p}: virtual time moves over it. */
    public static double wireProgress(double p, boolean travels) {
        return travels ? Math.min(1, p / WIRE_SHARE) : p;
    }

    /** The map's part: it changes once what was on its way has arrived. */
    public static double mapProgress(double p, boolean travels) {
        return travels ? Math.max(0, Math.min(1, (p - WIRE_SHARE) / (1 - WIRE_SHARE))) : p;
    }

    /** One animated difference. */
    public sealed interface Change {}

    /** A pointer: a connection's session pointer ({@code ssl}) or a scenario name, to a session. */
    public record Pointer(String holder, boolean ssl, int session) {}

    /** A session appeared; {@code parent} is the session it was copied from (ssl_session_dup), if any. */
    public record SessionBorn(int session, Integer parent) implements Change {}

    /** A real reference count moved (0 before a session existed, 0 after it died). */
    public record CountChanged(int session, int from, int to) implements Change {}

    public record PointerDrawn(Pointer pointer) implements Change {}

    public record PointerWithdrawn(Pointer pointer) implements Change {}

    /** A pointer whose session died: it now dangles. */
    public record WentDangling(Pointer pointer) implements Change {}

    public record CacheEntered(String ctx, int session) implements Change {}

    /** A session left a cache; {@code reason} as the engine logged it (evicted, timeout, flush, unclean, single-use...). */
    public record CacheLeft(String ctx, int session, String reason) implements Change {}

    public record SessionDied(int session) implements Change {}

    /** A ticket that moved on the wire (virtual time passed while it was in flight) or that the client took. */
    public record TicketMoved(TicketView before, TicketView after) implements Change {
        public boolean taken() {
            return after.readAt() >= 0 && (before == null || before.readAt() < 0);
        }
    }

    public static Transition between(History history, LabState before, LabState after) {
        List<Change> out = new ArrayList<>();
        for (SessionView s : after.sessions().values()) {
            SessionView was = before.sessions().get(s.number());
            if (was == null && s.alive()) out.add(new SessionBorn(s.number(), s.dupOf()));
            if (was != null && was.alive() && !s.alive()) out.add(new SessionDied(s.number()));
            int from = was == null || was.refcount() == null ? 0 : was.refcount();
            int to = s.refcount() == null ? 0 : s.refcount();
            boolean known = s.refcount() != null || (was != null && was.refcount() != null);
            if (known && from != to && (was != null || s.alive())) out.add(new CountChanged(s.number(), from, to));
        }
        Map<String, Pointer> was = pointers(before), now = pointers(after);
        now.forEach((k, p) -> {
            if (!p.equals(was.get(k))) out.add(new PointerDrawn(p));
        });
        was.forEach((k, p) -> {
            if (!p.equals(now.get(k))) out.add(new PointerWithdrawn(p));
        });
        now.forEach((k, p) -> {
            if (p.equals(was.get(k)) && dangling(p, after) && !dangling(p, before)) out.add(new WentDangling(p));
        });
        Map<String, String> reasons = removalReasons(history, before.cursor(), after.cursor());
        after.contexts().forEach((name, x) -> {
            LabState.ContextView old = before.contexts().get(name);
            List<Integer> oldCache = old == null ? List.of() : old.cache();
            if (oldCache.equals(x.cache())) return;
            java.util.Set<Integer> had = new java.util.HashSet<>(oldCache), is = new java.util.HashSet<>(x.cache());
            for (int n : x.cache()) if (!had.contains(n)) out.add(new CacheEntered(name, n));
            for (int n : oldCache) {
                if (!is.contains(n)) out.add(new CacheLeft(name, n, reasons.getOrDefault(name + "#" + n, "removed")));
            }
        });
        Map<String, TicketView> oldTickets = new HashMap<>();
        for (TicketView t : before.tickets()) oldTickets.put(t.key(), t);
        for (TicketView t : after.tickets()) {
            TicketView old = oldTickets.get(t.key());
            boolean travelled = t.recordSeq() >= 0 && t.sentAt() < after.now() && t.arrivesAt() > before.now()
                    && after.now() > before.now();
            boolean taken = t.readAt() >= 0 && (old == null || old.readAt() < 0);
            if (travelled || taken) out.add(new TicketMoved(old, t));
        }
        return new Transition(before, after, List.copyOf(out));
    }

    /** Whether something travelled on the wire first: the map's changes then follow its arrival. */
    public boolean travels() {
        return changes.stream().anyMatch(c -> c instanceof TicketMoved);
    }

    /**
     * Where the wire's clock stops: the latest arrival of a ticket that travels in this step (so that after an
     * {@code advance 10m} the ticket is still seen crossing, not there at once), else the time after the step.
     */
    public long wireEnd() {
        long end = -1;
        for (TicketMoved m : of(TicketMoved.class)) {
            if (m.after().arrivesAt() > before.now() && m.after().arrivesAt() <= after.now()) end = Math.max(end, m.after().arrivesAt());
        }
        return end < 0 ? after.now() : end;
    }

    public <T extends Change> List<T> of(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Change c : changes) if (kind.isInstance(c)) out.add(kind.cast(c));
        return out;
    }

    private static Map<String, Pointer> pointers(LabState s) {
        Map<String, Pointer> out = new LinkedHashMap<>();
        for (ConnectionView c : s.connections().values()) {
            if (!c.freed() && c.session() != null) out.put("ssl " + c.name(), new Pointer(c.name(), true, c.session()));
        }
        for (VariableView v : s.variables().values()) {
            if (v.session() != null) out.put("var " + v.name(), new Pointer(v.name(), false, v.session()));
        }
        return out;
    }

    private static boolean dangling(Pointer p, LabState s) {
        if (!p.ssl()) {
            VariableView v = s.variables().get(p.holder());
            return v != null && v.dangling();
        }
        SessionView target = s.sessions().get(p.session());
        return target != null && !target.alive();
    }

    /** ctx#session → the reason of its last removal between the two cursors. */
    private static Map<String, String> removalReasons(History history, int from, int to) {
        Map<String, String> out = new HashMap<>();
        if (history == null) return out;
        for (int i = Math.max(0, from + 1); i <= to && i < history.size(); i++) {
            if (history.events().get(i).event() instanceof Event.CacheRemove r) out.put(r.ctx() + "#" + r.session(), r.reason());
        }
        return out;
    }

    /** True when nothing is animated (a step that only moved the statement highlight). */
    public boolean isEmpty() {
        return changes.isEmpty() && Objects.equals(before.now(), after.now());
    }
}
