package sessionlab.app.model;

import java.util.List;
import java.util.Map;
import sessionlab.event.LoggedEvent;

/**
 * Everything the window shows at one point of a run: the fold of the event log up to the cursor.
 * Immutable; maps keep the order in which objects appeared.
 *
 * @param cursor index of the last applied event, -1 before the first
 * @param now virtual time in milliseconds at the cursor
 * @param line the scenario line of the statement at the cursor (0 before the first)
 */
public record LabState(
        int cursor,
        long now,
        int line,
        Map<String, ContextView> contexts,
        Map<String, ConnectionView> connections,
        Map<Integer, SessionView> sessions,
        Map<String, VariableView> variables,
        List<WireView> records,
        List<Narration> narration,
        Map<Integer, Boolean> expectations,
        List<String> alerts,
        LoggedEvent last,
        /** The stack that ran (run.started): what its objects can and cannot show differs. */
        String stack,
        /** Every NewSessionTicket the server wrote, in order: on the wire, arrived, or read by the client. */
        List<TicketView> tickets) {

    public static final LabState EMPTY = new LabState(-1, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of(),
            Map.of(), List.of(), null, "libssl", List.of());

    public boolean onLibssl() {
        return "libssl".equals(stack);
    }

    /** A scenario SSL_CTX with its cache head (latest expiry) to tail, or in session order where the stack cannot see the order. */
    public record ContextView(String name, String role, Map<String, String> settings, List<Integer> cache,
                              Map<String, Long> stats, boolean freed, int newCallbacks, int removeCallbacks) {}

    /**
     * One SSL object ({@code c1} or {@code c1.server}). {@code session} is the session its pointer names.
     * {@code handshakeDoneAt} and {@code ticketsReadAt} bound the "no resumable session yet" gap (-1 if not yet).
     */
    public record ConnectionView(String name, String connection, String side, String ctx, boolean freed,
                                 boolean handshakeDone, String version, boolean resumed, int ticketsReceived,
                                 Integer session, long handshakeDoneAt, long ticketsReadAt, Resume resume) {}

    /**
     * The answer to "why didn't it resume?" for a connect with session=S (null otherwise).
     * {@code causeSeq} is the event that made it so, {@code causeLine} its scenario line, when known.
     */
    public record Resume(String name, boolean offered, boolean resumed, String reason, String explanation, Long causeSeq,
                         Integer causeLine) {}

    /**
     * An SSL_SESSION. {@code refcount} is libssl's real count (null if unknown); {@code holders} name who
     * holds the references and add up to it. {@code changedAt} is the seq of its last count change (for the pulse).
     */
    public record SessionView(int number, String side, String id, boolean resumable, String version, int ticketLength,
                              long lifetimeHint, long timeoutSeconds, long createdAt, Integer refcount,
                              Map<String, Integer> holders, boolean alive, long destroyedAt, String cache, Integer dupOf,
                              String reason, long changedAt) {
        public String shortId() {
            return id == null || id.isEmpty() ? "(no id)" : id.substring(0, Math.min(8, id.length()));
        }

        /** Age in seconds at virtual time {@code now}. */
        public long ageSeconds(long now) {
            return Math.max(0, (now - createdAt) / 1000);
        }
    }

    /** A scenario name: an owned (solid) or borrowed (dashed) pointer; dangling when its session died. */
    public record VariableView(String name, Integer session, boolean owned, boolean dangling) {}

    public record WireView(long seq, String conn, String direction, long sentAt, long arrivesAt, String label,
                           boolean encrypted, int length, String hex) {
        public boolean clientToServer() {
            return "c>s".equals(direction);
        }
    }

    /**
     * One NewSessionTicket: written by the server of {@code conn} (the connection's base name) at {@code sentAt}, carried
     * by the record logged at {@code recordSeq} (-1 until that record is on the wire), arriving at {@code arrivesAt}, and
     * processed by the client's {@code SSL_read} at {@code readAt} (-1 while not read).
     */
    public record TicketView(String conn, int index, long sentAt, long recordSeq, long arrivesAt, long readAt) {
        /** Unique in a run: a name may be reused by a later connection, a time is not. */
        public String key() {
            return conn + "#" + index + "@" + sentAt;
        }

        /** On the client's side of the wire and not taken yet: what a student must see waiting. */
        public boolean waiting(long now) {
            return recordSeq >= 0 && readAt < 0 && arrivesAt <= now;
        }

        public boolean inFlight(long now) {
            return recordSeq >= 0 && readAt < 0 && arrivesAt > now;
        }
    }

    /** A line of narration: a scenario note, or the app's plain explanation of an event. */
    public record Narration(long seq, boolean note, String text) {}
}
