package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.scenario.Lab.errors;
import static sessionlab.scenario.Lab.errorsAfterPrelude;

import org.junit.jupiter.api.Test;

/** Names: bound before use, used as their kind. The checked line follows the prelude, on line 5. */
class NameCheckingTest {

    @Test
    void anUndefinedNameIsReportedAtItsUse() {
        assertThat(errorsAfterPrelude("SSL_SESSION_free(s9)")).containsExactly("t.lab:5:18: 's9' is not defined");
        assertThat(errorsAfterPrelude("SSL_read(c9.server)")).containsExactly("t.lab:5:10: 'c9' is not defined");
    }

    @Test
    void aUseBeforeTheDefinitionIsAnError() {
        assertThat(errorsAfterPrelude("SSL_read(c2)", "c2 = connect(client, server)"))
                .containsExactly("t.lab:5:10: 'c2' is not defined");
    }

    @Test
    void anAssignmentDoesNotSeeItsOwnName() {
        assertThat(errors("c = SSL_CTX_new(client)", "s = new_session(s, 1)"))
                .containsExactly("t.lab:2:17: 's' is not defined");
    }

    @Test
    void aConnectionWhereASessionIsNeededNamesBothKinds() {
        assertThat(errorsAfterPrelude("SSL_SESSION_free(c1)"))
                .containsExactly("t.lab:5:18: 'c1' is a connection, SSL_SESSION_free needs a session");
    }

    @Test
    void aSessionWhereAConnectionIsNeededNamesBothKinds() {
        assertThat(errorsAfterPrelude("SSL_read(s1)")).containsExactly("t.lab:5:10: 's1' is a session, SSL_read needs a connection");
    }

    @Test
    void aContextWhereASessionIsNeededNamesBothKinds() {
        assertThat(errorsAfterPrelude("SSL_SESSION_up_ref(client)"))
                .containsExactly("t.lab:5:20: 'client' is a context, SSL_SESSION_up_ref needs a session");
    }

    @Test
    void theServerSideOfAConnectionIsStillAConnection() {
        assertThat(errorsAfterPrelude("SSL_CTX_free(c1.server)"))
                .containsExactly("t.lab:5:14: 'c1.server' is a connection, SSL_CTX_free needs a context");
    }

    @Test
    void dotServerOnANonConnectionIsAnError() {
        assertThat(errorsAfterPrelude("SSL_SESSION_free(s1.server)"))
                .containsExactly("t.lab:5:18: 's1' is a session; only a connection has a .server side");
        assertThat(errorsAfterPrelude("SSL_read(client.server)"))
                .containsExactly("t.lab:5:10: 'client' is a context; only a connection has a .server side");
    }

    @Test
    void anySuffixOtherThanServerIsAnError() {
        assertThat(errorsAfterPrelude("SSL_read(c1.client)"))
                .containsExactly("t.lab:5:13: unknown suffix '.client' on 'c1' (only .server)");
    }

    @Test
    void aLiteralWhereANameIsNeededIsNamed() {
        assertThat(errorsAfterPrelude("SSL_read(42)")).containsExactly("t.lab:5:10: SSL_read needs a connection, got '42'");
        assertThat(errorsAfterPrelude("SSL_SESSION_free(\"s1\")"))
                .containsExactly("t.lab:5:18: SSL_SESSION_free needs a session, got '\"s1\"'");
        assertThat(errorsAfterPrelude("SSL_CTX_free(x=1)")).containsExactly("t.lab:5:14: SSL_CTX_free needs a context, got 'x=1'");
    }

    @Test
    void rebindingToAnotherKindIsAnError() {
        assertThat(errorsAfterPrelude("c1 = SSL_get1_session(c1)"))
                .containsExactly("t.lab:5:1: 'c1' is a connection (line 3), cannot rebind it to a session");
        assertThat(errorsAfterPrelude("s1 = SSL_CTX_new(client)"))
                .containsExactly("t.lab:5:1: 's1' is a session (line 4), cannot rebind it to a context");
    }

