package sessionlab.stack.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.event.Event;

/** Sessions on JSSE: Java references as holders, no counts, no destruction, a client cache keyed by peer host:port. */
class JsseSessionsTest {
    @Test
    void holdersAreJavaReferencesWithoutCounts() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, no_ticket)
                c1 = connect(client, server)
                k1 = SSL_get0_session(c1)
                SSL_free(c1)
                SSL_SESSION_free(k1)
                expect resumable(k1)
                """);
        assertThat(lab.events(Event.SessionRef.class)).allSatisfy(r -> assertThat(r.count()).isNull());
        assertThat(lab.events(Event.SessionRef.class)).filteredOn(r -> r.session() == 2).extracting(r -> r.holder() + " " + r.delta())
                .containsExactly("cache client 1", "engine c1 1", "var k1 1", "engine c1 -1", "var k1 -1");
        assertThat(lab.events(Event.SessionDestroyed.class)).as("garbage collection is not observable").isEmpty();
        assertThat(lab.events(Event.RunStarted.class).getFirst().caveats())
                .anySatisfy(c -> assertThat(c).contains("cannot tell when a session is destroyed"))
                .anySatisfy(c -> assertThat(c).contains("wall-clock"));
    }

    @Test
    void get0AndGet1ReturnTheSameJavaReferenceToTheEnginesSession() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                a = SSL_get0_session(c1)
                b = SSL_get1_session(c1)
                c = SSL_get_session(c1)
                expect same(a, b) && same(b, c)
                SSL_read(c1)
                d = SSL_get1_session(c1)
                expect same(a, d)
                expect !resumable(d)
                """);
        assertThat(lab.events(Event.VariableBound.class)).allSatisfy(v -> assertThat(v.owned()).isTrue());
    }

    @Test
    void eachConnectionHasItsOwnPeerPortSoSessionSPicksItsOwnTickets() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, tickets=1)
                c1 = connect(client, server)
                c2 = connect(client, server)
                SSL_read(c2)
                s1 = SSL_get1_session(c1)
                s2 = SSL_get1_session(c2)
                c3 = connect(client, server, session=s1)
                expect !offered(c3)
                c4 = connect(client, server, session=s2)
                expect reused(c4)
                """);
        assertThat(lab.events(Event.Call.class)).filteredOn(c -> c.function().equals("createSSLEngine"))
                .extracting(c -> c.args().substring(0, c.args().indexOf(" (")))
                .containsExactly("\"localhost\", 10001", "\"localhost\", 10002", "\"localhost\", 10001", "\"localhost\", 10002");
        assertThat(lab.events(Event.ResumeExplained.class).getFirst().reason()).isEqualTo("no-ticket-yet");
    }

    @Test
    void advanceMovesOnlyTheVirtualClockAndSaysJsseSessionsDoNotAge() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, no_ticket, timeout=10m)
                c1 = connect(client, server)
                k1 = SSL_get1_session(c1)
                advance 1h
                c2 = connect(client, server, session=k1)
                expect reused(c2)
                """);
        assertThat(lab.events(Event.ClockAdvance.class).getFirst().caveats()).singleElement().asString().contains("wall-clock");
    }

    @Test
    void whatTheScenarioStillHoldsAtTheEndIsReportedAsALeak() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                k = SSL_get1_session(c1)
                """);
        assertThat(lab.events(Event.Leak.class)).extracting(Event.Leak::holder)
                .containsExactly("var k", "engine c1", "engine c1.server", "SSL_CTX client", "SSL_CTX server");
    }

    @Test
    void aTls13ClientsEngineKeepsItsHandshakeSessionWhileTheTicketsLiveInTheCache() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, tickets=2)
                c1 = connect(client, server)
                s = SSL_get1_session(c1)
                expect in_cache(client, s)
                SSL_read(c1)
                expect cache_size(client) == 3
                expect !resumable(s)
                """);
        assertThat(lab.events(Event.SessionState.class)).filteredOn(Event.SessionState::resumable)
                .extracting(Event.SessionState::ticketLength).contains(-1, -1);
    }
}
