package sessionlab.stack.jsse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import sessionlab.event.Event;
import sessionlab.scenario.Side;
import sessionlab.stack.jsse.Hosted.SessionView;
import sessionlab.stack.jsse.Hosted.Snapshot;

/**
 * Every SSLSession the run has seen and who holds a Java reference to it: an engine
 * ({@code getSession()}), a context's cache ({@code getIds()}), a scenario variable. There are no
 * counts (a Java reference is not counted) and no destruction (garbage collection is not
 * observable), so {@code session.ref} carries a null count and {@code session.destroyed} never comes.
 */
final class Sessions {
    /** A scenario name: the session it names, and whether it still holds its reference. */
    static final class Var {
        final String name;
        final String holder;
        final Tracked session;
        boolean holds;

        Var(String name, Tracked session) {
            this.name = name;
            this.holder = "var " + name;
            this.session = session;
            this.holds = session != null;
        }
    }

    private static final Comparator<Tracked> BY_NUMBER = Comparator.comparingInt(t -> t.number);
    private final JsseRun run;
    final List<Tracked> all = new ArrayList<>();
    final Map<String, Var> variables = new LinkedHashMap<>();
    private final Map<Host, Map<Integer, Tracked>> byHandle = new IdentityHashMap<>();
    private final Map<Host, Snapshot> last = new IdentityHashMap<>();
    private final Map<Host, Set<Integer>> tickets = new IdentityHashMap<>();
    private final Map<JsseContext, Set<Tracked>> caches = new HashMap<>();
    /** Each context's cached handles as last seen, to skip caches that did not change. */
    private final Map<JsseContext, int[]> cachedHandles = new HashMap<>();
    private static final int[] NONE = new int[0];
    /** Sessions held by an engine or a variable at the last observation: they may lose that holder. */
    private Set<Tracked> heldByEngineOrVariable = Set.of();
    /** Sessions something happened to between observations that no look shows (a ticket's arrival). Variables need no entry: holders() visits every session a variable held or holds. */
    private final Set<Tracked> pending = new HashSet<>();
    private final Set<ByteBuffer> clientIds = new HashSet<>();

    Sessions(JsseRun run) {
        this.run = run;
    }

    void arrivedAsTicket(Host h, int handle) {
        tickets.computeIfAbsent(h, k -> new HashSet<>()).add(handle);
        Tracked t = byHandle.getOrDefault(h, Map.of()).get(handle);
        if (t != null) {
            t.ticket = true;
            pending.add(t);
        }
    }

    /** The session an engine holds now, as of the last look. */
    Tracked sessionOf(End e) {
        Snapshot s = last.get(e.host());
        Integer h = s == null ? null : s.engineSessions().get(e.engine);
        return h == null ? null : byHandle.get(e.host()).get(h);
    }

    int trustCalls(End e) {
        Snapshot s = last.get(e.host());
        return s == null ? 0 : s.trustCalls().getOrDefault(e.engine, 0);
    }

    Set<Tracked> cached(JsseContext c) {
        return caches.getOrDefault(c, Set.of());
    }

    /** A TLS 1.2 session id one of this run's client sessions carries. */
    boolean isClientSessionId(byte[] id) {
        return clientIds.contains(ByteBuffer.wrap(id));
    }

    // ---- observation ----

    /**
     * Looks at every host, then reports new sessions, cache moves, holders and states, in that
     * order. Only sessions something may have happened to are visited: the work follows what
     * changed, not how many sessions the run has seen.
     */
    void observe(Activity a) {
        Set<Tracked> touched = new HashSet<>(pending);
        pending.clear();
        for (Host h : run.hosts()) {
            Snapshot s = h.call(new Hosted.Look());
            last.put(h, s);
            discover(h, s, a, touched);
        }
        for (JsseContext c : run.contexts()) watchCache(c, a, touched);
        List<Tracked> visit = holders(touched);
        for (Tracked t : visit) state(t, a);
    }

