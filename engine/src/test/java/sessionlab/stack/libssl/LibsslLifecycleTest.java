package sessionlab.stack.libssl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.run.Lab;

/**
 * The rules the lessons teach, each on the real libssl (lifecycle reference in brackets).
 * Every scenario carries its own expectations; the test also checks the events that prove them.
 */
class LibsslLifecycleTest {
    private static final String TLS13 = """
            client = SSL_CTX_new(client, max=tls1.3, cache=client)
            server = SSL_CTX_new(server, tickets=2)
            c1 = connect(client, server)
            """;

    private static Lab passing(String source) {
        Lab lab = Lab.run(source);
        assertThat(lab.allPassed()).as(lab.problems()).isTrue();
        return lab;
    }

    @Test
    void ticketsArriveOnlyWhenTheClientReads() {
        Lab lab = passing(TLS13 + """
                expect tickets_received(c1) == 0
                s0 = SSL_get0_session(c1)
                expect !resumable(s0)
                expect cache_size(client) == 0
                SSL_read(c1)
                expect tickets_received(c1) == 2
                expect cache_size(client) == 2
                """);
        // both tickets were sent inside SSL_accept, before the client ever read (§9)
        long sent = lab.result().log().events().stream()
                .filter(e -> e.event() instanceof Event.TicketSent).mapToLong(e -> e.at()).max().orElseThrow();
        long read = lab.result().log().events().stream()
                .filter(e -> e.event() instanceof Event.TicketReceived).mapToLong(e -> e.at()).min().orElseThrow();
        assertThat(sent).isEqualTo(75);
        assertThat(read).isEqualTo(100);
    }

    @Test
    void thePreTicketSessionIsDestroyedWhileTheClientReads() {
        Lab lab = passing(TLS13 + """
                s0 = SSL_get0_session(c1)
                SSL_read(c1)
                expect destroyed(s0)
                s1 = SSL_get0_session(c1)
                expect resumable(s1)
                expect refcount(s1) == 2
                """);
        Event.SessionDestroyed first = lab.events(Event.SessionDestroyed.class).stream()
                .filter(d -> d.session() == 1).findFirst().orElseThrow();
        assertThat(first.during()).isEqualTo("SSL_read(c1)");
        assertThat(lab.events(Event.VariableDangling.class)).extracting(Event.VariableDangling::name).contains("s0");
    }

    @Test
    void aGet1ReferenceKeepsThePreTicketSessionAlive() {
        passing(TLS13 + """
                s0 = SSL_get1_session(c1)
                expect refcount(s0) == 2
                SSL_read(c1)
                expect alive(s0)
                expect refcount(s0) == 1
                expect !resumable(s0)
                SSL_SESSION_free(s0)
                expect destroyed(s0)
                """);
    }

