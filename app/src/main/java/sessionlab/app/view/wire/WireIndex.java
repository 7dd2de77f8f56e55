package sessionlab.app.view.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sessionlab.app.model.History;
import sessionlab.event.Event;

/**
 * The indices of the events the lane reads besides the state (calls, returns, SSL frees), found once per run so
 * that a redraw at cursor N visits those events only, not all N.
 */
final class WireIndex {
    final History history;
    /** Event indices of Call and Return events, ascending. */
    final int[] calls;
    /** Event indices of ConnectionFreed events, ascending. */
    final int[] frees;

    WireIndex(History history) {
        this.history = history;
        List<Integer> c = new ArrayList<>(), f = new ArrayList<>();
        var events = history.events();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i).event();
            if (e instanceof Event.Call || e instanceof Event.Return) c.add(i);
            else if (e instanceof Event.ConnectionFreed) f.add(i);
        }
        calls = c.stream().mapToInt(Integer::intValue).toArray();
        frees = f.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The position in {@link #calls} of the first call or return at virtual time {@code at} or later (events are in time order). */
    int firstCallAtOrAfter(long at) {
        int lo = 0, hi = calls.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (history.events().get(calls[mid]).at() < at) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** How many of {@code indices} are at or before {@code cursor}. */
    static int upTo(int[] indices, int cursor) {
        int i = Arrays.binarySearch(indices, cursor);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
