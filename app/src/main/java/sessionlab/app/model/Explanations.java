package sessionlab.app.model;

import sessionlab.event.Event;

/**
 * A plain explanation for the events a student should stop at, in terms of the stack that ran
 * (libssl, jsse or bc do different things for the same event). Returns null for the rest (wire
 * records, counters, key log lines speak for themselves in their own panes).
 */
public final class Explanations {
    private Explanations() {}

    public static String explain(Event e, String stack) {
        boolean libssl = "libssl".equals(stack);
        return switch (e) {
            case Event.HandshakeDone h when "client".equals(h.side()) && "tls1.3".equals(h.version()) && !h.resumed() && "bc".equals(stack) ->
                    "SSL_connect returned on " + h.conn() + ": the TLS 1.3 handshake is done. Bouncy Castle 1.84 sends and keeps no "
                            + "TLS 1.3 tickets, so this session will never be resumed.";
            case Event.HandshakeDone h when "client".equals(h.side()) && "tls1.3".equals(h.version()) && !h.resumed() ->
                    "SSL_connect returned on " + h.conn() + ": the TLS 1.3 handshake is done, but the server's tickets are still on the "
                            + "wire. Until the client reads them, its session cannot be resumed.";
            case Event.HandshakeDone h when h.resumed() -> h.conn() + " (" + h.side() + ") resumed a session: no certificate and no "
                    + "signature, the keys come from the earlier session.";
            case Event.TicketSent t -> "The server wrote NewSessionTicket #" + t.index() + " inside SSL_accept. It waits on the wire "
                    + "until the client reads.";
            case Event.TicketReceived t when libssl -> "The client of " + t.conn() + " processed ticket #" + t.index() + " while reading. "
                    + "libssl copies its current session, puts the ticket in the copy and drops its reference to the old one.";
            case Event.TicketReceived t when "jsse".equals(stack) -> "The client of " + t.conn() + " processed ticket #" + t.index()
                    + " while reading. JSSE stores each ticket as a new session in the client context's cache, for the server's host "
                    + "and port; the connection's own session does not change.";
            case Event.TicketReceived t -> "The client of " + t.conn() + " processed ticket #" + t.index() + " while reading.";
            case Event.SessionDestroyed d when libssl -> "Session #" + d.session() + " was freed during " + d.during()
                    + ": its last reference went away. Any get0 pointer to it now dangles.";
            case Event.SessionDestroyed d -> "Session #" + d.session() + " has no holder left in the lab: it is garbage, and the JVM "
                    + "reclaims it when it likes. Nothing dangles in Java.";
            case Event.SessionCreated c when c.dupOf() != null -> "Session #" + c.session() + " is a copy of #" + c.dupOf()
                    + " (ssl_session_dup): libssl never changes a session that others may hold.";
            case Event.SessionFlag f when !f.resumable() -> "Session #" + f.session() + " can no longer be resumed: " + f.reason() + ".";
            case Event.SessionFlag f -> "Session #" + f.session() + " can now be resumed: " + f.reason() + ".";
            case Event.CacheRemove r -> removal(r, stack);
            case Event.CacheInsert i -> "Session #" + i.session() + " entered the cache of " + i.ctx() + " (now " + i.size() + ").";
            case Event.VariableDangling d -> d.name() + " still points at session #" + d.session()
                    + ", which no longer exists. Using it would read freed memory; the lab will refuse.";
            case Event.Callback c when "new".equals(c.kind()) -> "The new-session callback of " + c.ctx() + " received session #"
                    + c.session() + (Integer.valueOf(1).equals(c.returned()) ? " and kept a reference (returned 1)." : " and returned 0.");
            case Event.ResumeExplained r when r.resumed() -> "Why it resumed: " + r.explanation() + ".";
            case Event.ResumeExplained r -> "Why " + r.conn() + " did not resume: " + r.explanation()
                    + (r.causeLine() == null ? "." : " (the step: line " + r.causeLine() + ").");
            case Event.Prevented p -> "Prevented " + p.kind() + ": " + p.detail() + ".";
            case Event.RefcountMismatch m -> "Session #" + m.session() + ": libssl counts " + m.real()
                    + " references but the holders shown add up to " + m.attributed() + ".";
            default -> null;
        };
    }

    private static String removal(Event.CacheRemove r, String stack) {
        return switch (r.reason()) {
            case "evicted" -> "The cache of " + r.ctx() + " was full: " + switch (stack) {
                case "jsse" -> "JSSE evicted session #" + r.session() + ", the least recently used.";
                case "bc" -> "the lab's cache (Bouncy Castle has none of its own) evicted session #" + r.session()
                        + ", the one that expires first.";
                default -> "libssl evicted session #" + r.session() + ", the one that expires first (not the least recently used).";
            };
            case "unclean" -> "Session #" + r.session() + " left the cache of " + r.ctx() + ("jsse".equals(stack)
                    ? ": JSSE invalidated it (a fatal alert on its connection invalidates the session)."
                    : ": its connection was freed without SSL_shutdown, so libssl treats the session as bad.");
            case "single-use" -> "Session #" + r.session() + " was spent: a resumed TLS 1.3 ticket is removed from the cache of "
                    + r.ctx() + " so it is never used twice.";
            case "timeout" -> "Session #" + r.session() + " had expired and left the cache of " + r.ctx() + ".";
            case "flush" -> "Session #" + r.session() + " was flushed from the cache of " + r.ctx() + ".";
            default -> "Session #" + r.session() + " left the cache of " + r.ctx() + " (" + r.reason() + ").";
        };
    }
}
