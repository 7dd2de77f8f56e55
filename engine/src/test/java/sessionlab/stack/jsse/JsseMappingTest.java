package sessionlab.stack.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;

/** What each SSL_CTX_new option and call becomes on JSSE; what has no equivalent is an error that says so. */
class JsseMappingTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SSL_CTX_new(client, new_cb=keep)             | jsse has no new-session callback",
            "SSL_CTX_new(client, new_cb=drop)             | jsse has no new-session callback",
            "SSL_CTX_new(server, remove_cb=on)            | jsse has no remove-session callback",
            "SSL_CTX_new(server, early_data=16384)        | jsse has no early data",
            "SSL_CTX_new(server, no_anti_replay)          | jsse has no early data",
            "SSL_CTX_new(client, cache=off)               | jsse cannot turn a session cache off",
            "SSL_CTX_new(client, cache=server)            | jsse always keeps a client's sessions in its client cache",
            "SSL_CTX_new(server, cache=client)            | jsse always keeps a server's sessions in its server cache",
            "SSL_CTX_new(client, cache=client+no_auto_clear)    | jsse has no automatic cache clearing",
            "SSL_CTX_new(server, cache=server+no_internal_store) | jsse cannot keep sessions out of its own cache",
            "SSL_CTX_new(server, timeout=0s)              | jsse reads a session timeout of 0 as \"no limit\"",
            "SSL_CTX_new(client, tickets=3)               | a client context sends none"})
    void anOptionJsseHasNoEquivalentForIsAnErrorNotIgnored(String call, String message) {
        JsseLab lab = JsseLab.run("x = " + call + "\n");
        Event.Error e = lab.errorAt(1);
        assertThat(e).as("an error for " + call).isNotNull();
        assertThat(e.kind()).isEqualTo("unsupported");
        assertThat(e.message()).contains(message);
        assertThat(lab.events(Event.ContextCreated.class)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SSL_clear(c1)                      | jsse has no SSL_clear",
            "SSL_set_session(c1, s)             | jsse has no SSL_set_session",
            "SSL_SESSION_up_ref(s)              | jsse has no reference counts",
            "SSL_CTX_add_session(client, s)     | jsse has no SSL_CTX_add_session",
            "n = new_session(client, 1)         | jsse has no new-session callback",
            "SSL_CTX_flush_sessions(client, at=+1h) | jsse has no flush",
            "expect refcount(s) == 1            | jsse has no reference counts",
            "expect destroyed(s)                | jsse cannot tell when a session is destroyed",
            "expect alive(s)                    | jsse cannot tell when a session is destroyed",
            "expect callbacks(client, new) == 0 | jsse has no session callbacks",
            "expect stat(server, hits) == 0     | jsse keeps no session cache statistics"})
    void aCallOrExpectationJsseCannotAnswerIsAnErrorNamingJsse(String statement, String message) {
        JsseLab lab = JsseLab.run("""
                client = SSL_CTX_new(client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                s = SSL_get1_session(c1)
                """ + statement + "\n");
        Event.Error e = lab.errorAt(5);
        assertThat(e).as("an error for " + statement).isNotNull();
        assertThat(e.message()).contains(message);
    }

    @Test
    void absentOptionsKeepLibsslsDefaultsAndGivenOnesAreReadBackFromTheSessionContext() {
        JsseLab lab = JsseLab.passing("""
                a = SSL_CTX_new(client)
                b = SSL_CTX_new(server, cache_size=4, timeout=10m, max=tls1.2, cache=server)
                c = SSL_CTX_new(client, min=tls1.3, cache=client)
                """);
        var created = lab.events(Event.ContextCreated.class);
        assertThat(created.get(0).settings()).containsEntry("cache_size", "20480").containsEntry("timeout", "7200s")
                .containsEntry("protocols", "TLSv1.3, TLSv1.2");
        assertThat(created.get(1).settings()).containsEntry("cache_size", "4").containsEntry("timeout", "600s")
                .containsEntry("protocols", "TLSv1.2");
        assertThat(created.get(1).settings().get("tickets")).startsWith("2 ");
        assertThat(created.get(2).settings()).containsEntry("protocols", "TLSv1.3");
    }

    @Test
    void minAndMaxBecomeTheEnginesEnabledProtocols() {
        JsseLab.passing("""
                old = SSL_CTX_new(client, max=tls1.2)
                new = SSL_CTX_new(client, min=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(old, server)
                expect version(c1) == tls1.2
                c2 = connect(new, server)
                expect version(c2) == tls1.3
                """);
    }

    @Test
    void aCacheSizeLimitsJssesCacheToThatManySessions() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, no_ticket, cache_size=2)
                c1 = connect(client, server)
                c2 = connect(client, server)
                expect cache_size(server) == 2
                c3 = connect(client, server)
                expect cache_size(server) == 2
                """);
        assertThat(lab.events(Event.CacheRemove.class)).extracting(Event.CacheRemove::reason).containsExactly("evicted");
    }

    @Test
    void aFullCacheEvictsItsLeastRecentlyUsedSessionAndWatchingItUsesNone() {
        // the lab reads the cache at every step; were a read a use, the victim would depend on hash order
        for (int run = 0; run < 3; run++) {
            JsseLab lab = JsseLab.passing("""
                    client = SSL_CTX_new(client, max=tls1.2)
                    server = SSL_CTX_new(server, no_ticket, cache_size=2)
                    c1 = connect(client, server)
                    k1 = SSL_get1_session(c1)
                    s1 = SSL_get1_session(c1.server)
                    c2 = connect(client, server)
                    s2 = SSL_get1_session(c2.server)
                    c3 = connect(client, server, session=k1)
                    expect reused(c3)
                    c4 = connect(client, server)
                    expect in_cache(server, s1)
                    expect !in_cache(server, s2)
                    """);
            assertThat(lab.events(Event.CacheRemove.class)).extracting(Event.CacheRemove::reason).containsExactly("evicted");
        }
    }

    @Test
    void removeSessionInvalidatesTheSessionSoItIsNoLongerOffered() {
        JsseLab lab = JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, no_ticket)
                c1 = connect(client, server)
                k1 = SSL_get1_session(c1)
                expect in_cache(client, k1)
                SSL_CTX_remove_session(client, k1)
                expect !in_cache(client, k1)
                expect !resumable(k1)
                c2 = connect(client, server, session=k1)
                expect !offered(c2)
                """);
        assertThat(lab.events(Event.CacheRemove.class)).extracting(Event.CacheRemove::reason).containsExactly("explicit");
        assertThat(lab.events(Event.SessionFlag.class)).anySatisfy(f -> assertThat(f.reason()).contains("invalidated by SSL_CTX_remove_session"));
    }

    @Test
    void aFlushAtZeroInvalidatesEveryCachedSessionAndAFlushAtNowOnlyLooksThemUp() {
        JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, no_ticket)
                c1 = connect(client, server)
                c2 = connect(client, server)
                SSL_CTX_flush_sessions(server)
                expect cache_size(server) == 2
                SSL_CTX_flush_sessions(server, at=0)
                expect cache_size(server) == 0
                """);
    }

    @Test
    void sslFreeDropsTheEngineWithoutSpoilingItsSession() {
        JsseLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, no_ticket)
                c1 = connect(client, server)
                k1 = SSL_get1_session(c1)
                SSL_free(c1)
                SSL_free(c1.server)
                expect resumable(k1)
                c2 = connect(client, server, session=k1)
                expect reused(c2)
                """);
    }
}
