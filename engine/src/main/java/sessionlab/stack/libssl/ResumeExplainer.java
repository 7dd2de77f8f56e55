package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.time.Instant;
import java.util.Map;
import sessionlab.event.Event;

/**
 * "Why didn't it resume?" for {@code connect(..., session=S)}: one reason, from evidence the run
 * already holds — what S was when it was set, whether the ClientHello offered it, what the server's
 * counters did during the handshake, and the steps that marked or removed sessions.
 */
final class ResumeExplainer {
    /** What S looked like just before the handshake. */
    record Before(String name, TrackedSession session, boolean resumable, long ageSeconds, long lifetimeHint,
                  Map<String, Long> serverStats, String ticketHex) {}

    private final LibsslRun run;

    ResumeExplainer(LibsslRun run) {
        this.run = run;
    }

    Before before(String name, TrackedSession s, LibsslContext server) {
        MemorySegment p = MemorySegment.ofAddress(s.address);
        Libssl lib = run.lib;
        long age = Instant.now().getEpochSecond() - lib.SSL_SESSION_get_time(p);
        return new Before(name, s, lib.SSL_SESSION_is_resumable(p), age, lib.SSL_SESSION_get_ticket_lifetime_hint(p),
                run.caches.stats(server), java.util.HexFormat.of().formatHex(lib.SSL_SESSION_ticket(p)));
    }

    void explain(Connection c, Before b) {
        boolean reused = run.lib.SSL_session_reused(c.client.ssl) == 1;
        boolean offered = c.client.offered;
        TrackedSession s = b.session();
        Event.ResumeExplained e = reused
                ? event(c, b, true, true, "resumed", c.name + " resumed " + label(b) + ": the server accepted it, no full handshake", null, null)
                : !offered ? notOffered(c, b) : declined(c, b);
        run.sink.emit(e);
        if (!reused && s.alive) {
            // a later question about the same session starts from this answer
            s.pendingRemovalReason = null;
        }
    }

    private Event.ResumeExplained notOffered(Connection c, Before b) {
        TrackedSession s = b.session();
        if (!b.resumable()) {
            if (s.flagSeq >= 0) {
                return event(c, b, false, false, "marked-not-resumable", label(b) + " was not offered: it was marked not resumable at line "
                        + s.flagLine + " — " + s.flagReason, s.flagSeq, s.flagLine);
            }
            if ("tls1.3".equals(s.version) && s.ticketLength <= 0) {
                if (s.issuer != null && s.issuer.options.tickets().orElse(2) == 0) {
                    return event(c, b, false, false, "no-tickets-sent", label(b) + " was never resumable: the server context '"
                            + s.issuer.name + "' sends no tickets (tickets=0), so a TLS 1.3 client never gets a resumable session", null, null);
                }
                return event(c, b, false, false, "no-ticket-yet", label(b) + " was never resumable: it is the placeholder from before "
                        + "the tickets were read (TLS 1.3 sessions arrive after the handshake, when the client reads)", null, null);
            }
            return event(c, b, false, false, "never-resumable", label(b) + " was never resumable (no session id and no ticket)", null, null);
        }
        if ("tls1.3".equals(s.version) && s.ticketLength > 0 && b.ageSeconds() - 1 > b.lifetimeHint()) {
            return event(c, b, false, false, "too-old", label(b) + " was not offered: its ticket is " + b.ageSeconds()
                    + " s old, past the lifetime hint of " + b.lifetimeHint() + " s the server gave it", null, null);
        }
        return event(c, b, false, false, "not-offered", label(b) + " was resumable but the client did not offer it "
                + "(e.g. its protocol version is not enabled on this client context)", null, null);
    }

    private Event.ResumeExplained declined(Connection c, Before b) {
        TrackedSession s = b.session();
        Map<String, Long> after = run.caches.stats(c.server.ctx);
        TrackedSession copy = serverCopy(s, b.ticketHex());
        if (grew(b.serverStats(), after, "timeouts")) {
            long timeout = copy != null ? copy.timeout : run.lib.SSL_CTX_get_timeout(c.server.ctx.ptr);
            return event(c, b, true, false, "declined-expired", "the server found " + label(b) + " but it had expired (the server's timeout is "
                    + timeout + " s): full handshake", null, null);
        }
        if (grew(b.serverStats(), after, "misses")) {
            if (copy != null && copy.removedSeq >= 0) {
                return event(c, b, true, false, "declined-not-in-cache", "the server no longer had " + label(b) + ": its copy #"
                        + copy.number + " left the cache of " + copy.removedFrom + " (" + copy.removedReason + ") at line "
                        + copy.removedLine, copy.removedSeq, copy.removedLine);
            }
            return event(c, b, true, false, "declined-not-in-cache", "the server's cache did not have " + label(b), null, null);
        }
        LibsslContext issuer = s.issuer;
        if (issuer != null && (issuer != c.server.ctx || issuer.freed)) {
            String how = issuer.freed ? "was freed at line " + issuer.freedLine + " (a server restart)" : "is not the one this connection uses";
            return event(c, b, true, false, "declined-unknown-ticket", "the ticket of " + label(b) + " was issued by server context '"
                    + issuer.name + "', which " + how + ": its ticket key cannot be decrypted here", issuer.freed ? issuer.freedSeq : null,
                    issuer.freed ? issuer.freedLine : null);
        }
        return event(c, b, true, false, "declined", "the server declined " + label(b) + " (no counter explains why)", null, null);
    }

    /** The server-side session a client session stands for: same id (TLS 1.2), or id = ticket (TLS 1.3 stateful). */
    private TrackedSession serverCopy(TrackedSession client, String ticketHex) {
        TrackedSession found = null;
        for (TrackedSession t : run.ledger.all) {
            if (!"server".equals(t.side) || t.id == null || t.id.isEmpty()) continue;
            if (t.id.equals(client.id) || t.id.equals(ticketHex)) found = t;
        }
        return found;
    }

    private static String label(Before b) {
        return b.name() + " (#" + b.session().number + ")";
    }

    private static boolean grew(Map<String, Long> before, Map<String, Long> after, String stat) {
        return after.getOrDefault(stat, 0L) > before.getOrDefault(stat, 0L);
    }

    private static Event.ResumeExplained event(Connection c, Before b, boolean offered, boolean resumed, String reason, String text,
                                               Long causeSeq, Integer causeLine) {
        return new Event.ResumeExplained(c.name, b.name(), b.session().number, offered, resumed, reason, text, causeSeq, causeLine);
    }
}
