package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Type and name errors in {@code expect}; the expression starts at line 5, column 8. */
class ExpectationCheckingTest {

    private static List<String> errors(String expression) {
        return Lab.errorsAfterPrelude("expect " + expression);
    }

    @Test
    void theExpectationMustBeBoolean() {
        assertThat(errors("refcount(s1)")).containsExactly("t.lab:5:8: expect needs a boolean, refcount(s1) is an int");
        assertThat(errors("tls1.3")).containsExactly("t.lab:5:8: expect needs a boolean, tls1.3 is a version");
        assertThat(errors("(1)")).containsExactly("t.lab:5:8: expect needs a boolean, (1) is an int");
        assertThat(errors("version(c1)")).containsExactly("t.lab:5:8: expect needs a boolean, version(c1) is a version");
    }

    @Test
    void notNeedsABoolean() {
        assertThat(errors("!refcount(s1)")).containsExactly("t.lab:5:9: '!' needs a boolean, refcount(s1) is an int");
    }

    @Test
    void andAndOrNeedBooleansOnBothSides() {
        assertThat(errors("alive(s1) && refcount(s1)"))
                .containsExactly("t.lab:5:21: '&&' needs booleans, refcount(s1) is an int");
        assertThat(errors("refcount(s1) || alive(s1)"))
                .containsExactly("t.lab:5:8: '||' needs booleans, refcount(s1) is an int");
    }

    @Test
    void orderingNeedsInts() {
        assertThat(errors("resumable(s1) < 2")).containsExactly("t.lab:5:8: '<' needs ints, resumable(s1) is a boolean");
        assertThat(errors("version(c1) >= tls1.3")).containsExactly(
                "t.lab:5:8: '>=' needs ints, version(c1) is a version",
                "t.lab:5:23: '>=' needs ints, tls1.3 is a version");
    }

    @Test
    void equalityNeedsEqualTypes() {
        assertThat(errors("refcount(s1) == alive(s1)")).containsExactly(
                "t.lab:5:21: '==' needs equal types, refcount(s1) is an int and alive(s1) is a boolean");
        assertThat(errors("version(c1) != 3")).containsExactly(
                "t.lab:5:20: '!=' needs equal types, version(c1) is a version and 3 is an int");
    }

    @Test
    void aVersionIsComparedOnlyWithAVersionWord() {
        assertThat(errors("version(c1) == version(c1.server)")).containsExactly(
                "t.lab:5:20: version(c1) can only be compared with a version word (tls1.2, tls1.3)");
        assertThat(errors("tls1.2 == tls1.3"))
                .containsExactly("t.lab:5:15: a version word can only be compared with version(C)");
    }

    @Test
    void anUnknownVersionWordIsNamed() {
        assertThat(errors("version(c1) == tls1.1"))
                .containsExactly("t.lab:5:23: unknown version 'tls1.1' (known: tls1.2, tls1.3)");
    }

    @Test
    void literalsMustBeIntegers() {
        assertThat(errors("refcount(s1) == 3s")).containsExactly("t.lab:5:24: expected an integer, got '3s'");
        assertThat(errors("refcount(s1) == 99999999999999999999"))
                .containsExactly("t.lab:5:24: integer too large: '99999999999999999999'");
    }

    @Test
    void typeErrorsInsideParenthesesAreReportedAtTheInnerExpression() {
        assertThat(errors("(alive(s1) || null(s1)) < 2"))
                .containsExactly("t.lab:5:8: '<' needs ints, (alive(s1) || null(s1)) is a boolean");
    }

    @Test
    void anUnknownFunctionSuggestsTheClosestOneAndCausesNoFurtherErrors() {
        assertThat(errors("refcnt(s1) == 1"))
                .containsExactly("t.lab:5:8: unknown function 'refcnt' (did you mean 'refcount'?)");
        assertThat(errors("frob(s1)")).containsExactly("t.lab:5:8: unknown function 'frob'");
    }