    @Test
    void theLastTicketWinsAndEarlierOnesLiveOnlyInTheCache() {
        Lab lab = passing(TLS13 + """
                SSL_read(c1)
                last = SSL_get1_session(c1)
                expect refcount(last) == 3
                SSL_shutdown(c1)
                SSL_free(c1)
                expect refcount(last) == 2
                expect in_cache(client, last)
                SSL_SESSION_free(last)
                """);
        Event.CacheOrder order = lab.events(Event.CacheOrder.class).stream().filter(o -> o.ctx().equals("client"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(order.fromLibrary()).isTrue();
        assertThat(order.sessions()).hasSize(2);
    }

    @Test
    void theNewSessionCallbackSeesEveryTicketOnlyWithAClientCache() {
        passing("""
                client = SSL_CTX_new(client, max=tls1.3, cache=client, new_cb=keep)
                plain = SSL_CTX_new(client, max=tls1.3, new_cb=keep)
                server = SSL_CTX_new(server, tickets=3)
                c1 = connect(client, server)
                c2 = connect(plain, server)
                SSL_read(c1)
                SSL_read(c2)
                expect callbacks(client, new) == 3
                expect callbacks(plain, new) == 0
                t1 = new_session(client, 1)
                expect resumable(t1)
                expect refcount(t1) == 2
                SSL_SESSION_free(t1)
                """);
    }

    @Test
    void freeingWithoutShutdownRemovesTheSessionFromTheCache() {
        Lab lab = passing(TLS13 + """
                SSL_read(c1)
                s = SSL_get1_session(c1)
                SSL_free(c1)
                expect !resumable(s)
                expect !in_cache(client, s)
                expect cache_size(client) == 1
                SSL_SESSION_free(s)
                """);
        assertThat(lab.events(Event.CacheRemove.class)).extracting(Event.CacheRemove::reason).contains("unclean");
        assertThat(lab.events(Event.SessionFlag.class)).anySatisfy(f -> assertThat(f.reason()).startsWith("unclean"));
    }

    @Test
    void aTls12ServerCachesBySessionIdOnlyWithoutTickets() {
        passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                tickets = SSL_CTX_new(server)
                ids = SSL_CTX_new(server, no_ticket)
                a = connect(client, tickets)
                b = connect(client, ids)
                expect cache_size(tickets) == 0
                expect cache_size(ids) == 1
                s = SSL_get1_session(b)
                SSL_shutdown(b)
                SSL_free(b)
                b2 = connect(client, ids, session=s)
                expect offered(b2)
                expect reused(b2)
                expect stat(ids, hits) == 1
                SSL_SESSION_free(s)
                """);
    }

    @Test
    void evictionTakesTheEarliestExpiryNotTheLeastRecentlyUsed() {
        Lab lab = passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, no_ticket, cache_size=3)
                a = connect(client, server)
                sa = SSL_get1_session(a)
                SSL_shutdown(a)
                advance 10s
                b = connect(client, server)
                SSL_shutdown(b)
                expect cache_size(server) == 2
                a2 = connect(client, server, session=sa)
                expect reused(a2)
                c = connect(client, server)
                expect cache_size(server) == 2
                expect stat(server, cache_full) == 1
                SSL_SESSION_free(sa)
                """);
        // the hit on a's session did not move it: it still expired first and was the one evicted
        Event.CacheRemove evicted = lab.events(Event.CacheRemove.class).stream()
                .filter(r -> r.reason().equals("evicted")).findFirst().orElseThrow();
        int serverSessionOfA = lab.events(Event.CacheInsert.class).stream()
                .filter(i -> i.ctx().equals("server")).findFirst().orElseThrow().session();
        assertThat(evicted.session()).isEqualTo(serverSessionOfA);
    }

    @Test
    void flushRemovesOnlyExpiredSessionsUnlessAskedForEverything() {
        Lab lab = passing("""
                client = SSL_CTX_new(client, max=tls1.3, cache=client, timeout=60s)
                server = SSL_CTX_new(server, tickets=1)
                c1 = connect(client, server)
                SSL_read(c1)
                SSL_shutdown(c1)
                advance 2m
                c2 = connect(client, server)
                SSL_read(c2)
                SSL_shutdown(c2)
                expect cache_size(client) == 2
                SSL_CTX_flush_sessions(client)
                expect cache_size(client) == 1
                expect stat(client, timeouts) == 0
                SSL_CTX_flush_sessions(client, at=0)
                expect cache_size(client) == 0
                """);
        assertThat(lab.events(Event.CacheRemove.class)).extracting(Event.CacheRemove::reason)
                .containsSubsequence("timeout", "flush");
    }

    @Test
    void aResumedTicketIsSpentWhenTheClientHasACache() {
        passing(TLS13 + """
                SSL_read(c1)
                s = SSL_get1_session(c1)
                SSL_shutdown(c1)
                c2 = connect(client, server, session=s)
                expect reused(c2)
                expect !resumable(s)
                c3 = connect(client, server, session=s)
                expect !offered(c3)
                expect !reused(c3)
                SSL_SESSION_free(s)
                """);
    }

    @Test
    void withoutAClientCacheTheSameTicketResumesTwice() {
        passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_read(c1)
                s = SSL_get1_session(c1)
                c2 = connect(client, server, session=s)
                c3 = connect(client, server, session=s)
                expect reused(c2) && reused(c3)
                SSL_SESSION_free(s)
                """);
    }

    @Test
    void usingADanglingGet0PointerIsPreventedNotPerformed() {
        Lab lab = Lab.run(TLS13 + """
                s0 = SSL_get0_session(c1)
                SSL_read(c1)
                expect refcount(s0) == 1
                SSL_SESSION_free(s0)
                """);
        assertThat(lab.result().exitCode()).isEqualTo(2);
        assertThat(lab.events(Event.Prevented.class)).extracting(Event.Prevented::kind).containsExactly("use-after-free", "use-after-free");
        assertThat(lab.events(Event.Error.class).getFirst().message()).startsWith("test.lab:6:1: expect refcount(s0) == 1: use after free prevented");
    }

    @Test
    void freeingABorrowedOrAlreadyFreedReferenceIsRefused() {
        Lab lab = Lab.run(TLS13 + """
                SSL_read(c1)
                b = SSL_get0_session(c1)
                SSL_SESSION_free(b)
                o = SSL_get1_session(c1)
                SSL_SESSION_free(o)
                SSL_SESSION_free(o)
                expect refcount(o) == 2
                """);
        assertThat(lab.events(Event.Prevented.class)).extracting(Event.Prevented::kind).containsExactly("borrowed-free", "double-free");
        assertThat(lab.events(Event.ExpectPass.class)).hasSize(1);
        assertThat(lab.events(Event.RefcountMismatch.class)).isEmpty();
    }

    @Test
    void referencesStillHeldAtTheEndAreReportedAsLeaksAndFreed() {
        Lab lab = Lab.run(TLS13 + """
                SSL_read(c1)
                s = SSL_get1_session(c1)
                s = SSL_get1_session(c1)
                SSL_shutdown(c1)
                SSL_free(c1)
                SSL_free(c1.server)
                SSL_CTX_free(client)
                SSL_CTX_free(server)
                """);
        assertThat(lab.events(Event.Leak.class)).extracting(Event.Leak::holder).containsExactly("var s", "var s");
        // everything created was destroyed: no native session outlived the run
        assertThat(lab.events(Event.SessionDestroyed.class)).hasSameSizeAs(lab.events(Event.SessionCreated.class).stream()
                .map(Event.SessionCreated::session).distinct().toList());
        assertThat(lab.events(Event.Error.class)).isEmpty();
    }

    @Test
    void holdersAlwaysAddUpToTheRealCount() {
        Lab lab = passing(TLS13 + """
                SSL_read(c1)
                a = SSL_get1_session(c1)
                SSL_SESSION_up_ref(a)
                expect refcount(a) == 4
                SSL_shutdown(c1)
                SSL_free(c1)
                expect refcount(a) == 3
                SSL_SESSION_free(a)
                SSL_SESSION_free(a)
                expect refcount(a) == 1
                """);
        assertThat(lab.events(Event.SessionRef.class)).allSatisfy(r -> assertThat(r.count()).isNotNull());
    }

    @Test
    void aFailedExpectationNamesItsLineAndTheActualValues() {
        Lab lab = Lab.run(TLS13 + "expect tickets_received(c1) == 2\n");
        assertThat(lab.result().exitCode()).isEqualTo(1);
        Event.ExpectFail f = lab.events(Event.ExpectFail.class).getFirst();
        assertThat(f.line()).isEqualTo(4);
        assertThat(f.observed()).isEqualTo("tickets_received(c1) = 0");
    }
}
