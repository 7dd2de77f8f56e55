package sessionlab.stack.libssl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.run.Lab;

/**
 * Calls that would corrupt libssl's memory or touch a freed object are refused before they reach
 * it (docs/safety.md): a prevented event, an error naming the rule, and the run goes on to a clean end.
 */
class LibsslSafetyTest {
    private static final String TWO_SERVERS = """
            client = SSL_CTX_new(client, max=tls1.2)
            A = SSL_CTX_new(server, no_ticket)
            B = SSL_CTX_new(server, no_ticket)
            c1 = connect(client, A)
            s = SSL_get1_session(c1.server)
            """;

    /** A clean end: every session, SSL and SSL_CTX released, no internal error, holders matching counts. */
    private static void endsCleanly(Lab lab) {
        assertThat(lab.events(Event.SessionDestroyed.class)).hasSameSizeAs(lab.events(Event.SessionCreated.class));
        assertThat(lab.events(Event.Error.class)).extracting(Event.Error::kind).doesNotContain("internal", "outlived");
        assertThat(lab.events(Event.RefcountMismatch.class)).isEmpty();
        assertThat(lab.events(Event.RunFinished.class)).hasSize(1);
    }

    @Test
    void addingASessionThatAnotherContextCachesIsPreventedAndTheRunGoesOn() {
        Lab lab = Lab.run(TWO_SERVERS + """
                SSL_CTX_add_session(B, s)
                expect cache_size(A) == 1 && cache_size(B) == 0
                expect in_cache(A, s) && !in_cache(B, s)
                SSL_CTX_remove_session(A, s)
                SSL_CTX_add_session(B, s)
                expect in_cache(B, s) && cache_size(B) == 1
                """);
        assertThat(lab.events(Event.Prevented.class)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("cached-elsewhere");
            assertThat(p.name()).isEqualTo("s");
            assertThat(p.detail()).contains("in the cache of 'A'", "remove it from 'A' first");
        });
        assertThat(lab.events(Event.Error.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("cached-elsewhere-prevented");
            assertThat(e.message()).startsWith("test.lab:6:1: cached elsewhere prevented: session #");
        });
        assertThat(lab.events(Event.Call.class)).filteredOn(c -> c.function().equals("SSL_CTX_add_session")).hasSize(1);
        assertThat(lab.events(Event.ExpectPass.class)).hasSize(3);
        endsCleanly(lab);
    }

    @Test
    void aSessionInTheCacheOfAFreedContextThatItsSslsStillHoldCannotBeAddedElsewhere() {
        Lab lab = Lab.run(TWO_SERVERS + """
                SSL_CTX_free(A)
                SSL_CTX_add_session(B, s)
                expect cache_size(B) == 0
                """);
        assertThat(lab.events(Event.Prevented.class)).extracting(Event.Prevented::kind).containsExactly("cached-elsewhere");
        assertThat(lab.events(Event.Prevented.class).getFirst().detail()).contains("freed by the scenario, still held by its SSL objects");
        assertThat(lab.events(Event.ExpectPass.class)).hasSize(1);
        endsCleanly(lab);
    }

    @Test
    void usingAFreedConnectionIsPrevented() {
        Lab lab = Lab.run(TWO_SERVERS + """
                SSL_free(c1)
                SSL_read(c1)
                SSL_free(c1)
                expect reused(c1)
                SSL_shutdown(c1.server)
                """);
        assertThat(lab.events(Event.Prevented.class)).extracting(Event.Prevented::kind, Event.Prevented::name, Event.Prevented::session)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("freed-connection", "c1", null),
                        org.assertj.core.groups.Tuple.tuple("freed-connection", "c1", null),
                        org.assertj.core.groups.Tuple.tuple("freed-connection", "c1", null));
        assertThat(lab.events(Event.Prevented.class).getFirst().detail()).contains("freed with SSL_free (line 6)");
        assertThat(lab.events(Event.Call.class)).filteredOn(c -> c.function().equals("SSL_free")).hasSize(1);
        assertThat(lab.events(Event.Call.class)).filteredOn(c -> c.function().equals("SSL_shutdown")).hasSize(1);
        endsCleanly(lab);
    }

    @Test
    void usingAFreedContextIsPreventedButWhatTheEngineCountedCanStillBeAsked() {
        Lab lab = Lab.run("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, tickets=1, remove_cb=on)
                c1 = connect(client, server)
                SSL_free(c1)
                SSL_free(c1.server)
                SSL_CTX_free(server)
                expect callbacks(server, remove) == 1
                c2 = connect(client, server)
                SSL_CTX_flush_sessions(server)
                expect cache_size(server) == 0
                SSL_CTX_free(server)
                """);
        assertThat(lab.events(Event.Prevented.class)).extracting(Event.Prevented::kind)
                .containsExactly("freed-context", "freed-context", "freed-context", "freed-context");
        assertThat(lab.events(Event.Prevented.class).getFirst().detail()).contains("freed with SSL_CTX_free (line 6)");
        assertThat(lab.events(Event.ExpectPass.class)).extracting(Event.ExpectPass::text).containsExactly("expect callbacks(server, remove) == 1");
        assertThat(lab.events(Event.ConnectionCreated.class)).hasSize(2);
        endsCleanly(lab);
    }

    @Test
    void theShortestCrashOfTheIssueRunsToACleanEnd() {
        Lab lab = Lab.run("""
                x1 = SSL_CTX_new(client, max=tls1.3, timeout=10m, no_ticket, new_cb=keep)
                x2 = SSL_CTX_new(client, max=tls1.2, timeout=10m, new_cb=drop, remove_cb=on)
                x3 = SSL_CTX_new(server, cache=both, no_ticket)
                c4 = connect(x2, x3)
                SSL_CTX_flush_sessions(x2)
                c5 = connect(x2, x3)
                c6 = connect(x1, x3)
                c7 = connect(x1, x3)
                c8 = connect(x2, x3)
                SSL_read(c8)
                s9 = SSL_get0_session(c7.server)
                SSL_shutdown(c5.server)
                expect refcount(s9) >= 0
                c10 = connect(x1, x3, session=s9)
                s11 = SSL_get1_session(c4.server)
                SSL_CTX_remove_session(x1, s11)
                c12 = connect(x1, x3, session=s9)
                SSL_read(c4)
                SSL_CTX_add_session(x1, s9)
                """);
        assertThat(lab.events(Event.Prevented.class)).extracting(Event.Prevented::kind).containsExactly("cached-elsewhere");
        assertThat(lab.result().exitCode()).isEqualTo(2);
        endsCleanly(lab);
    }

    @Test
    void theHangOfTheIssueRunsToACleanEnd() {
        Lab lab = Lab.run("""
                x1 = SSL_CTX_new(client, max=tls1.3, new_cb=keep, remove_cb=on)
                x2 = SSL_CTX_new(client, max=tls1.3, cache=both, no_ticket, new_cb=keep)
                x3 = SSL_CTX_new(server, max=tls1.3, timeout=2h, tickets=0, remove_cb=on)
                x4 = SSL_CTX_new(server, max=tls1.2, cache=off, remove_cb=on)
                c5 = connect(x1, x4)
                s6 = SSL_get1_session(c5)
                SSL_CTX_free(x1)
                SSL_CTX_add_session(x3, s6)
                SSL_CTX_add_session(x2, s6)
                SSL_CTX_remove_session(x1, s6)
                s7 = SSL_get0_session(c5.server)
                SSL_shutdown(c5)
                c8 = connect(x1, x3)
                SSL_free(c8.server)
                SSL_SESSION_up_ref(s6)
                SSL_SESSION_free(s6)
                c9 = connect(x1, x4, session=s6)
                SSL_read(c8)
                """);
        assertThat(lab.events(Event.Prevented.class)).extracting(Event.Prevented::kind)
                .containsExactly("cached-elsewhere", "freed-context", "freed-context", "freed-context");
        assertThat(lab.result().exitCode()).isEqualTo(2);
        endsCleanly(lab);
    }
}
