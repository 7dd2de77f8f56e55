package sessionlab.app.view.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.ConnectionView;
import sessionlab.app.model.LabState.ContextView;
import sessionlab.app.model.LabState.SessionView;
import sessionlab.app.model.LabState.VariableView;
import sessionlab.app.model.Touched;

/**
 * Which objects one column draws, chosen from a LabState. Pure, so the capping rules are cheap to
 * reason about: a run with a thousand sessions must not build a thousand nodes on every cursor move.
 * Live sessions are nodes; destroyed ones are small chips in a strip under them. What the current
 * statement touched is drawn before anything else, then what a name or an SSL points at.
 */
record MapPlan(String side, List<ContextView> contexts, List<ConnectionView> connections, int hiddenConnections,
               List<SessionView> sessions, int hiddenSessions, List<SessionView> destroyed, int hiddenDestroyed,
               List<VariableView> variables, int hiddenVariables) {

    static final String CLIENT = "client";
    static final String SERVER = "server";
    /** Sessions the engine could not attribute to a side (e.g. ones freed at birth), and the names pointing at them. */
    static final String OTHER = "other";
    static final int DEFAULT_DESTROYED = 10;
    /** Freed SSL objects drawn when the statement does not touch them. */
    static final int FREED_SHOWN = 2;
    /** Session nodes a crowded column draws. */
    static final int CROWDED_SESSIONS = 6;

    record Limits(int sessions, int connections, int variables, int destroyed) {
        Limits(int sessions, int connections, int variables) {
            this(sessions, connections, variables, DEFAULT_DESTROYED);
        }
    }

    static String sideOf(SessionView s) {
        return CLIENT.equals(s.side()) || SERVER.equals(s.side()) ? s.side() : OTHER;
    }

    static String sideOf(ConnectionView c) {
        return CLIENT.equals(c.side()) || SERVER.equals(c.side()) ? c.side() : OTHER;
    }

    /** Contexts have a role, never "no side"; anything but a server context is drawn with the clients. */
    static String sideOf(ContextView c) {
        return SERVER.equals(c.role()) ? SERVER : CLIENT;
    }

    static String sideOf(VariableView v, LabState state) {
        SessionView s = v.session() == null ? null : state.sessions().get(v.session());
        return s == null ? OTHER : sideOf(s);
    }

    static MapPlan of(String side, LabState state, Limits limits) {
        return of(side, state, limits, Touched.NONE);
    }

    static MapPlan of(String side, LabState state, Limits limits, Touched touched) {
        List<ContextView> contexts = new ArrayList<>();
        for (ContextView c : state.contexts().values()) if (side.equals(sideOf(c))) contexts.add(c);

        // touched SSLs, then live ones newest first (the latest statements act on them), then the newest freed;
        // drawn back in creation order
        List<ConnectionView> all = new ArrayList<>();
        for (ConnectionView c : state.connections().values()) if (side.equals(sideOf(c))) all.add(c);
        List<ConnectionView> ranked = new ArrayList<>();
        int freedShown = 0;
        for (int pass = 0; pass < 3; pass++) {
            for (int i = all.size() - 1; i >= 0; i--) {
                ConnectionView c = all.get(i);
                int rank = touched.connections().contains(c.name()) ? 0 : !c.freed() ? 1 : 2;
                if (rank != pass) continue;
                // a freed SSL nobody mentions says little: only the latest few stay, the rest are "+N more"
                if (rank == 2 && freedShown++ >= FREED_SHOWN) continue;
                ranked.add(c);
            }
        }
        List<ConnectionView> connections = firstInOriginalOrder(ranked, all, Math.min(limits.connections(), ranked.size()));

        // the names the statement touched, then the newest: the ones the statements around the cursor just made
        List<VariableView> allVars = new ArrayList<>();
        for (VariableView v : state.variables().values()) if (side.equals(sideOf(v, state))) allVars.add(v);
        List<VariableView> rankedVars = new ArrayList<>();
        for (VariableView v : allVars.reversed()) if (touched.variables().contains(v.name())) rankedVars.add(v);
        for (VariableView v : allVars.reversed()) if (!touched.variables().contains(v.name())) rankedVars.add(v);
        List<VariableView> variables = firstInOriginalOrder(rankedVars, allVars, limits.variables());

        // a session something points at is drawn before any other, or its arrow would end at "+N more"
        Set<Integer> named = new HashSet<>(), pointed = new HashSet<>();
        for (VariableView v : variables) if (v.session() != null) named.add(v.session());
        for (ConnectionView c : connections) if (!c.freed() && c.session() != null) pointed.add(c.session());
        List<SessionView> live = new ArrayList<>(), dead = new ArrayList<>();
        for (SessionView s : state.sessions().values()) {
            if (side.equals(sideOf(s))) (s.alive() ? live : dead).add(s);
        }
        // picked in one pass, not sorted: a run keeps a thousand sessions alive and this runs at every step;
        // a column crowded with contexts and SSL objects keeps fewer session nodes, the rest are "+N more"
        boolean crowded = contexts.size() > 2 || connections.size() > SideColumn.CROWDED;
        int sessionLimit = crowded ? Math.min(limits.sessions(), CROWDED_SESSIONS) : limits.sessions();
        List<SessionView> sessions = pick(live, sessionLimit, touched.sessions(), named, pointed,
                Comparator.comparingInt(SessionView::number));
        List<SessionView> destroyed = pick(dead, limits.destroyed(), touched.sessions(), named, pointed,
                Comparator.comparingLong(SessionView::destroyedAt).thenComparingInt(SessionView::number));

        return new MapPlan(side, List.copyOf(contexts), connections, all.size() - connections.size(), sessions,
                live.size() - sessions.size(), destroyed, dead.size() - destroyed.size(), variables, allVars.size() - variables.size());
    }

    /**
     * The first {@code limit} of {@code all} by rank (touched, named, pointed at, then the latest by {@code recent}),
     * in their original order.
     */
    private static List<SessionView> pick(List<SessionView> all, int limit, Set<Integer> touched, Set<Integer> named,
                                          Set<Integer> pointed, Comparator<SessionView> recent) {
        if (all.size() <= limit) return List.copyOf(all);
        Set<SessionView> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Set<Integer> bucket : List.of(touched, named, pointed)) {
            for (SessionView s : all) {
                if (keep.size() >= limit) break;
                if (bucket.contains(s.number())) keep.add(s);
            }
        }
        if (keep.size() < limit) {
            // the latest of the rest: a heap of the best {@code limit} seen so far, its worst on top
            java.util.PriorityQueue<SessionView> best = new java.util.PriorityQueue<>(recent);
            int room = limit - keep.size();
            for (SessionView s : all) {
                if (keep.contains(s)) continue;
                best.add(s);
                if (best.size() > room) best.poll();
            }
            keep.addAll(best);
        }
        List<SessionView> out = new ArrayList<>(limit);
        for (SessionView s : all) if (keep.contains(s)) out.add(s);
        return out;
    }

    private static <T> List<T> firstInOriginalOrder(List<T> ranked, List<T> original, int limit) {
        if (original.size() <= limit) return List.copyOf(original);
        Set<T> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(ranked.subList(0, limit));
        List<T> out = new ArrayList<>(limit);
        for (T t : original) if (keep.contains(t)) out.add(t);
        return out;
    }

    boolean isEmpty() {
        return contexts.isEmpty() && connections.isEmpty() && sessions.isEmpty() && destroyed.isEmpty() && variables.isEmpty();
    }
}
