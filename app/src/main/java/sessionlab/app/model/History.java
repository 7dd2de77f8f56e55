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

    /** The last event of the statement that starts at statement index k. */
    private int endOf(int k) {
        return k + 1 < statementStarts.length ? statementStarts[k + 1] - 1 : events.size() - 1;
    }

    /** Forward by statement: the end of the next statement that starts after {@code cursor}. */
    public int nextStatementEnd(int cursor) {
        for (int k = 0; k < statementStarts.length; k++) if (statementStarts[k] > cursor) return endOf(k);
        return events.size() - 1;
    }

    /** Back by statement: the latest statement end before {@code cursor} (or the very start). */
    public int previousStatementEnd(int cursor) {
        int result = -1;
        for (int k = 0; k < statementStarts.length; k++) if (endOf(k) < cursor) result = endOf(k);
        return result;
    }
}
