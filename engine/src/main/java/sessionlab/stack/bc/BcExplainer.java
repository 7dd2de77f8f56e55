package sessionlab.stack.bc;

import java.util.Arrays;
import java.util.Map;
import sessionlab.event.Event;

/**
 * "Why didn't it resume?" for {@code connect(..., session=S)} on bctls, from evidence the run holds:
 * what S was before the handshake, whether the ClientHello carried its id, what the lab's server
 * cache counted during the handshake, and the steps that removed or invalidated sessions.
 */
final class BcExplainer {
    record Before(String name, BcSession session, boolean resumable, Map<String, Long> serverStats) {}

    private final BcRun run;

    BcExplainer(BcRun run) {
        this.run = run;
    }

    Before before(String name, BcSession s, BcContext server) {
        return new Before(name, s, s.tls.isResumable(), server.stats());
    }

    void explain(BcConnection c, Before b) {
        Event.ResumeExplained e;
        if (c.client.resumed()) {
            e = event(c, b, true, true, "resumed", c.name + " resumed " + label(b) + ": the ServerHello echoed its session id "
                    + BcEndpoint.shortHex(c.client.serverHelloSessionId) + " and bctls reports a resumed session", null, null);
        } else if (!c.client.offeredOnWire()) {
            e = notOffered(c, b);
        } else {
            e = declined(c, b);
        }
        run.sink.emit(e);
    }

    private Event.ResumeExplained notOffered(BcConnection c, Before b) {
        BcSession s = b.session();
        if ("tls1.3".equals(s.version)) {
            return event(c, b, false, false, "no-tickets-sent", label(b) + " came from a TLS 1.3 handshake and cannot be resumed: "
                    + "TLS 1.3 resumption needs a ticket, and Bouncy Castle 1.84 has none (its server sends no NewSessionTicket, "
                    + "its client keeps none); not supported by Bouncy Castle 1.84, so bctls did not offer it", null, null);
        }
        if (!b.resumable()) {
            if (s.flagSeq >= 0) {
                return event(c, b, false, false, "marked-not-resumable", label(b) + " was not offered: it was made not resumable at line "
                        + s.flagLine + " — " + s.flagReason, s.flagSeq, s.flagLine);
            }
            if (s.sessionId().length == 0) {
                return event(c, b, false, false, "never-resumable", label(b) + " was never resumable: the server gave it no session id "
                        + "(its context caches no server sessions)", null, null);
            }
            return event(c, b, false, false, "marked-not-resumable", label(b) + " was not offered: bctls reports it not resumable", null, null);
        }
        if (!c.client.bcWillOffer) {
            return event(c, b, false, false, "not-offered", label(b) + " was resumable but bctls did not offer it "
                    + "(e.g. its protocol version is not enabled on this client context)", null, null);
        }
        return event(c, b, false, false, "not-offered", label(b) + " was handed to bctls but its id was not in the ClientHello", null, null);
    }

    private Event.ResumeExplained declined(BcConnection c, Before b) {
        BcSession s = b.session();
        BcContext server = c.server.ctx;
        Map<String, Long> after = server.stats();
        BcSession copy = serverCopy(s);
        if (grew(b.serverStats(), after, "timeouts")) {
            return event(c, b, true, false, "declined-expired", "the lab's cache of " + server.name + " found " + label(b)
                    + " but it had expired (timeout " + server.timeoutMs() / 1000 + " s on the virtual clock): full handshake",
                    copy != null && copy.removedSeq >= 0 ? Long.valueOf(copy.removedSeq) : null,
                    copy != null && copy.removedSeq >= 0 ? Integer.valueOf(copy.removedLine) : null);
        }
        if (grew(b.serverStats(), after, "misses")) {
            if (copy != null && copy.removedSeq >= 0) {
                return event(c, b, true, false, "declined-not-in-cache", "the server no longer had " + label(b) + ": its copy "
                        + copy.label() + " left the lab's cache of " + copy.removedFrom + " (" + copy.removedReason + ") at line "
                        + copy.removedLine, copy.removedSeq, copy.removedLine);
            }
            if (s.issuer != null && s.issuer != server) {
                String how = s.issuer.freed ? "was freed at line " + s.issuer.freedLine + " (a server restart)" : "is not the one this connection uses";
                return event(c, b, true, false, "declined-not-in-cache", label(b) + " was issued by server context '" + s.issuer.name
                        + "', which " + how + ": the cache of '" + server.name + "' never had it",
                        s.issuer.freed ? Long.valueOf(s.issuer.freedSeq) : null, s.issuer.freed ? Integer.valueOf(s.issuer.freedLine) : null);
            }
            return event(c, b, true, false, "declined-not-in-cache", "the lab's cache of " + server.name + " did not have " + label(b), null, null);
        }
        if (grew(b.serverStats(), after, "hits") && copy != null && !copy.tls.isResumable()) {
            // the lab's cache handed it back, but bctls itself refuses a session that was invalidated
            String why = copy.flagSeq >= 0 ? " at line " + copy.flagLine + " — " + copy.flagReason : "";
            return event(c, b, true, false, "declined", "the lab's cache of " + server.name + " still had " + copy.label()
                    + ", but bctls refused to resume it: it was invalidated" + why,
                    copy.flagSeq >= 0 ? Long.valueOf(copy.flagSeq) : null, copy.flagSeq >= 0 ? Integer.valueOf(copy.flagLine) : null);
        }
        return event(c, b, true, false, "declined", "the server declined " + label(b) + " (bctls would not resume it; no counter explains why)", null, null);
    }

    /** The server-side session a client session stands for: the same TLS 1.2 session id. */
    private BcSession serverCopy(BcSession client) {
        byte[] id = client.sessionId();
        if (id.length == 0) return null;
        BcSession found = null;
        for (BcSession t : run.sessions.all) {
            if ("server".equals(t.side) && Arrays.equals(t.sessionId(), id)) found = t;
        }
        return found;
    }

    private static String label(Before b) {
        return b.name() + " (" + b.session().label() + ")";
    }

    private static boolean grew(Map<String, Long> before, Map<String, Long> after, String stat) {
        return after.getOrDefault(stat, 0L) > before.getOrDefault(stat, 0L);
    }

    private static Event.ResumeExplained event(BcConnection c, Before b, boolean offered, boolean resumed, String reason, String text,
                                               Long causeSeq, Integer causeLine) {
        return new Event.ResumeExplained(c.name, b.name(), b.session().number, offered, resumed, reason, text, causeSeq, causeLine);
    }
}