    @Test
    void aStatementCallInsideExpectIsNamedAsSuch() {
        assertThat(errors("SSL_read(c1)")).containsExactly(
                "t.lab:5:8: SSL_read is a call, not an expectation function; make it a statement of its own");
    }

    @Test
    void functionArgumentsAreKindChecked() {
        assertThat(errors("refcount(c1) == 1"))
                .containsExactly("t.lab:5:17: 'c1' is a connection, refcount needs a session");
        assertThat(errors("reused(s1)")).containsExactly("t.lab:5:15: 's1' is a session, reused needs a connection");
        assertThat(errors("cache_size(c1) == 0"))
                .containsExactly("t.lab:5:19: 'c1' is a connection, cache_size needs a context");
        assertThat(errors("in_cache(client, client)"))
                .containsExactly("t.lab:5:25: 'client' is a context, in_cache needs a session");
        assertThat(errors("refcount(s9) == 1")).containsExactly("t.lab:5:17: 's9' is not defined");
        assertThat(errors("alive(3)")).containsExactly("t.lab:5:14: alive needs a session, got '3'");
        assertThat(errors("offered(s1.server)"))
                .containsExactly("t.lab:5:16: 's1' is a session; only a connection has a .server side");
    }

    @Test
    void callbackKindsAndStatNamesAreChecked() {
        assertThat(errors("callbacks(client, renew) == 1"))
                .containsExactly("t.lab:5:26: unknown callback kind 'renew' (known: new, remove)");
        assertThat(errors("stat(client, hit) == 1")).containsExactly("t.lab:5:21: unknown stat 'hit' (known: number, "
                + "connect, connect_good, accept, accept_good, hits, misses, timeouts, cache_full, cb_hits)");
        assertThat(errors("stat(client, 3) == 1")).containsExactly("t.lab:5:21: unknown stat '3' (known: number, "
                + "connect, connect_good, accept, accept_good, hits, misses, timeouts, cache_full, cb_hits)");
    }

    static Stream<Arguments> everyFunctionWithAWrongArgumentCount() {
        return Stream.of(
                Arguments.of("resumable()", "resumable takes 1 argument: resumable(S)"),
                Arguments.of("destroyed(s1, s1)", "destroyed takes 1 argument: destroyed(S)"),
                Arguments.of("alive()", "alive takes 1 argument: alive(S)"),
                Arguments.of("null()", "null takes 1 argument: null(S)"),
                Arguments.of("refcount() == 1", "refcount takes 1 argument: refcount(S)"),
                Arguments.of("same(s1)", "same takes 2 arguments: same(S1, S2)"),
                Arguments.of("reused()", "reused takes 1 argument: reused(C)"),
                Arguments.of("version() == tls1.3", "version takes 1 argument: version(C)"),
                Arguments.of("tickets_received() == 1", "tickets_received takes 1 argument: tickets_received(C)"),
                Arguments.of("cache_size() == 1", "cache_size takes 1 argument: cache_size(X)"),
                Arguments.of("in_cache(client)", "in_cache takes 2 arguments: in_cache(X, S)"),
                Arguments.of("callbacks(client) == 1", "callbacks takes 2 arguments: callbacks(X, new|remove)"),
                Arguments.of("stat(client) == 1", "stat takes 2 arguments: stat(X, NAME)"),
                Arguments.of("offered(c1, c1)", "offered takes 1 argument: offered(C)"));
    }

    @ParameterizedTest
    @MethodSource("everyFunctionWithAWrongArgumentCount")
    void aWrongArgumentCountNamesTheExpectedForm(String expression, String message) {
        assertThat(errors(expression)).containsExactly("t.lab:5:8: " + message);
    }

    @Test
    void everyErrorOfAnExpressionIsReported() {
        assertThat(errors("refcount(s9) == 1 && reused(s1)")).containsExactly(
                "t.lab:5:17: 's9' is not defined",
                "t.lab:5:36: 's1' is a session, reused needs a connection");
    }
}
