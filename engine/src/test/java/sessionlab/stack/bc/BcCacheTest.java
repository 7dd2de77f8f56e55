package sessionlab.stack.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;

/** The session cache bctls leaves to the application: the lab's own, shown as such, with libssl's rules where sensible. */
class BcCacheTest {
    /** Three TLS 1.2 sessions ten minutes apart on a server with the given options: A expires first, then B, then C. */
    private static String threeSessions(String serverOptions) {
        return """
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server%s)
                c1 = connect(client, server)
                kA = SSL_get1_session(c1)
                sA = SSL_get1_session(c1.server)
                advance 10m
                c2 = connect(client, server)
                sB = SSL_get1_session(c2.server)
                advance 10m
                c3 = connect(client, server)
                sC = SSL_get1_session(c3.server)
                """.formatted(serverOptions);
    }

    @Test
    void theRunSaysTheCacheIsTheLabsOwnAndEveryOrderComesFromTheLab() {
        BcLab lab = BcLab.passing(threeSessions("") + "expect cache_size(server) == 3\n");
        assertThat(lab.events(Event.RunStarted.class).getFirst().caveats())
                .contains("bc: the session cache is the lab's own, as bctls leaves it to the application");
        assertThat(lab.events(Event.CacheOrder.class)).isNotEmpty().allSatisfy(o -> assertThat(o.fromLibrary()).isFalse());
        assertThat(lab.events(Event.CacheOrder.class).getLast().sessions()).containsExactly(5, 3, 1);
        assertThat(lab.events(Event.ContextCreated.class).getFirst().settings().get("cache")).contains("the lab's own cache");
    }

    @Test
    void aFullCacheEvictsTheSessionThatExpiresFirstAndInvalidatesIt() {
        BcLab lab = BcLab.passing(threeSessions(", cache_size=2") + """
                expect cache_size(server) == 2
                expect stat(server, cache_full) == 1
                expect !in_cache(server, sA)
                expect !resumable(sA)
                expect in_cache(server, sB)
                expect in_cache(server, sC)
                """);
        assertThat(lab.events(Event.CacheRemove.class)).singleElement().satisfies(r -> {
            assertThat(r.session()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("evicted");
        });
        assertThat(lab.events(Event.SessionFlag.class)).singleElement().satisfies(f -> {
            assertThat(f.resumable()).isFalse();
            assertThat(f.reason()).startsWith("evicted").contains("as libssl marks removed sessions not resumable");
        });
    }

    @Test
    void aHitDoesNotProtectASessionFromEvictionBecauseTheOrderIsByExpiry() {
        BcLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, cache_size=2)
                c1 = connect(client, server)
                kA = SSL_get1_session(c1)
                sA = SSL_get1_session(c1.server)
                advance 10m
                c2 = connect(client, server)
                sB = SSL_get1_session(c2.server)
                c3 = connect(client, server, session=kA)
                expect reused(c3)
                c4 = connect(client, server)
                expect !in_cache(server, sA)
                expect in_cache(server, sB)
                """);
    }

    @Test
    void anExpiredSessionIsFoundByTheLookupCountedAsATimeoutAndRemoved() {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, timeout=10m)
                c1 = connect(client, server)
                k1 = SSL_get1_session(c1)
                s1 = SSL_get1_session(c1.server)
                advance 11m
                expect in_cache(server, s1)
                c2 = connect(client, server, session=k1)
                expect offered(c2)
                expect !reused(c2)
                expect stat(server, timeouts) == 1
                expect stat(server, misses) == 0
                expect !in_cache(server, s1)
                expect stat(client, misses) == 1
                """);
        assertThat(lab.events(Event.CacheRemove.class)).extracting(Event.CacheRemove::reason).containsExactly("timeout");
        assertThat(lab.events(Event.ResumeExplained.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("declined-expired"));
    }