    @Test
    void rebindingAContextChangesItsRole() {
        assertThat(errorsAfterPrelude("server = SSL_CTX_new(client)", "c2 = connect(client, server)"))
                .containsExactly("t.lab:6:22: 'server' is a client context, connect needs a server context second");
    }

    @Test
    void assigningACallThatReturnsNoHandleIsAnError() {
        assertThat(errorsAfterPrelude("x = SSL_read(c1)")).containsExactly("t.lab:5:5: SSL_read returns no handle to name");
        assertThat(errorsAfterPrelude("x = SSL_CTX_flush_sessions(client)"))
                .containsExactly("t.lab:5:5: SSL_CTX_flush_sessions returns no handle to name");
    }

    @Test
    void aNameFromAFailedAssignmentIsNotReportedAgainAtItsUses() {
        assertThat(errorsAfterPrelude("x = SSL_read(c1)", "SSL_SESSION_free(x)", "SSL_read(x)"))
                .containsExactly("t.lab:5:5: SSL_read returns no handle to name");
        assertThat(errorsAfterPrelude("x = SSL_reed(c1)", "SSL_SESSION_free(x)"))
                .containsExactly("t.lab:5:5: unknown call 'SSL_reed' (did you mean 'SSL_read'?)");
    }

    @Test
    void aNameFromAnAssignmentWithBadArgumentsKeepsItsKind() {
        assertThat(errorsAfterPrelude("c2 = connect(clinet, server)", "SSL_read(c2)", "SSL_SESSION_free(c2)"))
                .containsExactly("t.lab:5:14: 'clinet' is not defined",
                        "t.lab:7:18: 'c2' is a connection, SSL_SESSION_free needs a session");
    }

    @Test
    void aNameFromALineThatDidNotParseIsNotReportedAgain() {
        assertThat(errorsAfterPrelude("c2 = connect(client, server", "SSL_read(c2)"))
                .containsExactly("t.lab:5:28: expected ')'");
    }

    @Test
    void aContextKeepsItsRoleWhenItsOptionsAreWrong() {
        assertThat(errorsAfterPrelude("bad = SSL_CTX_new(server, bogus)", "c2 = connect(bad, server)"))
                .containsExactly(
                        "t.lab:5:27: unknown option 'bogus' for SSL_CTX_new (known: min, max, cache, cache_size, "
                                + "timeout, tickets, no_ticket, new_cb, remove_cb, early_data, no_anti_replay)",
                        "t.lab:6:14: 'bad' is a server context, connect needs a client context first");
    }

    @Test
    void everyWrongArgumentOfALineIsReported() {
        assertThat(errorsAfterPrelude("SSL_set_session(s1, c1)")).containsExactly(
                "t.lab:5:17: 's1' is a session, SSL_set_session needs a connection",
                "t.lab:5:21: 'c1' is a connection, SSL_set_session needs a session");
    }

    @Test
    void problemsOnSeveralLinesAreAllReportedInFileOrder() {
        assertThat(errorsAfterPrelude("SSL_read(s9)", "advance 300", "", "SSL_free(s1)")).containsExactly(
                "t.lab:5:10: 's9' is not defined",
                "t.lab:6:9: duration needs a unit (ms, s, m, h, d): '300'",
                "t.lab:8:10: 's1' is a session, SSL_free needs a connection");
    }

    @Test
    void theExceptionMessageIsTheFirstDiagnostic() {
        try {
            ScenarioParser.parse("x.lab", "advance 3\nSSL_read(c9)");
            throw new AssertionError("expected a ScenarioException");
        } catch (ScenarioException e) {
            assertThat(e.getMessage()).isEqualTo("x.lab:1:9: duration needs a unit (ms, s, m, h, d): '3'");
            assertThat(e.diagnostics()).containsExactly(
                    new Diagnostic(new Position("x.lab", 1, 9), "duration needs a unit (ms, s, m, h, d): '3'"),
                    new Diagnostic(new Position("x.lab", 2, 10), "'c9' is not defined"));
        }
    }
}
