package sessionlab.stack.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;

/** TLS 1.3 tickets on SunJSSE: how many, when they arrive, how often they can be used. */
class JsseTicketTest {
    @Test
    void twoServerContextsWithDifferentTicketCountsSendDifferentNumbersOfTickets() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                one = SSL_CTX_new(server, tickets=1)
                three = SSL_CTX_new(server, tickets=3)
                c1 = connect(client, one)
                c2 = connect(client, three)
                SSL_read(c1)
                SSL_read(c2)
                expect tickets_received(c1) == 1
                expect tickets_received(c2) == 3
                # each full handshake also leaves its own (ticketless) session in JSSE's client cache
                expect cache_size(client) == 6
                """);
        assertThat(lab.events(Event.TicketReceived.class)).extracting(Event.TicketReceived::conn)
                .containsExactly("c1", "c2", "c2", "c2");
        // SunJSSE fixes the count once per JVM, so at least one of the two lives in a child JVM
        assertThat(lab.events(Event.ContextCreated.class)).filteredOn(c -> c.role().equals("server"))
                .extracting(c -> c.settings().get("tickets")).anyMatch(t -> t.contains("child JVM"));
    }

    @Test
    void theTicketCountPropertyIsReadOncePerJvmNotPerContext() {
        int measured = JsseStack.localTickets(JsseStack.credentials(JsseLab.PKI));
        String other = Integer.toString(measured == 5 ? 4 : 5);
        System.setProperty(JsseStack.TICKET_COUNT_PROPERTY, other);
        try {
            LocalHost fresh = new LocalHost(-1);
            fresh.call(JsseStack.credentials(JsseLab.PKI));
            assertThat(fresh.call(new Hosted.CountTickets())).as("a new SSLContext made with the property set to " + other)
                    .isEqualTo(measured);
        } finally {
            System.clearProperty(JsseStack.TICKET_COUNT_PROPERTY);
        }
    }

    @Test
    void aChildJvmSendsTheCountItWasStartedWith() {
        try (RemoteHost child = RemoteHost.start(7, JsseStack.credentials(JsseLab.PKI))) {
            assertThat(child.ticketCount()).isEqualTo(7);
            assertThat(child.where()).startsWith("child JVM ");
        }
    }

    @Test
    void ticketsArriveOnlyWhenTheClientReads() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, tickets=2)
                c1 = connect(client, server)
                expect tickets_received(c1) == 0
                expect cache_size(client) == 1
                s0 = SSL_get0_session(c1)
                expect !resumable(s0)
                SSL_read(c1)
                expect tickets_received(c1) == 2
                expect cache_size(client) == 3
                expect !resumable(s0)
                """);
        List<LoggedEvent> log = lab.logged();
        LoggedEvent ticketRecord = log.stream().filter(e -> e.event() instanceof Event.WireRecord w && w.label().contains("NewSessionTicket"))
                .findFirst().orElseThrow();
        Event.WireRecord w = (Event.WireRecord) ticketRecord.event();
        assertThat(w.direction()).isEqualTo("s>c");
        long clientDone = at(log, Event.HandshakeDone.class, "client");
        long serverDone = at(log, Event.HandshakeDone.class, "server");
        // one record, written when the server had read the client's Finished, i.e. after the client's handshake ended
        assertThat(w.sentAt()).isGreaterThan(clientDone).isEqualTo(serverDone);
        assertThat(log.stream().filter(e -> e.event() instanceof Event.WireRecord r && r.label().contains("NewSessionTicket"))).hasSize(1);
        long firstTicket = log.stream().filter(e -> e.event() instanceof Event.TicketReceived).mapToLong(LoggedEvent::at).min().orElseThrow();
        long read = log.stream().filter(e -> e.event() instanceof Event.Call c && c.function().equals("SSL_read")).mapToLong(LoggedEvent::seq)
                .min().orElseThrow();
        assertThat(firstTicket).isEqualTo(w.arrivesAt());
        assertThat(log.stream().filter(e -> e.event() instanceof Event.TicketReceived).mapToLong(LoggedEvent::seq).min().orElseThrow())
                .isGreaterThan(read);
    }

    private static long at(List<LoggedEvent> log, Class<? extends Event> type, String side) {
        return log.stream().filter(e -> e.event() instanceof Event.HandshakeDone h && h.side().equals(side)).mapToLong(LoggedEvent::at)
                .findFirst().orElseThrow();
    }

    @Test
    void aTicketIsSingleUseOnTheClient() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, tickets=1)
                c1 = connect(client, server)
                SSL_read(c1)
                s1 = SSL_get1_session(c1)
                c2 = connect(client, server, session=s1)
                expect offered(c2)
                expect reused(c2)
                t = SSL_get1_session(c2)
                expect !same(t, s1)
                expect !resumable(t)
                c3 = connect(client, server, session=s1)
                expect !offered(c3)
                expect !reused(c3)
                """);
        assertThat(lab.events(Event.CacheRemove.class)).extracting(Event.CacheRemove::reason).containsExactly("single-use");
        assertThat(lab.events(Event.ResumeExplained.class)).extracting(Event.ResumeExplained::reason).containsExactly("resumed", "not-offered");
    }

    @Test
    void aServerWithoutTicketsLeavesNothingToResume() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, tickets=0)
                c1 = connect(client, server)
                SSL_read(c1)
                expect tickets_received(c1) == 0
                s1 = SSL_get1_session(c1)
                c2 = connect(client, server, session=s1)
                expect !offered(c2)
                """);
        assertThat(lab.events(Event.WireRecord.class)).noneMatch(w -> w.label().contains("NewSessionTicket"));
        assertThat(lab.events(Event.ResumeExplained.class)).extracting(Event.ResumeExplained::reason).containsExactly("no-tickets-sent");
    }

    @Test
    void noTicketMakesTls13TicketsStatefulEntriesOfTheServerCache() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, no_ticket, tickets=2)
                c1 = connect(client, server)
                expect cache_size(server) == 2
                SSL_read(c1)
                s1 = SSL_get1_session(c1)
                c2 = connect(client, server, session=s1)
                expect reused(c2)
                # the server spent the ticket it accepted and issued two new ones
                expect cache_size(server) == 3
                """);
        assertThat(lab.events(Event.TicketSent.class)).extracting(Event.TicketSent::conn).containsExactly("c1", "c1", "c2", "c2");
        assertThat(lab.events(Event.TicketSent.class)).allSatisfy(t -> assertThat(t.lifetimeSeconds()).isEqualTo(7200));
        assertThat(lab.events(Event.CacheRemove.class)).filteredOn(r -> r.ctx().equals("server"))
                .extracting(Event.CacheRemove::reason).containsExactly("single-use");
    }

    @Test
    void aStatelessServersTicketsAreCountedOnlyWhereTheClientStoresThem() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, tickets=2)
                c1 = connect(client, server)
                expect cache_size(server) == 0
                SSL_read(c1)
                expect tickets_received(c1) == 2
                """);
        assertThat(lab.events(Event.TicketSent.class)).as("encrypted, and not cached by a stateless server: not visible").isEmpty();
    }
}
