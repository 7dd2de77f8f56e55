package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.scenario.Lab.at;
import static sessionlab.scenario.Lab.parse;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {"libssl", "jsse", "bc"})
    void everyStackParses(String stack) {
        assertThat(parse("stack " + stack).statements())
                .containsExactly(new Statement.Stack(at(1, 1), "stack " + stack, stack));
    }

    @Test
    void theLastStackStatementNamesTheStack() {
        assertThat(parse("stack jsse", "stack bc").stack()).contains("bc");
        assertThat(parse("advance 1s").stack()).isEmpty();
    }

    @Test
    void aNoteKeepsItsDecodedText() {
        assertThat(parse("note \"a \\\"quoted\\\" back\\\\slash\"  # trailing").statements()).containsExactly(
                new Statement.Note(at(1, 1), "note \"a \\\"quoted\\\" back\\\\slash\"", "a \"quoted\" back\\slash"));
    }

    @Test
    void aHashInsideANoteIsNotAComment() {
        Statement.Note note = (Statement.Note) parse("note \"see #42\" # real comment").statements().getFirst();
        assertThat(note.message()).isEqualTo("see #42");
        assertThat(note.text()).isEqualTo("note \"see #42\"");
    }

    @Test
    void anEmptyNoteIsAllowed() {
        assertThat(((Statement.Note) parse("note \"\"").statements().getFirst()).message()).isEmpty();
    }

    @Test
    void advanceTakesEveryUnit() {
        assertThat(parse("advance 250ms", "advance 300s", "advance 5m", "advance 2h", "advance 1d").statements())
                .extracting(s -> ((Statement.Advance) s).duration())
                .containsExactly(Duration.ofMillis(250), Duration.ofSeconds(300), Duration.ofMinutes(5),
                        Duration.ofHours(2), Duration.ofDays(1));
    }

    @Test
    void theTextOfAStatementIsTheLineWithoutCommentOrSurroundingBlanks() {
        Statement s = parse("   advance   2h   # wait for expiry").statements().getFirst();
        assertThat(s).isEqualTo(new Statement.Advance(at(1, 4), "advance   2h", Duration.ofHours(2)));
    }

    @Test
    void blankLinesAndCommentLinesYieldNoStatementsButCountAsLines() {
        Scenario scenario = parse("", "# a comment", "   ", "\t# indented comment", "advance 1s");
        assertThat(scenario.statements()).containsExactly(
                new Statement.Advance(at(5, 1), "advance 1s", Duration.ofSeconds(1)));
    }

    @Test
    void anEmptyFileIsAnEmptyScenario() {
        assertThat(parse("").statements()).isEmpty();
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        Scenario scenario = parse("advance 1s\r", "note \"x\"\r", "");
        assertThat(scenario.statements()).containsExactly(
                new Statement.Advance(at(1, 1), "advance 1s", Duration.ofSeconds(1)),
                new Statement.Note(at(2, 1), "note \"x\"", "x"));
    }

    @Test
    void anAssignmentKeepsItsNameAndABareCallHasNone() {
        List<Statement> statements = Lab.afterPrelude("s2 = SSL_get_session(c1)", "SSL_get_session(c1)");
        assertThat(statements).containsExactly(
                new Statement.Assign(at(5, 1), "s2 = SSL_get_session(c1)", "s2",
                        new Op.GetSession(new ConnRef(at(5, 22), "c1", Side.CLIENT), Op.GetKind.GET)),
                new Statement.Call(at(6, 1), "SSL_get_session(c1)",
                        new Op.GetSession(new ConnRef(at(6, 17), "c1", Side.CLIENT), Op.GetKind.GET)));
    }

    @Test
    void anExpectStatementKeepsItsExpressionText() {
        Statement s = Lab.afterPrelude("expect   resumable( s1 )   # spaced out").getFirst();
        assertThat(s.text()).isEqualTo("expect   resumable( s1 )");
        assertThat(((Expr.Fn) ((Statement.Expect) s).expr()).text()).isEqualTo("resumable(s1)");
    }

    @Test
    void aNameMayBeReboundToTheSameKind() {
        List<Statement> statements = Lab.afterPrelude("s1 = SSL_get0_session(c1)", "s1 = new_session(client, 1)");
        assertThat(statements).extracting(s -> ((Statement.Assign) s).name()).containsExactly("s1", "s1");
    }

    @Test
    void roleWordsMayAlsoBeNamesOfContexts() {
        assertThat(parse("client = SSL_CTX_new(client)", "server = SSL_CTX_new(server)",
                "c = connect(client, server)").statements()).hasSize(3);
    }

    @Test
    void namesMayMixCaseDigitsAndUnderscores() {
        assertThat(parse("_Ctx_2 = SSL_CTX_new(server)", "SSL_CTX_free(_Ctx_2)").statements()).hasSize(2);
    }
}
