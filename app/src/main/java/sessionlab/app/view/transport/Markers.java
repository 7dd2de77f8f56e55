package sessionlab.app.view.transport;

import java.util.ArrayList;
import java.util.List;
import sessionlab.app.model.History;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;

/** The points of a run worth jumping to, each at the event index the scrubber seeks to. */
final class Markers {
    /** What a marker marks; {@code styleClass} goes on its node next to {@code marker}. */
    enum Kind {
        STATEMENT("statement"), TICKET("ticket"), EVICTION("eviction"), PASS("pass"), FAIL("fail"), ERROR("error");

        final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }
    }

    /**
     * @param index the cursor a click seeks to (for a statement: its last event, where statement stepping lands)
     * @param extraClass a second style class ({@code sent}/{@code received} for tickets), or null
     */
    record Marker(int index, Kind kind, String extraClass, String text) {}

    private Markers() {}

    static List<Marker> of(History history) {
        List<Marker> markers = new ArrayList<>();
        List<LoggedEvent> events = history.events();
        int[] starts = history.statementStarts();
        for (int k = 0; k < starts.length; k++) {
            int end = history.statementEnd(k);
            Event.StatementStarted s = (Event.StatementStarted) events.get(starts[k]).event();
            markers.add(new Marker(end, Kind.STATEMENT, null, "line " + s.line() + ": " + s.text()));
        }
        for (int i = 0; i < events.size(); i++) {
            Marker m = switch (events.get(i).event()) {
                case Event.TicketSent t -> new Marker(i, Kind.TICKET, "sent", "the server wrote ticket #" + t.index() + " on " + t.conn());
                case Event.TicketReceived t -> new Marker(i, Kind.TICKET, "received", t.conn() + " read ticket #" + t.index());
                case Event.CacheRemove r when "evicted".equals(r.reason()) ->
                        new Marker(i, Kind.EVICTION, null, "session #" + r.session() + " evicted from the cache of " + r.ctx());
                case Event.ExpectPass p -> new Marker(i, Kind.PASS, null, "line " + p.line() + " passed: " + p.text());
                case Event.ExpectFail f -> new Marker(i, Kind.FAIL, null, "line " + f.line() + " failed: " + f.text() + " [" + f.observed() + "]");
                case Event.Error e -> new Marker(i, Kind.ERROR, null, (e.line() == null ? "" : "line " + e.line() + ": ") + e.message());
                default -> null;
            };
            if (m != null) markers.add(m);
        }
        return markers;
    }
}
