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

/**
 * Which objects one column draws, chosen from a LabState. Pure, so the capping rules are cheap to
 * reason about: a run with a thousand sessions must not build a thousand nodes on every cursor move.
 */
record MapPlan(String side, List<ContextView> contexts, List<ConnectionView> connections, int hiddenConnections,
               List<SessionView> sessions, int hiddenSessions, List<VariableView> variables, int hiddenVariables) {

    static final String CLIENT = "client";
    static final String SERVER = "server";
    /** Sessions the engine could not attribute to a side (e.g. ones freed at birth), and the names pointing at them. */
    static final String OTHER = "other";

    record Limits(int sessions, int connections, int variables) {}

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
        List<ContextView> contexts = new ArrayList<>();
        for (ContextView c : state.contexts().values()) if (side.equals(sideOf(c))) contexts.add(c);

        // live SSLs first, newest first (the latest statements act on them), then the newest freed ones;
        // drawn back in creation order
        List<ConnectionView> all = new ArrayList<>();
        for (ConnectionView c : state.connections().values()) if (side.equals(sideOf(c))) all.add(c);
        List<ConnectionView> ranked = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) if (!all.get(i).freed()) ranked.add(all.get(i));
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).freed()) ranked.add(all.get(i));
        List<ConnectionView> connections = firstInOriginalOrder(ranked, all, limits.connections());

        // the newest names: the ones the statements around the cursor just made
        List<VariableView> allVars = new ArrayList<>();
        for (VariableView v : state.variables().values()) if (side.equals(sideOf(v, state))) allVars.add(v);
        List<VariableView> variables = allVars.subList(Math.max(0, allVars.size() - limits.variables()), allVars.size());

        // a session something points at is drawn before any other, or its arrow would end at "+N more":
        // names first (the scenario is about them), then the pointers of the SSLs drawn
        Set<Integer> named = new HashSet<>(), pointed = new HashSet<>();
        for (VariableView v : variables) if (v.session() != null) named.add(v.session());
        for (ConnectionView c : connections) if (!c.freed() && c.session() != null) pointed.add(c.session());
        List<SessionView> allSessions = new ArrayList<>();
        for (SessionView s : state.sessions().values()) if (side.equals(sideOf(s))) allSessions.add(s);
        List<SessionView> rankedSessions = new ArrayList<>(allSessions);
        rankedSessions.sort(Comparator.<SessionView>comparingInt(s -> named.contains(s.number()) ? 0
                        : pointed.contains(s.number()) ? 1 : s.alive() ? 2 : 3)
                .thenComparing(s -> !s.alive())
                .thenComparing(Comparator.comparingLong(SessionView::destroyedAt).reversed())
                .thenComparing(Comparator.comparingInt(SessionView::number).reversed()));
        List<SessionView> sessions = firstInOriginalOrder(rankedSessions, allSessions, limits.sessions());

        return new MapPlan(side, List.copyOf(contexts), connections, all.size() - connections.size(), sessions,
                allSessions.size() - sessions.size(), List.copyOf(variables), allVars.size() - variables.size());
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
        return contexts.isEmpty() && connections.isEmpty() && sessions.isEmpty() && variables.isEmpty();
    }
}
