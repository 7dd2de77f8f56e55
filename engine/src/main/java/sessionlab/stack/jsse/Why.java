package sessionlab.stack.jsse;

import sessionlab.event.Event;

/**
 * "Why didn't it resume?" for connect(..., session=S) on JSSE, from the run's evidence: whether the
 * ClientHello offered anything for S's peer, whether the ServerHello accepted it, and which server
 * context issued S's tickets (a freed and re-created server context is a restart with new keys).
 */
final class Why {
    /** S as it was just before the handshake. */
    record Before(String name, Tracked session, boolean resumable, Conn issuer) {}

    private final JsseRun run;

    Why(JsseRun run) {
        this.run = run;
    }

    Before before(String name, Tracked s) {
        return new Before(name, s, s.resumable, run.sessions.issuedBy(s));
    }

    void explain(Conn c, Before b) {
        boolean offered = c.client.offered;
        boolean resumed = c.reused();
        String peer = "localhost:" + c.port;
        Event.ResumeExplained e;
        if (resumed) {
            e = event(c, b, true, true, "resumed", c.name + " resumed with what JSSE's client cache held for " + b.name() + "'s peer " + peer
                    + ": the server accepted it and the client's trust manager was not consulted", null, null);
        } else if (!offered) {
            e = notOffered(c, b, peer);
        } else {
            JsseContext issuer = b.issuer() == null ? null : b.issuer().server.ctx;
            if (issuer != null && (issuer.freed || issuer != c.server.ctx)) {
                String how = issuer.freed ? "was freed at line " + issuer.freedLine + " (a server restart)" : "is not the one this connection uses";
                e = event(c, b, true, false, "declined-unknown-ticket", "the ticket offered for " + b.name() + " was issued by server context '"
                        + issuer.name + "', which " + how + ": a new SSLContext has new ticket keys and cannot read it",
                        issuer.freed ? issuer.freedSeq : null, issuer.freed ? issuer.freedLine : null);
            } else {
                e = event(c, b, true, false, "declined", "the server declined what was offered for " + b.name() + " (JSSE does not say why)", null, null);
            }
        }
        run.sink.emit(e);
    }

    private Event.ResumeExplained notOffered(Conn c, Before b, String peer) {
        Tracked s = b.session();
        Conn issuer = b.issuer();
        if ("tls1.3".equals(s.version()) && issuer != null && issuer.client.ticketsReceived == 0) {
            if (issuer.server.ctx.host.ticketCount() == 0) {
                return event(c, b, false, false, "no-tickets-sent", b.name() + "'s server context '" + issuer.server.ctx.name
                        + "' sends no tickets, so JSSE's client cache never got one for " + peer, null, null);
            }
            return event(c, b, false, false, "no-ticket-yet", "nothing was offered: " + issuer.name + " never read its tickets, and JSSE "
                    + "stores a ticket only when the client reads it", null, null);
        }
        Conn replacing = run.fullHandshakeOnPortAfter(issuer, c);
        if (replacing != null) {
            return event(c, b, false, false, "not-offered", "nothing was offered for " + peer + ": " + replacing.name + " made a full "
                    + "handshake with the same peer, and JSSE then offers only that connection's session for it; the tickets from before "
                    + "stay in the cache (cache_size counts them) but are never offered again", null, null);
        }
        if (s.flagReason != null && !b.resumable()) {
            return event(c, b, false, false, "marked-not-resumable", "nothing was offered for " + b.name() + ": it stopped being resumable at line "
                    + s.flagLine + " — " + s.flagReason, null, s.flagLine);
        }
        return event(c, b, false, false, "not-offered", "JSSE's client cache held nothing it would offer for " + peer
                + " (spent, invalidated, expired, or a protocol this client does not enable)", null, null);
    }

    private static Event.ResumeExplained event(Conn c, Before b, boolean offered, boolean resumed, String reason, String text,
                                               Long causeSeq, Integer causeLine) {
        return new Event.ResumeExplained(c.name, b.name(), b.session().number, offered, resumed, reason, text, causeSeq, causeLine);
    }
}
