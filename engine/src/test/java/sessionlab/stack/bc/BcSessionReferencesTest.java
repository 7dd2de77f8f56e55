package sessionlab.stack.bc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.event.Event;

/** Sessions on bctls are Java objects: references, not counts; "destroyed" means unreachable from the lab. */
class BcSessionReferencesTest {
    private static final String TLS13 = """
            client = SSL_CTX_new(client)
            server = SSL_CTX_new(server)
            c1 = connect(client, server)
            """;

    @Test
    void get0AndGet1NameTheSameObjectAndBothAreRealReferences() {
        BcLab lab = BcLab.passing(TLS13 + """
                a = SSL_get0_session(c1)
                b = SSL_get1_session(c1)
                expect same(a, b)
                """);
        assertThat(lab.events(Event.VariableBound.class)).hasSize(2).allSatisfy(v -> assertThat(v.owned()).isTrue());
        assertThat(lab.events(Event.SessionRef.class)).isNotEmpty().allSatisfy(r -> assertThat(r.count()).isNull());
        assertThat(lab.stream(Event.SessionRef.class).filter(r -> r.session() == 1)).extracting(Event.SessionRef::holder)
                .containsExactly("SSL c1", "var a", "var b");
    }

    @Test
    void aSessionIsDestroyedOnlyWhenNothingInTheLabRefersToItAnyMore() {
        BcLab lab = BcLab.passing(TLS13 + """
                s = SSL_get0_session(c1)
                SSL_SESSION_free(s)
                expect alive(s)
                SSL_free(c1)
                expect destroyed(s)
                """);
        assertThat(lab.events(Event.SessionDestroyed.class)).singleElement().satisfies(d -> {
            assertThat(d.session()).isEqualTo(1);
            assertThat(d.during()).startsWith("SSL_free(c1)").contains("garbage").contains("nothing was freed");
        });
    }

    @Test
    void aCachedSessionStaysAliveAfterEveryNameLetGo() {
        BcLab.passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                s = SSL_get1_session(c1.server)
                SSL_SESSION_free(s)
                SSL_free(c1.server)
                expect alive(s)
                expect in_cache(server, s)
                SSL_CTX_flush_sessions(server, at=0)
                expect destroyed(s)
                """);
    }

    @Test
    void usingANameWhoseSessionBecameGarbageIsAnErrorNotACrash() {
        BcLab lab = BcLab.run(TLS13 + """
                s = SSL_get1_session(c1)
                SSL_SESSION_free(s)
                SSL_free(c1)
                expect resumable(s)
                """);
        assertThat(lab.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("unreachable garbage"));
    }

    @Test
    void lettingGoTwiceIsPrevented() {
        BcLab lab = BcLab.run(TLS13 + """
                s = SSL_get1_session(c1)
                SSL_SESSION_free(s)
                SSL_SESSION_free(s)
                """);
        assertThat(lab.errors()).extracting(Event.Error::kind).containsExactly("double-free-prevented");
        assertThat(lab.events(Event.Prevented.class)).extracting(Event.Prevented::kind).containsExactly("double-free");
    }

    @Test
    void whatTheScenarioStillHoldsAtTheEndIsReportedAsALeakThenLetGo() {
        BcLab lab = BcLab.passing(TLS13 + """
                s = SSL_get1_session(c1)
                expect alive(s)
                """);
        assertThat(lab.allEvents(Event.Leak.class)).extracting(Event.Leak::holder)
                .containsExactly("var s", "SSL c1", "SSL c1.server", "SSL_CTX client", "SSL_CTX server");
        assertThat(lab.allEvents(Event.SessionDestroyed.class)).as("nothing refers to them any more: garbage")
                .isNotEmpty().allSatisfy(d -> assertThat(d.during()).startsWith("the end of the run"));
        assertThat(lab.result().leaks()).isEqualTo(5);
        assertThat(lab.allEvents(Event.RunStarted.class).getFirst().refcountsKnown()).isFalse();
    }

    @Test
    void aScenarioThatLetGoOfEverythingLeaksNothing() {
        BcLab lab = BcLab.passing(TLS13 + """
                s = SSL_get0_session(c1)
                SSL_SESSION_free(s)
                SSL_free(c1)
                SSL_free(c1.server)
                SSL_CTX_free(client)
                SSL_CTX_free(server)
                expect destroyed(s)
                """);
        assertThat(lab.allEvents(Event.Leak.class)).isEmpty();
        assertThat(lab.result().leaks()).isZero();
    }
}
