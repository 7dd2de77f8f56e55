package sessionlab.app.view.wire;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.ConnectionView;
import sessionlab.app.model.LabState.WireView;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;

/**
 * What the lane draws at one cursor, without any FX: the records in the window, the API calls,
 * the "no resumable session yet" gaps, and every time the axis must place. Built once per show().
 */
final class WireModel {
    /** An API call (and its return, if it returned yet) on one side. */
    record CallMark(long seq, String target, String function, String args, boolean server, long calledAt, long returnedAt, String result,
                    long returnSeq) {
        boolean returned() {
            return returnSeq >= 0;
        }
    }

    final List<WireView> records;
    final int totalRecords;
    final List<CallMark> calls;
    final List<WireLaneView.Gap> gaps;
    /** Connection (base name, e.g. c1) → colour index, in order of first appearance in the run. */
    final Map<String, Integer> colours;
    final long now;
    final long currentSeq;
    final long windowStart;
    final List<Long> moments = new ArrayList<>();

    WireModel(History history, LabState state, int maxRecords, int maxCalls) {
        this(new WireIndex(history), state, maxRecords, maxCalls);
    }

    WireModel(WireIndex index, LabState state, int maxRecords, int maxCalls) {
        History history = index.history;
        now = state.now();
        currentSeq = state.last() == null ? -1 : state.last().seq();
        List<WireView> all = state.records();
        totalRecords = all.size();
        if (all.size() > maxRecords) {
            List<WireView> byTime = new ArrayList<>(all);
            byTime.sort(Comparator.comparingLong(WireView::sentAt).thenComparingLong(WireView::seq));
            records = List.copyOf(byTime.subList(byTime.size() - maxRecords, byTime.size()));
            windowStart = records.get(0).sentAt();
        } else {
            records = all;
            windowStart = Long.MIN_VALUE;
        }
        colours = colours(state);
        calls = calls(index, state, windowStart, maxCalls);
        gaps = gaps(index, state, windowStart);
        for (WireView r : records) {
            moments.add(r.sentAt());
            moments.add(r.arrivesAt());
        }
        for (CallMark c : calls) {
            moments.add(Math.max(windowStart, c.calledAt()));
            if (c.returned()) moments.add(c.returnedAt());
        }
        for (WireLaneView.Gap g : gaps) {
            moments.add(g.fromMs());
            moments.add(g.toMs());
        }
        if (state.cursor() >= 0) moments.add(now);
    }

    boolean windowed() {
        return records.size() < totalRecords;
    }

    int colourOf(String conn) {
        return colours.getOrDefault(base(conn), 0);
    }

    static String base(String conn) {
        return conn.endsWith(".server") ? conn.substring(0, conn.length() - ".server".length()) : conn;
    }

    private static Map<String, Integer> colours(LabState state) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (ConnectionView c : state.connections().values()) m.putIfAbsent(c.connection(), m.size());
        for (WireView r : state.records()) m.putIfAbsent(base(r.conn()), m.size());
        return m;
    }

    /** Whether a call's target sits on the server line: c1.server, a server context, a server session's name. */
    static boolean onServer(String target, LabState state) {
        if (target.endsWith(".server")) return true;
        ConnectionView c = state.connections().get(target);
        if (c != null) return "server".equals(c.side());
        LabState.ContextView ctx = state.contexts().get(target);
        if (ctx != null) return "server".equals(ctx.role());
        LabState.VariableView v = state.variables().get(target);
        if (v != null && v.session() != null) {
            LabState.SessionView s = state.sessions().get(v.session());
            return s != null && "server".equals(s.side());
        }
        return false;
    }

    private static List<CallMark> calls(WireIndex index, LabState state, long windowStart, int maxCalls) {
        History history = index.history;
        List<CallMark> marks = new ArrayList<>();
        Map<String, ArrayDeque<Integer>> open = new HashMap<>();
        int last = Math.min(state.cursor(), history.size() - 1);
        int n = WireIndex.upTo(index.calls, last);
        // a windowed lane draws only calls inside its window: start at the first one made there
        int from = windowStart == Long.MIN_VALUE ? 0 : index.firstCallAtOrAfter(windowStart);
        for (int j = from; j < n; j++) {
            LoggedEvent le = history.events().get(index.calls[j]);
            if (le.event() instanceof Event.Call c) {
                open.computeIfAbsent(c.target() + " " + c.function(), k -> new ArrayDeque<>()).push(marks.size());
                marks.add(new CallMark(le.seq(), c.target(), c.function(), c.args(), onServer(c.target(), state), le.at(), -1, null, -1));
            } else if (le.event() instanceof Event.Return r) {
                ArrayDeque<Integer> q = open.get(r.target() + " " + r.function());
                if (q != null && !q.isEmpty()) {
                    int k = q.pop();
                    CallMark c = marks.get(k);
                    marks.set(k, new CallMark(c.seq(), c.target(), c.function(), c.args(), c.server(), c.calledAt(), le.at(), r.result(), le.seq()));
                } else {
                    marks.add(new CallMark(le.seq(), r.target(), r.function(), "", onServer(r.target(), state), le.at(), le.at(), r.result(), le.seq()));
                }
            }
        }
        List<CallMark> shown = new ArrayList<>();
        for (CallMark c : marks) if (c.calledAt() >= windowStart || (c.returned() && c.returnedAt() >= windowStart)) shown.add(c);
        return shown.size() > maxCalls ? List.copyOf(shown.subList(shown.size() - maxCalls, shown.size())) : shown;
    }

    /**
     * A TLS 1.3 client end that finished its handshake but has not read a ticket: its session cannot be
     * resumed. The gap runs to the first ticket read, or to the connection's free, or to now.
     */
    private static List<WireLaneView.Gap> gaps(WireIndex index, LabState state, long windowStart) {
        History history = index.history;
        Map<String, Long> freedAt = new HashMap<>();
        int last = Math.min(state.cursor(), history.size() - 1);
        int n = WireIndex.upTo(index.frees, last);
        for (int k = 0; k < n; k++) {
            LoggedEvent le = history.events().get(index.frees[k]);
            if (le.event() instanceof Event.ConnectionFreed f) freedAt.putIfAbsent(f.conn(), le.at());
        }
        List<WireLaneView.Gap> gaps = new ArrayList<>();
        for (ConnectionView c : state.connections().values()) {
            if (!"client".equals(c.side()) || !c.handshakeDone() || c.handshakeDoneAt() < 0 || !"tls1.3".equals(c.version())) continue;
            boolean open = c.ticketsReadAt() < 0;
            long to = !open ? c.ticketsReadAt() : freedAt.getOrDefault(c.name(), state.now());
            if (to < windowStart) continue;
            gaps.add(new WireLaneView.Gap(c.name(), Math.max(windowStart, c.handshakeDoneAt()), to, open));
        }
        return gaps;
    }
}
