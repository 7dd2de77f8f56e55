package sessionlab.event;

import java.util.List;
import java.util.Map;

/**
 * What a run observed, one fact per record. A stack emits only what its library really did;
 * the app folds these and never reaches into a stack. JSON names are in {@link EventTypes}.
 * Session numbers ({@code session}) are the run's own: #1 is the first SSL_SESSION created.
 */
public sealed interface Event {

    // ---- run and script ----
    record RunStarted(String file, String stack, String stackVersion, boolean refcountsKnown, List<String> caveats) implements Event {}
    record RunFinished(int passed, int failed, int errors, int leaks) implements Event {}
    /** A scenario statement begins. */
    record StatementStarted(int line, String text) implements Event {}
    record Note(int line, String text) implements Event {}
    record ExpectPass(int line, String text, String observed) implements Event {}
    record ExpectFail(int line, String text, String observed) implements Event {}
    /** A statement could not do what it said; the run goes on with the next one. */
    record Error(Integer line, String kind, String message) implements Event {}
    record ClockAdvance(long byMs, long nowMs, List<String> caveats) implements Event {}

    // ---- API calls, as markers on their side ----
    /** An API call on a connection end (or a context); {@code target} is {@code c1}, {@code c1.server} or a context name. */
    record Call(String target, String function, String args) implements Event {}
    record Return(String target, String function, String result) implements Event {}

    // ---- objects ----
    record ContextCreated(String ctx, String role, Map<String, String> settings) implements Event {
        /**
         * The settings key of a stack that cannot see its cache's order (it emits no cache.order):
         * its value says why. Such a cache is its cache.insert/cache.remove events, in no order.
         */
        public static final String ORDER_NOT_VISIBLE = "cache_order";
    }
    record ContextFreed(String ctx) implements Event {}
    record ConnectionCreated(String conn, String side, String ctx, long latencyMs) implements Event {}
    record ConnectionFreed(String conn) implements Event {}
    /** A scenario variable now names a session ({@code owned}: get1/up_ref/kept callback reference) or nothing. */
    record VariableBound(String name, Integer session, boolean owned, String how) implements Event {}
    /** A borrowed (get0) variable whose session was destroyed: using it would touch freed memory. */
    record VariableDangling(String name, int session) implements Event {}

    // ---- the wire ----
    record WireRecord(String conn, String direction, long sentAt, long arrivesAt, int contentType, int length,
                      boolean encrypted, String label, List<Message> messages, String hex) implements Event {}
    /** A handshake message as the library reported it (its message callback), decrypted or not. */
    record HandshakeMessage(String conn, String side, boolean sent, String name, int length) implements Event {}
    record HandshakeDone(String conn, String side, String version, String cipher, boolean resumed) implements Event {}
    record TicketSent(String conn, int index, long lifetimeSeconds, int ticketLength) implements Event {}
    record TicketReceived(String conn, int index, long lifetimeSeconds, int ticketLength) implements Event {}
    /** A key log line was produced; the secret itself stays with the run, not in the log. */
    record KeyLog(String conn, String label) implements Event {}

    // ---- sessions ----
    /** {@code side}: client or server, from the SSL whose call created it; application for SSL_SESSION_new-style calls. */
    record SessionCreated(int session, String side, Integer dupOf, String during) implements Event {}
    /** The session's observable properties after a change. */
    record SessionState(int session, String side, String id, boolean resumable, String version, int ticketLength,
                        long lifetimeHint, long timeoutSeconds, long createdAt) implements Event {}
    record SessionFlag(int session, boolean resumable, String reason) implements Event {}
    /** A holder took (+1) or dropped (-1) a reference; {@code count} is the real count afterwards, null if unknown. */
    record SessionRef(int session, String holder, int delta, Integer count) implements Event {}
    record SessionDestroyed(int session, String during) implements Event {}
    record RefcountMismatch(int session, int real, int attributed, List<String> holders) implements Event {}
    /** A reference the scenario still held at the end of the run; it was freed by the engine. */
    record Leak(String holder, Integer session) implements Event {}
    /**
     * The engine refused a call that would touch freed memory, drop a reference it does not own or
     * corrupt a cache; {@code kind} names the rule (docs/safety.md), {@code session} is null when the
     * call was refused for a connection or a context.
     */
    record Prevented(String kind, String name, Integer session, String detail) implements Event {}

    /**
     * Why {@code connect(..., session=S)} did or did not resume, from the evidence in the log.
     * {@code reason}: resumed, never-resumable, no-ticket-yet, no-tickets-sent, marked-not-resumable,
     * too-old, declined-not-in-cache, declined-expired, declined-unknown-ticket, declined.
     * {@code causeSeq}/{@code causeLine}: the event and scenario line that made it so, when known.
     */
    record ResumeExplained(String conn, String name, Integer session, boolean offered, boolean resumed, String reason,
                           String explanation, Long causeSeq, Integer causeLine) implements Event {}

    // ---- caches ----
    record CacheInsert(String ctx, int session, int size) implements Event {}
    record CacheRemove(String ctx, int session, String reason, int size) implements Event {}
    /** The cache's list from head (latest expiry) to tail (earliest), as the library keeps it. */
    record CacheOrder(String ctx, List<Integer> sessions, boolean fromLibrary) implements Event {}
    record Callback(String ctx, String kind, int session, Integer returned) implements Event {}
    record Stats(String ctx, Map<String, Long> values) implements Event {}

    /** One decoded message inside a record, for display. */
    record Message(String name, Map<String, Object> fields) {}
}
