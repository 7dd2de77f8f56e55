package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sessionlab.scenario.Lab.at;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sessionlab.scenario.ExpectEvaluator.Observation;
import sessionlab.scenario.ExpectEvaluator.Outcome;

class ExpectEvaluatorTest {
    private final Map<String, Value> values = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final FunctionResolver resolver = call -> {
        asked.add(call.text());
        if (!values.containsKey(call.text())) throw new EvaluationException("no value for " + call.text());
        return values.get(call.text());
    };

    @BeforeEach
    void aRunWithOneSession() {
        values.put("refcount(s1)", new Value.Int(2));
        values.put("alive(s1)", new Value.Bool(true));
        values.put("resumable(s1)", new Value.Bool(false));
        values.put("cache_size(client)", new Value.Int(0));
        values.put("version(c1)", new Value.Version(TlsVersion.TLS1_3));
        values.put("reused(c1)", new Value.Bool(false));
    }

    private Outcome evaluate(String expression) throws EvaluationException {
        return ExpectEvaluator.evaluate(Lab.expr(expression), resolver);
    }

    @Test
    void aFailedComparisonReportsTheValueOfItsCall() throws EvaluationException {
        Outcome outcome = evaluate("refcount(s1) == 3");
        assertThat(outcome).isEqualTo(new Outcome(false, List.of(new Observation("refcount(s1)", new Value.Int(2)))));
        assertThat(ExpectEvaluator.describe(outcome)).isEqualTo("refcount(s1) = 2");
    }

    @Test
    void aHeldExpectationPassesWithItsObservations() throws EvaluationException {
        Outcome outcome = evaluate("refcount(s1) == 2 && cache_size(client) == 0");
        assertThat(outcome.passed()).isTrue();
        assertThat(ExpectEvaluator.describe(outcome)).isEqualTo("refcount(s1) = 2, cache_size(client) = 0");
    }

    @Test
    void andStopsAtTheFirstFalseOperandAndOnlyEvaluatedCallsAreObserved() throws EvaluationException {
        Outcome outcome = evaluate("resumable(s1) && refcount(s1) == 2");
        assertThat(outcome).isEqualTo(new Outcome(false, List.of(new Observation("resumable(s1)", new Value.Bool(false)))));
        assertThat(asked).containsExactly("resumable(s1)");
    }

    @Test
    void orStopsAtTheFirstTrueOperand() throws EvaluationException {
        Outcome outcome = evaluate("alive(s1) || refcount(s1) == 1");
        assertThat(outcome.passed()).isTrue();
        assertThat(asked).containsExactly("alive(s1)");
    }

    @Test
    void bothOperandsAreEvaluatedWhenTheFirstDoesNotDecide() throws EvaluationException {
        assertThat(evaluate("alive(s1) && reused(c1)").passed()).isFalse();
        assertThat(evaluate("resumable(s1) || alive(s1)").passed()).isTrue();
        assertThat(asked).containsExactly("alive(s1)", "reused(c1)", "resumable(s1)", "alive(s1)");
    }

    @Test
    void notInvertsItsOperand() throws EvaluationException {
        assertThat(evaluate("!resumable(s1)").passed()).isTrue();
        assertThat(evaluate("!alive(s1)").passed()).isFalse();
        assertThat(evaluate("!!alive(s1)").passed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"== 2, true", "== 3, false", "!= 2, false", "!= 3, true", "< 3, true", "< 2, false", "<= 2, true",
            "<= 1, false", "> 1, true", "> 2, false", ">= 2, true", ">= 3, false"})
    void everyComparisonOnInts(String comparison, boolean expected) throws EvaluationException {
        assertThat(evaluate("refcount(s1) " + comparison).passed()).isEqualTo(expected);
    }

    @Test
    void versionsCompareByEquality() throws EvaluationException {
        assertThat(evaluate("version(c1) == tls1.3").passed()).isTrue();
        assertThat(evaluate("version(c1) == tls1.2").passed()).isFalse();
        assertThat(evaluate("tls1.2 != version(c1)").passed()).isTrue();
    }

    @Test
    void aMissingVersionDiffersFromEveryVersion() throws EvaluationException {
        values.put("version(c1)", new Value.None());
        assertThat(evaluate("version(c1) == tls1.3").passed()).isFalse();
        assertThat(evaluate("version(c1) == tls1.2").passed()).isFalse();
        Outcome outcome = evaluate("version(c1) != tls1.3");
        assertThat(outcome.passed()).isTrue();
        assertThat(ExpectEvaluator.describe(outcome)).isEqualTo("version(c1) = none");
    }

    @Test
    void booleansCompareByEquality() throws EvaluationException {
        assertThat(evaluate("resumable(s1) == reused(c1)").passed()).isTrue();
        assertThat(evaluate("resumable(s1) != alive(s1)").passed()).isTrue();
    }

    @Test
    void aCallEvaluatedTwiceIsObservedTwiceButDescribedOnce() throws EvaluationException {
        Outcome outcome = evaluate("refcount(s1) > 0 && refcount(s1) < 2");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.observations()).hasSize(2);
        assertThat(ExpectEvaluator.describe(outcome)).isEqualTo("refcount(s1) = 2");
    }

    @Test
    void anExpectationWithoutCallsDescribesNothing() throws EvaluationException {
        Outcome outcome = evaluate("1 < 2");
        assertThat(outcome).isEqualTo(new Outcome(true, List.of()));
        assertThat(ExpectEvaluator.describe(outcome)).isEmpty();
    }

    @Test
    void aResolverFailurePropagatesWithItsMessage() {
        assertThatThrownBy(() -> evaluate("refcount(s1) == 2 && in_cache(client, s1)"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("no value for in_cache(client, s1)");
    }

    @Test
    void aResolverGivingNoValueIsAnEvaluationError() {
        values.put("alive(s1)", null);
        assertThatThrownBy(() -> evaluate("alive(s1)"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("alive(s1) has no value");
    }

    @Test
    void aResolverGivingTheWrongTypeIsAnEvaluationError() {
        values.put("refcount(s1)", new Value.Bool(true));
        assertThatThrownBy(() -> evaluate("refcount(s1) == 1"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("refcount(s1) gave true, not an int");
        values.put("version(c1)", new Value.Int(3));
        assertThatThrownBy(() -> evaluate("version(c1) == tls1.3"))
                .hasMessage("version(c1) gave 3, not a version");
    }

    @Test
    void anUncheckedNonBooleanExpressionIsAnEvaluationError() {
        assertThatThrownBy(() -> ExpectEvaluator.evaluate(new Expr.IntLiteral(at(1, 1), 1), resolver))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("expect needs a boolean, got 1");
        Expr badOrder = new Expr.Compare(at(1, 1), Expr.Comparison.LT,
                new Expr.VersionLiteral(at(1, 1), TlsVersion.TLS1_2), new Expr.IntLiteral(at(1, 1), 1));
        assertThatThrownBy(() -> ExpectEvaluator.evaluate(badOrder, resolver))
                .hasMessage("'<' needs ints, got tls1.2 and 1");
        Expr badAnd = new Expr.And(at(1, 1), new Expr.IntLiteral(at(1, 1), 1), new Expr.IntLiteral(at(1, 1), 1));
        assertThatThrownBy(() -> ExpectEvaluator.evaluate(badAnd, resolver)).hasMessage("&& needs a boolean, got 1");
    }

    @Test
    void observationsCannotBeChangedAfterTheFact() throws EvaluationException {
        Outcome outcome = evaluate("alive(s1)");
        assertThatThrownBy(() -> outcome.observations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