    private void discover(Host h, Snapshot s, Activity a, Set<Tracked> touched) {
        Map<Integer, Tracked> known = byHandle.computeIfAbsent(h, k -> new HashMap<>());
        List<Integer> seen = new ArrayList<>(s.sessions().keySet());
        Collections.sort(seen);
        for (int handle : seen) {
            Tracked t = known.get(handle);
            if (t == null) {
                t = track(h, s, handle, a);
                if (t == null) continue; // seen by no engine or cache of this run (e.g. the ticket probe's)
                known.put(handle, t);
            }
            t.view = s.sessions().get(handle);
            if ("client".equals(t.side) && t.view.id().length > 0) clientIds.add(ByteBuffer.wrap(t.view.id()));
            touched.add(t);
        }
    }

    private Tracked track(Host h, Snapshot s, int handle, Activity a) {
        JsseContext home = null;
        String side = null;
        End engineEnd = null;
        for (Map.Entry<Integer, Integer> es : s.engineSessions().entrySet()) {
            End e = run.endOf(es.getKey());
            if (es.getValue() == handle && e != null) {
                home = e.ctx;
                side = e.side == Side.CLIENT ? "client" : "server";
                engineEnd = e;
            }
        }
        for (Map.Entry<Integer, int[]> cs : s.caches().entrySet()) {
            JsseContext c = run.contextOf(cs.getKey());
            if (home == null && c != null && Arrays.binarySearch(cs.getValue(), handle) >= 0) {
                home = c;
                side = c.server() ? "server" : "client";
            }
        }
        if (home == null) return null;
        Tracked t = new Tracked(all.size() + 1, h, handle, side, run.clock.now(), home);
        t.ticket = tickets.getOrDefault(h, Set.of()).contains(handle);
        if (engineEnd != null && engineEnd.tls12Ticket != null) t.tls12Ticket = engineEnd.tls12Ticket;
        all.add(t);
        run.sink.emit(new Event.SessionCreated(t.number, side, null, a.description()));
        return t;
    }

    /** Cache moves since the last look, found by merging the two sorted handle lists: the work follows the moves. */
    private void watchCache(JsseContext c, Activity a, Set<Tracked> touched) {
        Snapshot s = last.get(c.host);
        int[] handles = c.freed || s == null ? NONE : s.caches().getOrDefault(c.id, NONE);
        int[] previous = cachedHandles.getOrDefault(c, NONE);
        if (handles == previous || Arrays.equals(handles, previous)) return;
        cachedHandles.put(c, handles);
        Map<Integer, Tracked> known = byHandle.getOrDefault(c.host, Map.of());
        List<Tracked> left = new ArrayList<>();
        List<Tracked> entered = new ArrayList<>();
        int i = 0, j = 0;
        while (i < previous.length || j < handles.length) {
            if (j == handles.length || (i < previous.length && previous[i] < handles[j])) addIfKnown(left, known, previous[i++]);
            else if (i == previous.length || handles[j] < previous[i]) addIfKnown(entered, known, handles[j++]);
            else {
                i++;
                j++;
            }
        }
        Set<Tracked> members = caches.computeIfAbsent(c, k -> new HashSet<>());
        boolean full = !entered.isEmpty() && members.size() >= c.cacheSize && c.cacheSize > 0;
        int size = members.size();
        for (Tracked t : left) {
            if (!members.remove(t)) continue;
            String reason = Reasons.cacheRemoval(a, c, t, full);
            t.cache = null;
            t.cacheHolder = null;
            t.removedReason = reason;
            if ("single-use".equals(reason) && a.end() != null) t.spentBy = a.end().conn.name;
            touched.add(t);
            run.sink.emit(new Event.CacheRemove(c.name, t.number, reason, --size));
        }
        for (Tracked t : entered) {
            if (!members.add(t)) continue;
            t.cache = c.name;
            t.cacheHolder = "cache " + c.name;
            touched.add(t);
            run.sink.emit(new Event.CacheInsert(c.name, t.number, ++size));
        }
    }

    private static void addIfKnown(List<Tracked> to, Map<Integer, Tracked> known, int handle) {
        Tracked t = known.get(handle);
        if (t != null) to.add(t);
    }

