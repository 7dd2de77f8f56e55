package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.scenario.Lab.errors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines that do not parse: one diagnostic per line, at the offending token. */
class SyntaxErrorTest {

    @Test
    void aMissingClosingParenthesisIsReportedAtTheEndOfTheLine() {
        assertThat(errors("SSL_read(c1")).containsExactly("t.lab:1:12: expected ')'");
        assertThat(errors("SSL_read(c1   # comment")).containsExactly("t.lab:1:12: expected ')'");
    }

    @Test
    void aMissingCommaIsReportedAtTheTokenAfterTheArgument() {
        assertThat(errors("SSL_set_session(c1 s1)")).containsExactly("t.lab:1:20: expected ',' or ')', got 's1'");
    }

    @Test
    void aTrailingCommaLeavesAnArgumentMissing() {
        assertThat(errors("SSL_read(c1,)")).containsExactly("t.lab:1:13: expected an argument, got ')'");
    }

    @Test
    void callsDoNotNestAsArguments() {
        assertThat(errors("s1 = SSL_get1_session(SSL_get0_session(c1))"))
                .containsExactly("t.lab:1:23: calls do not nest; assign first");
    }

    @Test
    void callsDoNotNestAsOptionValues() {
        assertThat(errors("c2 = connect(client, server, session=SSL_get1_session(c1))"))
                .containsExactly("t.lab:1:38: calls do not nest; assign first");
    }

    @Test
    void callsDoNotNestInsideExpectationFunctions() {
        assertThat(errors("expect refcount(SSL_get1_session(c1)) == 1"))
                .containsExactly("t.lab:1:17: calls do not nest; assign first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"expect", "advance", "note", "stack"})
    void reservedWordsCannotBeAssigned(String word) {
        assertThat(errors(word + " = SSL_CTX_new(client)"))
                .containsExactly("t.lab:1:1: '" + word + "' is a reserved word and cannot be assigned");
    }

    @Test
    void aStatementMustStartWithAName() {
        assertThat(errors("42 = SSL_CTX_new(client)")).containsExactly("t.lab:1:1: a statement starts with a name, "
                + "a call or a keyword (expect, advance, note, stack), got '42'");
        assertThat(errors("  (x)")).containsExactly("t.lab:1:3: a statement starts with a name, "
                + "a call or a keyword (expect, advance, note, stack), got '('");
    }

    @Test
    void aNameMustBeFollowedByACallOrAnAssignment() {
        assertThat(errors("SSL_read c1")).containsExactly("t.lab:1:10: expected '(' or '=' after 'SSL_read', got 'c1'");
        assertThat(errors("SSL_read")).containsExactly(
                "t.lab:1:9: expected '(' or '=' after 'SSL_read', got end of line");
    }

    @Test
    void anAssignmentNeedsACall() {
        assertThat(errors("x = 3")).containsExactly(
                "t.lab:1:5: expected a call after '=', e.g. s1 = SSL_get1_session(c1), got '3'");
        assertThat(errors("x = y")).containsExactly(
                "t.lab:1:5: expected a call after '=', e.g. s1 = SSL_get1_session(c1), got 'y'");
        assertThat(errors("x =")).containsExactly(
                "t.lab:1:4: expected a call after '=', e.g. s1 = SSL_get1_session(c1), got end of line");
    }

    @Test
    void advanceNeedsADurationWithAUnit() {
        assertThat(errors("advance")).containsExactly(
                "t.lab:1:8: advance needs a duration, e.g. advance 2h, got end of line");
        assertThat(errors("advance soon")).containsExactly(
                "t.lab:1:9: advance needs a duration, e.g. advance 2h, got 'soon'");
        assertThat(errors("advance 300")).containsExactly("t.lab:1:9: duration needs a unit (ms, s, m, h, d): '300'");
        assertThat(errors("advance 2x")).containsExactly("t.lab:1:9: unknown duration unit 'x' (ms, s, m, h, d): '2x'");
        assertThat(errors("advance -1h")).containsExactly("t.lab:1:9: duration must not be negative: '-1h'");
        assertThat(errors("advance 1.5h")).containsExactly("t.lab:1:9: duration amount must be a whole number: '1.5h'");
    }

    @Test
    void advanceTakesExactlyOneDuration() {
        assertThat(errors("advance 2h 3m")).containsExactly("t.lab:1:12: unexpected '3m' after the end of the statement");
    }

    @Test
    void noteNeedsAQuotedString() {
        assertThat(errors("note hello")).containsExactly("t.lab:1:6: note needs a string in double quotes, got 'hello'");
        assertThat(errors("note")).containsExactly("t.lab:1:5: note needs a string in double quotes, got end of line");
        assertThat(errors("note \"abc")).containsExactly("t.lab:1:6: unterminated string");
        assertThat(errors("note \"a\" \"b\"")).containsExactly(
                "t.lab:1:10: unexpected \"b\" after the end of the statement");
    }

    @Test
    void stackNeedsAKnownName() {
        assertThat(errors("stack")).containsExactly("t.lab:1:6: stack needs a name (libssl, jsse, bc), got end of line");
        assertThat(errors("stack openssl")).containsExactly("t.lab:1:7: unknown stack 'openssl' (known: libssl, jsse, bc)");
    }

    @Test
    void expectNeedsAnExpression() {
        assertThat(errors("expect")).containsExactly("t.lab:1:7: expect needs an expression, e.g. expect resumable(s1)");
        assertThat(errors("expect alive(s1) &&")).containsExactly(
                "t.lab:1:20: expected an expression after '&&', got end of line");
        assertThat(errors("expect \"text\"")).containsExactly(
                "t.lab:1:8: expected an expression after 'expect', got \"text\"");
    }

    @Test
    void aSingleEqualsInAnExpectationSuggestsTheDoubleOne() {
        assertThat(errors("expect refcount(s1) = 1")).containsExactly("t.lab:1:21: '=' assigns; compare with '=='");
    }

    @Test
    void comparisonsDoNotChain() {
        assertThat(errors("expect refcount(s1) == 1 == 1")).containsExactly("t.lab:1:26: comparisons do not chain; use &&");
    }

    @Test
    void aBareNameIsNotAnExpression() {
        assertThat(errors("expect s1")).containsExactly(
                "t.lab:1:8: expected a function call, number or version, got 's1' (e.g. resumable(s1))");
    }

    @Test
    void anUnclosedGroupIsReported() {
        assertThat(errors("expect (alive(s1)")).containsExactly("t.lab:1:18: expected ')'");
        assertThat(errors("expect (alive(s1) x")).containsExactly("t.lab:1:19: expected ')', got 'x'");
    }

    @Test
    void aDotMustBeFollowedByASideName() {
        assertThat(errors("SSL_read(c1.)")).containsExactly("t.lab:1:13: expected 'server' after 'c1.', got ')'");
    }

    @Test
    void anOptionNeedsAValue() {
        assertThat(errors("x = SSL_CTX_new(server, cache=)")).containsExactly(
                "t.lab:1:31: expected a value for cache=, got ')'");
        assertThat(errors("x = SSL_CTX_new(server, cache=client+)")).containsExactly(
                "t.lab:1:38: expected a value for cache=, got ')'");
    }

    @Test
    void tokensAfterACallAreReported() {
        assertThat(errors("SSL_read(c1) extra")).containsExactly(
                "t.lab:1:14: unexpected 'extra' after the end of the statement");
    }

    @Test
    void lexicalErrorsAreReportedThroughTheParser() {
        assertThat(errors("SSL_read(c1) ;")).containsExactly("t.lab:1:14: unexpected character ';'");
    }
}
