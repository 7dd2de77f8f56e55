package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.scenario.Lab.errorsAfterPrelude;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Calls: known names, argument counts, roles, options and literal arguments. Checked lines are on line 5. */
class CallCheckingTest {

    static Stream<Arguments> everyCallWithAWrongArgumentCount() {
        return Stream.of(
                Arguments.of("connect(client, server, client)",
                        "connect takes 2 arguments: connect(cctx, sctx [, session=S] [, latency=DURATION])"),
                Arguments.of("SSL_read(c1, c1)", "SSL_read takes 1 argument: SSL_read(C)"),
                Arguments.of("SSL_write(c1)", "SSL_write takes 2 arguments: SSL_write(C, \"text\")"),
                Arguments.of("SSL_shutdown()", "SSL_shutdown takes 1 argument: SSL_shutdown(C)"),
                Arguments.of("SSL_free(c1, c1)", "SSL_free takes 1 argument: SSL_free(C)"),
                Arguments.of("SSL_clear()", "SSL_clear takes 1 argument: SSL_clear(C)"),
                Arguments.of("SSL_set_session(c1)", "SSL_set_session takes 2 arguments: SSL_set_session(C, S)"),
                Arguments.of("SSL_get_session()", "SSL_get_session takes 1 argument: SSL_get_session(C)"),
                Arguments.of("SSL_get0_session()", "SSL_get0_session takes 1 argument: SSL_get0_session(C)"),
                Arguments.of("SSL_get1_session(c1, 1)", "SSL_get1_session takes 1 argument: SSL_get1_session(C)"),
                Arguments.of("SSL_SESSION_free()", "SSL_SESSION_free takes 1 argument: SSL_SESSION_free(S)"),
                Arguments.of("SSL_SESSION_up_ref(s1, s1)", "SSL_SESSION_up_ref takes 1 argument: SSL_SESSION_up_ref(S)"),
                Arguments.of("SSL_CTX_add_session(s1)",
                        "SSL_CTX_add_session takes 2 arguments: SSL_CTX_add_session(X, S)"),
                Arguments.of("SSL_CTX_remove_session(client)",
                        "SSL_CTX_remove_session takes 2 arguments: SSL_CTX_remove_session(X, S)"),
                Arguments.of("SSL_CTX_flush_sessions(at=0)",
                        "SSL_CTX_flush_sessions takes 1 argument: SSL_CTX_flush_sessions(X [, at=now|0|+DURATION])"),
                Arguments.of("SSL_CTX_free()", "SSL_CTX_free takes 1 argument: SSL_CTX_free(X)"),
                Arguments.of("new_session(client)", "new_session takes 2 arguments: new_session(X, N)"),
                Arguments.of("SSL_CTX_new()",
                        "SSL_CTX_new takes a role first: SSL_CTX_new(client|server, option=value...)"));
    }

    @ParameterizedTest
    @MethodSource("everyCallWithAWrongArgumentCount")
    void aWrongArgumentCountNamesTheExpectedForm(String call, String message) {
        assertThat(errorsAfterPrelude(call)).containsExactly("t.lab:5:1: " + message);
    }

    @Test
    void anUnknownCallSuggestsTheClosestKnownCall() {
        assertThat(errorsAfterPrelude("SSL_reed(c1)"))
                .containsExactly("t.lab:5:1: unknown call 'SSL_reed' (did you mean 'SSL_read'?)");
        assertThat(errorsAfterPrelude("ssl_free(c1)"))
                .containsExactly("t.lab:5:1: unknown call 'ssl_free' (did you mean 'SSL_free'?)");
        assertThat(errorsAfterPrelude("SSL_CTX_flush_session(client)")).containsExactly(
                "t.lab:5:1: unknown call 'SSL_CTX_flush_session' (did you mean 'SSL_CTX_flush_sessions'?)");
    }

    @Test
    void anUnknownCallFarFromAnyKnownOneGetsNoSuggestion() {
        assertThat(errorsAfterPrelude("frobnicate(c1)")).containsExactly("t.lab:5:1: unknown call 'frobnicate'");
    }