    /**
     * Holder changes of the touched sessions and of those an engine or a variable held or holds,
     * in session order; returns the sessions visited.
     */
    private List<Tracked> holders(Set<Tracked> touched) {
        Map<Tracked, Set<String>> held = new HashMap<>();
        for (Map.Entry<Host, Snapshot> hs : last.entrySet()) {
            Map<Integer, Tracked> known = byHandle.get(hs.getKey());
            for (Map.Entry<Integer, Integer> es : hs.getValue().engineSessions().entrySet()) {
                End e = run.endOf(es.getKey());
                Tracked t = known.get(es.getValue());
                if (e != null && !e.freed && t != null) held.computeIfAbsent(t, k -> new TreeSet<>()).add(e.holder);
            }
        }
        for (Var v : variables.values()) {
            if (v.holds && v.session != null) held.computeIfAbsent(v.session, k -> new TreeSet<>()).add(v.holder);
        }
        Set<Tracked> visit = touched;
        visit.addAll(heldByEngineOrVariable);
        visit.addAll(held.keySet());
        heldByEngineOrVariable = held.keySet();
        List<Tracked> ordered = new ArrayList<>(visit);
        ordered.sort(BY_NUMBER);
        for (Tracked t : ordered) {
            Set<String> n = held.get(t);
            if (n == null) n = new TreeSet<>();
            if (t.cache != null) n.add(t.cacheHolder);
            if (n.equals(t.holders)) continue;
            for (String h : t.holders) if (!n.contains(h)) run.sink.emit(new Event.SessionRef(t.number, h, -1, null));
            for (String h : n) if (!t.holders.contains(h)) run.sink.emit(new Event.SessionRef(t.number, h, 1, null));
            t.holders = n; // made for this look alone
        }
        return ordered;
    }

    /**
     * Resumable, as far as the public API tells: valid, still cached where JSSE would look for it
     * (a client offers only what its cache holds for the peer; a stateful server accepts only what
     * its cache holds), and holding something to resume with: a TLS 1.3 client session must have
     * arrived as a ticket, any other needs a session id.
     */
    boolean resumable(Tracked t) {
        SessionView v = t.view;
        if (v == null || !v.valid()) return false;
        if ("server".equals(t.side)) return v.id().length > 0 && (t.home.stateless || t.cache != null);
        if (t.cache == null) return false;
        return "TLSv1.3".equals(v.protocol()) ? t.ticket : v.id().length > 0;
    }

    private void state(Tracked t, Activity a) {
        if (t.view == null) return;
        boolean resumable = resumable(t);
        boolean changed = !t.stateShown || resumable != t.resumable;
        boolean flag = t.stateShown && resumable != t.resumable;
        if (!changed) return;
        t.stateShown = true;
        t.resumable = resumable;
        int ticketLength = t.tls12Ticket != null ? (int) t.tls12Ticket[1] : t.ticket ? -1 : 0;
        long hint = t.tls12Ticket != null ? t.tls12Ticket[0] : 0;
        run.sink.emit(new Event.SessionState(t.number, t.side, HexFormat.of().formatHex(t.view.id()), resumable, t.version(),
                ticketLength, hint, t.view.timeoutSeconds(), t.createdAt));
        if (!flag) return;
        String reason = resumable ? Reasons.becameResumable(t, a) : Reasons.notResumable(t, a);
        if (!resumable) {
            t.flagReason = reason;
            t.flagLine = run.line;
        }
        run.sink.emit(new Event.SessionFlag(t.number, resumable, reason));
    }

    // ---- variables ----

    void bind(String name, Tracked s, String how) {
        variables.put(name, new Var(name, s));
        run.sink.emit(new Event.VariableBound(name, s == null ? null : s.number, s != null, how));
    }

    /** SSL_SESSION_free: the scenario drops its Java reference; the name stays, the object may live on. */
    String drop(Var v) {
        if (!v.holds) return "nothing to drop: '" + v.name + "' holds no reference any more";
        v.holds = false;
        run.sink.emit(new Event.VariableBound(v.name, v.session.number, false,
                "SSL_SESSION_free(" + v.name + "): the scenario dropped its Java reference"));
        return "the reference is dropped; the garbage collector frees the object once nothing else refers to it";
    }

    /** A client session's issuing connection: the one whose fake peer port it carries. */
    Conn issuedBy(Tracked t) {
        return t.view == null ? null : run.connectionOnPort(t.view.peerPort());
    }
}
