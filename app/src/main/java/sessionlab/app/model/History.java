package sessionlab.app.model;

import java.util.ArrayList;
import java.util.List;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;

/**
 * A whole run's log with snapshots every {@link #INTERVAL} events, so that the state at any cursor is
 * a copy of the nearest earlier snapshot plus at most INTERVAL events. Rewind is re-folding, never undoing.
 */
public final class History {
    public static final int INTERVAL = 512;
    private final List<LoggedEvent> events;
    private final List<LabFold> snapshots = new ArrayList<>();
    private final int[] statementStarts;
    /** The first event of the end-of-run clean-up (leaks reported and freed, run.finished), or -1. */
    private final int cleanupStart;

    public History(List<LoggedEvent> events) {
        this.events = List.copyOf(events);
        LabFold fold = new LabFold();
        snapshots.add(fold.copy());
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < this.events.size(); i++) {
            LoggedEvent e = this.events.get(i);
            if (e.event() instanceof Event.StatementStarted) starts.add(i);
            fold.apply(e);
            if ((i + 1) % INTERVAL == 0) snapshots.add(fold.copy());
        }
        statementStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        int cleanup = -1;
        int from = statementStarts.length == 0 ? 0 : statementStarts[statementStarts.length - 1] + 1;
        for (int i = from; i < this.events.size(); i++) {
            Event e = this.events.get(i).event();
            if (e instanceof Event.Leak || e instanceof Event.RunFinished) {
                cleanup = i;
                break;
            }
        }
        cleanupStart = cleanup;
    }

    /**
     * Where the engine's end-of-run clean-up starts (-1 if the log has none): statement stepping stops before it, so
     * the last statement is seen on its own, then once more at the very end, after what the engine freed.
     */
    public int cleanupStart() {
        return cleanupStart;
    }

    /** The statement (index into {@link #statementStarts()}) that event {@code cursor} belongs to, -1 before the first. */
    public int statementAt(int cursor) {
        int lo = 0, hi = statementStarts.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (statementStarts[mid] <= cursor) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Whether {@code cursor} is inside the end-of-run clean-up. */
    public boolean inCleanup(int cursor) {
        return cleanupStart >= 0 && cursor >= cleanupStart;
    }

    public int size() {
        return events.size();
    }

    public List<LoggedEvent> events() {
        return events;
    }

    /** The state after applying events 0..cursor (cursor -1: before the first). */
    public LabState stateAt(int cursor) {
        int c = Math.max(-1, Math.min(cursor, events.size() - 1));
        int snap = (c + 1) / INTERVAL;
        LabFold fold = snapshots.get(snap).copy();
        for (int i = snap * INTERVAL; i <= c; i++) fold.apply(events.get(i));
        return fold.state();
    }

    /** Event indices where statements start, in order. */
    public int[] statementStarts() {
        return statementStarts.clone();
    }

    /** The last event of statement k (the last statement ends where the clean-up begins). */
    public int statementEnd(int k) {
        if (k + 1 < statementStarts.length) return statementStarts[k + 1] - 1;
        return cleanupStart > statementStarts[k] ? cleanupStart - 1 : events.size() - 1;
    }

    /** Forward by statement: the end of the next statement that starts after {@code cursor}, then the end of the run. */
    public int nextStatementEnd(int cursor) {
        int k = statementAt(cursor);
        if (k + 1 < statementStarts.length) return statementEnd(k + 1);
        if (k >= 0 && cursor < statementEnd(k)) return statementEnd(k);
        return events.size() - 1;
    }

    /** Back by statement: the latest statement end before {@code cursor} (or the very start). */
    public int previousStatementEnd(int cursor) {
        int result = -1;
        for (int k = 0; k < statementStarts.length; k++) if (statementEnd(k) < cursor) result = statementEnd(k);
        return result;
    }
}
