package sessionlab.stack.bc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sessionlab.event.Event;
import sessionlab.run.Stacks;
import sessionlab.stack.Capability;
import sessionlab.stack.TlsStack;

/** What bctls cannot do is an error that names bc, never a silent default or an invented value. */
class BcUnsupportedTest {
    private static final String SETUP = """
            client = SSL_CTX_new(client)
            server = SSL_CTX_new(server)
            c1 = connect(client, server)
            s1 = SSL_get1_session(c1)
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            expect refcount(s1) == 1                  | bc has no reference counts
            SSL_SESSION_up_ref(s1)                    | bc: no reference counts
            x = SSL_CTX_new(server, tickets=2)        | bc: tickets=2 cannot be honoured: Bouncy Castle 1.84 sends no TLS 1.3
            x = SSL_CTX_new(client, new_cb=keep)      | bc: new_cb cannot be honoured
            x = SSL_CTX_new(server, remove_cb=on)     | bc: remove_cb=on cannot be honoured
            x = SSL_CTX_new(server, early_data=16384) | bc: early_data cannot be honoured
            x = SSL_CTX_new(server, no_anti_replay)   | bc: no_anti_replay cannot be honoured
            expect callbacks(client, new) == 0        | bc has no session callbacks
            expect stat(server, cb_hits) == 0         | bc has no session callbacks
            t = new_session(client, 1)                | bc: new_session has nothing to name
            SSL_clear(c1)                             | bc: SSL_clear has no counterpart
            SSL_set_session(c1, s1)                   | bc: SSL_set_session has no counterpart
            """)
    void aCallBctlsCannotHonourIsAnErrorNamingBc(String statement, String message) {
        BcLab lab = BcLab.run(SETUP + statement + "\n");
        assertThat(lab.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void ticketsZeroIsWhatBctlsDoesAndIsAccepted() {
        BcLab lab = BcLab.passing("""
                server = SSL_CTX_new(server, tickets=0, no_ticket)
                client = SSL_CTX_new(client)
                c1 = connect(client, server)
                expect tickets_received(c1) == 0
                """);
        assertThat(lab.events(Event.ContextCreated.class).getFirst().settings().get("tickets")).startsWith("0");
    }

    @Test
    void theStackIsRegisteredWithItsVersionAndOnlyTheCapabilitiesItHas() {
        TlsStack bc = Stacks.standard().byName("bc").orElseThrow();
        assertThat(Stacks.standard().whyNot("bc")).isEmpty();
        assertThat(bc.availability().available()).isTrue();
        assertThat(bc.availability().version()).isEqualTo("bctls 1.84");
        assertThat(bc.capabilities()).containsExactlyInAnyOrder(Capability.KEY_LOG, Capability.CACHE_ORDER);
    }
}
