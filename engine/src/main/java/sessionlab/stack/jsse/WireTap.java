package sessionlab.stack.jsse;

import java.util.List;
import sessionlab.event.Event;
import sessionlab.wire.ClientHelloInfo;
import sessionlab.wire.DecodedRecord;
import sessionlab.wire.Direction;
import sessionlab.wire.HandshakeInfo;
import sessionlab.wire.Link;
import sessionlab.wire.NewSessionTicketTls12Info;
import sessionlab.wire.ServerHelloInfo;
import sessionlab.wire.TlsRecord;

/**
 * Puts what an engine wrapped on the connection's wire, record by record (through
 * {@link sessionlab.wire.RecordTap}), and keeps the evidence the plaintext gives: the
 * ClientHello's offer, the ServerHello's answer, TLS 1.2 tickets. Also counts tickets as they reach
 * the client: TLS 1.2 ones when the client has unwrapped past their record, TLS 1.3 ones as new
 * entries of the client's cache for this connection's peer port.
 */
final class WireTap {
    private final JsseRun run;

    WireTap(JsseRun run) {
        this.run = run;
    }

    void transmit(End e, byte[] bytes, String encryptedLabel) {
        Conn c = e.conn;
        Direction d = e.sends();
        for (TlsRecord r : c.splitter(d).feed(bytes)) {
            byte[] raw = r.raw(); // faults, if a test set any, happen on the link itself
            List<DecodedRecord> decoded;
            try {
                decoded = c.tap.send(d, raw, List.of(encryptedLabel));
            } catch (IllegalArgumentException | IllegalStateException undecodable) {
                Link.InFlight f = c.link.send(d, raw);
                run.sink.emit(Pump.undecodable(c, d, f, new TlsRecord(r.contentType(), r.legacyVersion(), r.fragment(), raw)));
                decoded = List.of();
            }
            if (d == Direction.SERVER_TO_CLIENT) c.sentToClient += raw.length;
            for (DecodedRecord dr : decoded) for (HandshakeInfo h : dr.messages()) evidence(e, h);
        }
    }

    private void evidence(End e, HandshakeInfo h) {
        Conn c = e.conn;
        switch (h) {
            case ClientHelloInfo ch -> {
                c.hello = ch;
                e.offered = ch.offersPsk() || ch.offersTicket() || knownSessionId(ch.sessionId());
            }
            case ServerHelloInfo sh when !sh.helloRetryRequest() -> c.serverHello = sh;
            case NewSessionTicketTls12Info t -> {
                c.tls12Tickets.addLast(new Conn.PendingTicket(c.sentToClient, t)); // already counts this record
                run.sink.emit(new Event.TicketSent(c.name, ++c.ticketsSent, t.lifetimeHint(), t.ticketLength()));
            }
            default -> { }
        }
    }

    /** A TLS 1.2 session id is an offer only if it is the id of a session this run's clients hold (a TLS 1.3 client sends a random one). */
    private boolean knownSessionId(byte[] id) {
        return id.length > 0 && run.sessions.isClientSessionId(id);
    }

    /** TLS 1.2: a ticket was received once the client has unwrapped the whole record that carried it. */
    void tls12TicketsRead(End client) {
        Conn c = client.conn;
        while (!c.tls12Tickets.isEmpty() && c.tls12Tickets.peekFirst().endOffset() <= client.consumed) {
            NewSessionTicketTls12Info t = c.tls12Tickets.pollFirst().ticket();
            client.ticketsReceived++;
            client.tls12Ticket = new long[] {t.lifetimeHint(), t.ticketLength()};
            run.sink.emit(new Event.TicketReceived(c.name, client.ticketsReceived, t.lifetimeHint(), t.ticketLength()));
        }
    }

    /**
     * TLS 1.3: the tickets are encrypted, so they are counted where JSSE puts them: each new entry of
     * the client's cache for this connection's peer port (a session object never seen before),
     * after an unwrap that yielded no application data, is one ticket. Their lifetime and length are not visible (0 and -1).
     */
    void tls13TicketsRead(End client, List<Hosted.SessionView> arrived) {
        for (Hosted.SessionView v : arrived) {
            if (v.peerPort() != client.conn.port || !"TLSv1.3".equals(v.protocol())) continue;
            client.ticketsReceived++;
            run.sessions.arrivedAsTicket(client.host(), v.handle());
            run.sink.emit(new Event.TicketReceived(client.conn.name, client.ticketsReceived, 0, -1));
        }
    }
}