    @Test
    void anExpectationFunctionUsedAsAStatementPointsToExpect() {
        assertThat(errorsAfterPrelude("refcount(s1)")).containsExactly(
                "t.lab:5:1: refcount is an expectation function, not a call; use it in expect, e.g. expect refcount(s1)");
    }

    @Test
    void connectNeedsAClientContextFirstAndAServerContextSecond() {
        assertThat(errorsAfterPrelude("c2 = connect(server, client)")).containsExactly(
                "t.lab:5:14: 'server' is a server context, connect needs a client context first",
                "t.lab:5:22: 'client' is a client context, connect needs a server context second");
    }

    @Test
    void connectChecksItsOptions() {
        assertThat(errorsAfterPrelude("c2 = connect(client, server, session=c1)"))
                .containsExactly("t.lab:5:38: 'c1' is a connection, connect's session= needs a session");
        assertThat(errorsAfterPrelude("c2 = connect(client, server, session=s9)"))
                .containsExactly("t.lab:5:38: 's9' is not defined");
        assertThat(errorsAfterPrelude("c2 = connect(client, server, session=3)"))
                .containsExactly("t.lab:5:38: connect's session= needs a session, got '3'");
        assertThat(errorsAfterPrelude("c2 = connect(client, server, latency=5)"))
                .containsExactly("t.lab:5:38: duration needs a unit (ms, s, m, h, d): '5'");
        assertThat(errorsAfterPrelude("c2 = connect(client, server, resume=s1)"))
                .containsExactly("t.lab:5:30: unknown option 'resume' for connect (known: session, latency)");
        assertThat(errorsAfterPrelude("c2 = connect(client, server, session=s1, session=s1)"))
                .containsExactly("t.lab:5:42: duplicate option 'session' (first given at column 30)");
    }

    @Test
    void writeNeedsAStringSecond() {
        assertThat(errorsAfterPrelude("SSL_write(c1, 42)"))
                .containsExactly("t.lab:5:15: SSL_write needs a string second, e.g. SSL_write(c1, \"hello\"), got '42'");
    }

    @Test
    void newSessionNeedsAnIndexFromOne() {
        assertThat(errorsAfterPrelude("s2 = new_session(client, 0)"))
                .containsExactly("t.lab:5:26: new_session's index must be an integer >= 1, got '0'");
        assertThat(errorsAfterPrelude("s2 = new_session(client, first)"))
                .containsExactly("t.lab:5:26: new_session's index must be an integer >= 1, got 'first'");
    }

    @Test
    void flushChecksItsTime() {
        assertThat(errorsAfterPrelude("SSL_CTX_flush_sessions(client, at=later)"))
                .containsExactly("t.lab:5:35: at must be now, 0 or +DURATION (e.g. at=+2h), got 'later'");
        assertThat(errorsAfterPrelude("SSL_CTX_flush_sessions(client, at=5)"))
                .containsExactly("t.lab:5:35: at must be now, 0 or +DURATION (e.g. at=+2h), got '5'");
        assertThat(errorsAfterPrelude("SSL_CTX_flush_sessions(client, at=+300)"))
                .containsExactly("t.lab:5:36: duration needs a unit (ms, s, m, h, d): '300'");
        assertThat(errorsAfterPrelude("SSL_CTX_flush_sessions(client, when=now)"))
                .containsExactly("t.lab:5:32: unknown option 'when' for SSL_CTX_flush_sessions (known: at)");
    }

    @Test
    void aContextOfUnknownRoleIsNotRoleChecked() {
        // x's SSL_CTX_new has no role, so connect cannot tell: only the first mistake is reported.
        assertThat(errorsAfterPrelude("x = SSL_CTX_new(either)", "c2 = connect(x, x)")).containsExactly(
                "t.lab:5:17: SSL_CTX_new needs a role first (client or server), got 'either'");
    }
}