    @Test
    void flushRemovesWhatHasExpiredByTheGivenTimeAndAtZeroEverything() {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, timeout=10m)
                c1 = connect(client, server)
                sA = SSL_get1_session(c1.server)
                advance 5m
                c2 = connect(client, server)
                sB = SSL_get1_session(c2.server)
                SSL_CTX_flush_sessions(server, at=+6m)
                expect !in_cache(server, sA)
                expect !resumable(sA)
                expect in_cache(server, sB)
                SSL_CTX_flush_sessions(server)
                expect cache_size(server) == 1
                SSL_CTX_flush_sessions(server, at=0)
                expect cache_size(server) == 0
                expect stat(server, timeouts) == 0
                """);
        assertThat(lab.events(Event.CacheRemove.class)).extracting(Event.CacheRemove::reason).containsExactly("timeout", "flush");
    }

    @Test
    void removeSessionTakesItOutAndTheNextOfferMissesWithTheStepNamed() {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                k1 = SSL_get1_session(c1)
                s1 = SSL_get1_session(c1.server)
                SSL_CTX_remove_session(server, s1)
                expect !in_cache(server, s1)
                expect !resumable(s1)
                expect resumable(k1)
                c2 = connect(client, server, session=k1)
                expect offered(c2)
                expect !reused(c2)
                expect stat(server, misses) == 1
                """);
        assertThat(lab.events(Event.ResumeExplained.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("declined-not-in-cache");
            assertThat(e.causeLine()).isEqualTo(6);
            assertThat(e.explanation()).contains("explicit");
        });
    }

    @Test
    void addSessionPutsASessionBackInExpiryOrderNotAtTheHead() {
        BcLab lab = BcLab.passing(threeSessions("") + """
                SSL_CTX_remove_session(server, sA)
                SSL_CTX_add_session(server, sA)
                expect in_cache(server, sA)
                expect cache_size(server) == 3
                """);
        List<Event.CacheOrder> orders = lab.events(Event.CacheOrder.class);
        assertThat(orders.getLast().sessions()).containsExactly(5, 3, 1);
    }

    @Test
    void aRestartedServerContextKnowsNoneOfTheOldSessions() {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                k1 = SSL_get1_session(c1)
                SSL_CTX_free(server)
                server = SSL_CTX_new(server)
                c2 = connect(client, server, session=k1)
                expect offered(c2)
                expect !reused(c2)
                """);
        assertThat(lab.events(Event.ResumeExplained.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("declined-not-in-cache");
            assertThat(e.explanation()).contains("flush");
        });
    }

    @Test
    void withServerCachingOffTheSessionGetsNoIdAndIsNeverOffered() {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, cache=off)
                c1 = connect(client, server)
                k1 = SSL_get1_session(c1)
                expect !resumable(k1)
                c2 = connect(client, server, session=k1)
                expect !offered(c2)
                expect cache_size(server) == 0
                """);
        assertThat(lab.events(Event.ResumeExplained.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("never-resumable"));
    }

    @Test
    void aClientCacheKeepsTls12SessionsWhenTheCacheModeAsksForIt() {
        BcLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2, cache=client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                k1 = SSL_get1_session(c1)
                expect in_cache(client, k1)
                expect cache_size(client) == 1
                """);
    }

    @Test
    void aCachedSessionThatWasInvalidatedIsHandedBackButBctlsRefusesToResumeIt() {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                k1 = SSL_get1_session(c1)
                s1 = SSL_get1_session(c1.server)
                SSL_CTX_remove_session(server, s1)
                SSL_CTX_add_session(server, s1)
                expect in_cache(server, s1)
                expect !resumable(s1)
                c2 = connect(client, server, session=k1)
                expect offered(c2)
                expect !reused(c2)
                expect stat(server, hits) == 1
                """);
        assertThat(lab.events(Event.ResumeExplained.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("declined");
            assertThat(e.explanation()).contains("bctls refused to resume it").contains("SSL_CTX_remove_session");
            assertThat(e.causeLine()).isEqualTo(6);
        });
    }
}
