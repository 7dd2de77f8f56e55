package sessionlab.stack.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;

/** Resumption proven twice: on the wire (ServerHello) and by the client's trust manager not being asked. */
class JsseResumptionTest {
    private static List<Event.Message> messages(JsseLab lab, String conn, String name) {
        return lab.events(Event.WireRecord.class).stream().filter(w -> w.conn().equals(conn))
                .flatMap(w -> w.messages().stream()).filter(m -> m.name().equals(name)).toList();
    }

    private static String connectResult(JsseLab lab, String conn) {
        return lab.events(Event.Return.class).stream().filter(r -> r.target().equals(conn) && r.function().equals("SSL_connect"))
                .map(Event.Return::result).findFirst().orElseThrow();
    }

    @Test
    void aTls12ResumptionEchoesTheOfferedSessionId() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, no_ticket)
                c1 = connect(client, server)
                expect version(c1) == tls1.2
                k1 = SSL_get1_session(c1)
                s1 = SSL_get1_session(c1.server)
                expect in_cache(server, s1)
                expect resumable(k1)
                c2 = connect(client, server, session=k1)
                expect offered(c2)
                expect reused(c2)
                k2 = SSL_get1_session(c2)
                expect same(k1, k2)
                """);
        Object offered = messages(lab, "c2", "ClientHello").getFirst().fields().get("sessionId");
        Object echoed = messages(lab, "c2", "ServerHello").getFirst().fields().get("sessionId");
        assertThat(offered).isNotEqualTo("").isEqualTo(echoed);
        assertThat(messages(lab, "c1", "ServerHello").getFirst().fields().get("sessionId"))
                .isNotEqualTo(messages(lab, "c1", "ClientHello").getFirst().fields().get("sessionId"));
    }

    @Test
    void resumptionIsProvenByTheClientTrustManagerNotBeingConsulted() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_read(c1)
                s1 = SSL_get1_session(c1)
                c2 = connect(client, server, session=s1)
                expect reused(c2)
                """);
        assertThat(connectResult(lab, "c1")).contains("consulted 1 time");
        assertThat(connectResult(lab, "c2")).contains("consulted 0 time");
        assertThat(lab.events(Event.Error.class)).as("the wire and the trust manager agree").isEmpty();
        assertThat(lab.events(Event.HandshakeDone.class)).extracting(Event.HandshakeDone::resumed).containsExactly(false, false, true, true);
    }

    @Test
    void aTls13ResumptionSelectsTheOfferedPskIdentityOnTheWire() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_read(c1)
                s1 = SSL_get1_session(c1)
                c2 = connect(client, server, session=s1)
                expect offered(c2)
                expect reused(c2)
                """);
        assertThat(messages(lab, "c1", "ClientHello").getFirst().fields()).doesNotContainKey("pskIdentities");
        assertThat(messages(lab, "c2", "ClientHello").getFirst().fields()).containsKey("pskIdentities");
        assertThat(messages(lab, "c2", "ServerHello").getFirst().fields()).containsEntry("selectedPskIdentity", 0);
        assertThat(messages(lab, "c1", "ServerHello").getFirst().fields()).doesNotContainKey("selectedPskIdentity");
    }

    @Test
    void aTls12StatelessTicketTravelsInPlaintextAndIsCountedWhenTheClientUnwrapsIt() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                expect tickets_received(c1) == 1
                expect cache_size(server) == 0
                k1 = SSL_get1_session(c1)
                c2 = connect(client, server, session=k1)
                expect offered(c2)
                expect reused(c2)
                """);
        Event.TicketSent sent = lab.events(Event.TicketSent.class).getFirst();
        Event.TicketReceived received = lab.events(Event.TicketReceived.class).getFirst();
        assertThat(sent.lifetimeSeconds()).isEqualTo(7200);
        assertThat(received.ticketLength()).isEqualTo(sent.ticketLength()).isPositive();
        assertThat(messages(lab, "c2", "ClientHello").getFirst().fields().get("sessionTicket")).isEqualTo(sent.ticketLength() + " bytes");
    }

    @Test
    void aRestartedServerContextRejectsTicketsIssuedBeforeTheRestart() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_read(c1)
                s1 = SSL_get1_session(c1)
                SSL_CTX_free(server)
                server = SSL_CTX_new(server)
                c2 = connect(client, server, session=s1)
                expect offered(c2)
                expect !reused(c2)
                """);
        Event.ResumeExplained why = lab.events(Event.ResumeExplained.class).getFirst();
        assertThat(why.reason()).isEqualTo("declined-unknown-ticket");
        assertThat(why.causeLine()).isEqualTo(6);
        assertThat(connectResult(lab, "c2")).contains("consulted 1 time");
    }

    @Test
    void aFullHandshakeWithTheSamePeerReplacesTheTicketsJsseOffersForIt() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, tickets=2)
                other = SSL_CTX_new(server, tickets=2)
                c1 = connect(client, server)
                SSL_read(c1)
                s1 = SSL_get1_session(c1)
                c2 = connect(client, other, session=s1)
                expect offered(c2)
                expect !reused(c2)
                c3 = connect(client, server, session=s1)
                expect !offered(c3)
                expect !reused(c3)
                """);
        // c2 spent the first ticket by offering it; its full handshake then replaced the second as what JSSE offers for the peer
        assertThat(lab.events(Event.CacheRemove.class)).extracting(Event.CacheRemove::reason).containsExactly("single-use");
        assertThat(lab.events(Event.ResumeExplained.class)).extracting(Event.ResumeExplained::reason)
                .containsExactly("declined-unknown-ticket", "not-offered");
        assertThat(lab.events(Event.ResumeExplained.class).get(1).explanation()).contains("c2 made a full handshake with the same peer");
    }
}
