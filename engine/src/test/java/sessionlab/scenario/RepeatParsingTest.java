package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.scenario.Lab.afterPrelude;
import static sessionlab.scenario.Lab.at;
import static sessionlab.scenario.Lab.errors;
import static sessionlab.scenario.Lab.errorsAfterPrelude;
import static sessionlab.scenario.Lab.parse;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Repeat blocks (<code>repeat N {</code> ... <code>}</code>): ordinary lines, checked once in file order. */
class RepeatParsingTest {
    private static final String COUNT_RANGE = "repeat count must be an integer from 1 to 100000, got ";

    private static ConnRef client(int line, int column, String name) {
        return new ConnRef(at(line, column), name, Side.CLIENT);
    }

    // ---- good blocks ----

    @Test
    void aBlockHoldsItsBodyAsTypedStatements() {
        List<Statement> statements = afterPrelude(
                "repeat 3 {",
                "  SSL_read(c1)",
                "  s2 = SSL_get1_session(c1)",
                "  advance 1s",
                "  note \"again\"",
                "}");
        assertThat(statements).containsExactly(new Statement.Repeat(at(5, 1), "repeat 3 {", 3, List.of(
                new Statement.Call(at(6, 3), "SSL_read(c1)", new Op.Read(client(6, 12, "c1"))),
                new Statement.Assign(at(7, 3), "s2 = SSL_get1_session(c1)", "s2",
                        new Op.GetSession(client(7, 25, "c1"), Op.GetKind.GET1)),
                new Statement.Advance(at(8, 3), "advance 1s", Duration.ofSeconds(1)),
                new Statement.Note(at(9, 3), "note \"again\"", "again"))));
    }

    @Test
    void anExpectationInsideABlockIsTyped() {
        Statement.Repeat r = (Statement.Repeat) afterPrelude("repeat 2 {", "expect refcount(s1) >= 1", "}").getFirst();
        Statement.Expect x = (Statement.Expect) r.body().getFirst();
        assertThat(x.position()).isEqualTo(at(6, 1));
        assertThat(x.expr()).isInstanceOf(Expr.Compare.class);
    }

    @Test
    void blocksNestAndStatementsAroundThemKeepTheirOrder() {
        List<Statement> statements = parse(
                "advance 1s",
                "repeat 2 {",
                "  note \"outer\"",
                "  repeat 4 {",
                "    advance 5m",
                "  }",
                "}",
                "note \"after\"").statements();
        assertThat(statements).containsExactly(
                new Statement.Advance(at(1, 1), "advance 1s", Duration.ofSeconds(1)),
                new Statement.Repeat(at(2, 1), "repeat 2 {", 2, List.of(
                        new Statement.Note(at(3, 3), "note \"outer\"", "outer"),
                        new Statement.Repeat(at(4, 3), "repeat 4 {", 4, List.of(
                                new Statement.Advance(at(5, 5), "advance 5m", Duration.ofMinutes(5)))))),
                new Statement.Note(at(8, 1), "note \"after\"", "after"));
    }

    @Test
    void commentsAndBlankLinesMayStandAnywhereInABlock() {
        List<Statement> statements = parse(
                "repeat 2 {   # twice",
                "",
                "  # the body",
                "  advance 1s   # tick",
                "}   # done").statements();
        assertThat(statements).containsExactly(new Statement.Repeat(at(1, 1), "repeat 2 {", 2, List.of(
                new Statement.Advance(at(4, 3), "advance 1s", Duration.ofSeconds(1)))));
    }

    @Test
    void theBracesNeedNoSpaces() {
        assertThat(parse("repeat 2{", "advance 1s", "}").statements())
                .singleElement().isInstanceOfSatisfying(Statement.Repeat.class, r -> assertThat(r.count()).isEqualTo(2));
    }

    @Test
    void windowsLineEndingsWorkInBlocks() {
        assertThat(parse("repeat 2 {\r", "advance 1s\r", "}\r").statements()).containsExactly(
                new Statement.Repeat(at(1, 1), "repeat 2 {", 2, List.of(
                        new Statement.Advance(at(2, 1), "advance 1s", Duration.ofSeconds(1)))));
    }

    @Test
    void anEmptyBlockIsAllowedAndRunsNothing() {
        assertThat(parse("repeat 5 {", "}").statements())
                .containsExactly(new Statement.Repeat(at(1, 1), "repeat 5 {", 5, List.of()));
    }

    @Test
    void countsFromOneToOneHundredThousandAreAllowed() {
        assertThat(((Statement.Repeat) parse("repeat 1 {", "}").statements().getFirst()).count()).isEqualTo(1);
        assertThat(((Statement.Repeat) parse("repeat 100000 {", "}").statements().getFirst()).count()).isEqualTo(100_000);
    }

    @Test
    void theStackStatementBeforeABlockIsStillFound() {
        assertThat(parse("stack libssl", "repeat 2 {", "advance 1s", "}").stack()).contains("libssl");
    }

    @Test
    void aBlockBodyCannotBeChangedAfterParsing() {
        Statement.Repeat r = (Statement.Repeat) parse("repeat 2 {", "advance 1s", "}").statements().getFirst();
        assertThat(r.body()).isUnmodifiable();
    }

    // ---- errors, each at its exact place ----

    @Test
    void aMissingCountIsReportedWhereTheCountShouldBe() {
        assertThat(errors("repeat {", "}")).containsExactly("t.lab:1:8: repeat needs a count, e.g. repeat 3 {, got '{'");
        assertThat(errors("repeat")).containsExactly("t.lab:1:7: repeat needs a count, e.g. repeat 3 {, got end of line");
    }

    @ParameterizedTest(name = "repeat {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "0|'0'", "-2|'-2'", "100001|'100001'", "99999999999999999999|'99999999999999999999'",
            "1.5|'1.5'", "3s|'3s'", "three|'three'", "tls1.3|'tls1.3'", "`\"3\"`|`\"3\"`"})
    void aCountThatIsNotAnIntegerFromOneTo100000IsReportedAtTheCount(String count, String shown) {
        assertThat(errors("repeat " + count + " {", "advance 1s", "}")).containsExactly("t.lab:1:8: " + COUNT_RANGE + shown);
    }

    @Test
    void aMissingOpeningBraceIsReportedAfterTheCount() {
        assertThat(errors("repeat 3", "advance 1s", "}")).containsExactly("t.lab:1:9: expected '{' after repeat 3, got end of line");
        assertThat(errors("repeat 3 times {", "}")).containsExactly("t.lab:1:10: expected '{' after repeat 3, got 'times'");
    }

    @Test
    void textAfterTheOpeningBraceIsReportedAtItsFirstToken() {
        assertThat(errorsAfterPrelude("repeat 3 { SSL_read(c1) }")).containsExactly(
                "t.lab:5:12: unexpected 'SSL_read' after '{'; the statements of a block go on the following lines");
    }

    @Test
    void textAfterTheClosingBraceIsReportedAtItsFirstToken() {
        assertThat(errorsAfterPrelude("repeat 3 {", "SSL_read(c1)", "} SSL_read(c1)", "SSL_read(c1)")).containsExactly(
                "t.lab:7:3: unexpected 'SSL_read' after '}'; a '}' stands on its own line");
        assertThat(errors("repeat 3 {", "}}")).containsExactly("t.lab:2:2: unexpected '}' after '}'; a '}' stands on its own line");
    }

    @Test
    void anUnmatchedClosingBraceIsReportedAtTheBrace() {
        assertThat(errors("advance 1s", "  }")).containsExactly("t.lab:2:3: '}' closes no repeat block");
        assertThat(errors("repeat 2 {", "}", "}")).containsExactly("t.lab:3:1: '}' closes no repeat block");
    }

    @Test
    void anUnclosedBlockIsReportedAtItsRepeatLine() {
        assertThat(errorsAfterPrelude("SSL_read(c1)", "  repeat 3 {", "SSL_read(c1)")).containsExactly(
                "t.lab:6:3: repeat block is not closed: add a line '}' after its body");
    }

    @Test
    void everyUnclosedBlockOfANestIsReported() {
        assertThat(errors("repeat 2 {", "repeat 3 {", "repeat 4 {", "}")).containsExactly(
                "t.lab:1:1: repeat block is not closed: add a line '}' after its body",
                "t.lab:2:1: repeat block is not closed: add a line '}' after its body");
    }

    @Test
    void aStackStatementInsideABlockIsAnError() {
        assertThat(errors("repeat 2 {", "  stack libssl", "}")).containsExactly(
                "t.lab:2:3: stack cannot be inside a repeat block: the stack is chosen once, before the run");
    }

    @Test
    void anOpeningBraceOnItsOwnLineSaysWhereItBelongs() {
        assertThat(errors("repeat 3", "{", "}")).containsExactly(
                "t.lab:1:9: expected '{' after repeat 3, got end of line",
                "t.lab:2:1: '{' goes at the end of the repeat line, e.g. repeat 3 {");
    }

    @Test
    void repeatIsAReservedWord() {
        assertThat(errors("repeat = SSL_CTX_new(client)"))
                .containsExactly("t.lab:1:1: 'repeat' is a reserved word and cannot be assigned");
    }

    @Test
    void aWrongRepeatLineStillOpensTheBlockThatItsBraceCloses() {
        // one mistake, one report: neither the '}' nor the block is reported again
        assertThat(errors("repeat 0 {", "advance 1s", "}", "advance 1s")).containsExactly("t.lab:1:8: " + COUNT_RANGE + "'0'");
        assertThat(errors("repeat 3 ;", "advance 1s", "}")).containsExactly("t.lab:1:10: unexpected character ';'");
        assertThat(errors("repeat 0 {", "advance 1s")).containsExactly("t.lab:1:8: " + COUNT_RANGE + "'0'");
    }

    @Test
    void aWrongClosingLineStillClosesItsBlock() {
        assertThat(errors("repeat 2 {", "} ;", "advance 1s")).containsExactly("t.lab:2:3: unexpected character ';'");
    }

    @Test
    void problemsInsideABodyAreReportedAtTheirOwnPlace() {
        assertThat(errorsAfterPrelude("repeat 2 {", "  SSL_read(c9)", "  advance 300", "}")).containsExactly(
                "t.lab:6:12: 'c9' is not defined",
                "t.lab:7:11: duration needs a unit (ms, s, m, h, d): '300'");
    }

    // ---- names: the body is checked once, in order ----

    @Test
    void aNameBoundInsideABodyIsVisibleAfterTheBlock() {
        List<Statement> statements = afterPrelude(
                "repeat 2 {",
                "  c2 = connect(client, server)",
                "  SSL_shutdown(c2)",
                "}",
                "s2 = SSL_get1_session(c2)");
        assertThat(statements).hasSize(2);
        assertThat(((Statement.Assign) statements.get(1)).op())
                .isEqualTo(new Op.GetSession(client(9, 23, "c2"), Op.GetKind.GET1));
    }

    @Test
    void aBodyCannotUseANameItBindsOnlyLaterInTheSameBody() {
        assertThat(errorsAfterPrelude("repeat 2 {", "  SSL_SESSION_free(s2)", "  s2 = SSL_get1_session(c1)", "}"))
                .containsExactly("t.lab:6:20: 's2' is not defined");
    }

    @Test
    void aBodyMayUseANameItRebindsLaterIfItWasBoundBeforeTheBlock() {
        assertThat(afterPrelude("repeat 2 {", "  SSL_SESSION_free(s1)", "  s1 = SSL_get1_session(c1)", "}"))
                .singleElement().isInstanceOf(Statement.Repeat.class);
    }

    @Test
    void aNameBoundInAnInnerBlockIsVisibleInTheOuterBlockAfterIt() {
        assertThat(afterPrelude("repeat 2 {", "repeat 2 {", "s2 = SSL_get1_session(c1)", "}", "SSL_SESSION_free(s2)", "}"))
                .singleElement().isInstanceOf(Statement.Repeat.class);
    }

    @Test
    void rebindingToAnotherKindInsideABodyIsStillAnError() {
        assertThat(errorsAfterPrelude("repeat 2 {", "  c1 = SSL_get1_session(c1)", "}"))
                .containsExactly("t.lab:6:3: 'c1' is a connection (line 3), cannot rebind it to a session");
    }

    // ---- robustness ----

    @Test
    void randomBracesAndRepeatLinesNeverCrashTheParser() {
        List<String> fragments = List.of("repeat", "repeat 2 {", "{", "}", "3", "0", "-1", "x", "stack libssl",
                "advance 1s", "SSL_read(c1)", "s2 = SSL_get1_session(c1)", "SSL_SESSION_free(s2)", "#", "=", ";", " ");
        Random random = new Random(20250101L);
        for (int n = 0; n < 2000; n++) {
            StringBuilder source = new StringBuilder(String.join("\n", Lab.PRELUDE));
            int lines = 1 + random.nextInt(6);
            for (int l = 0; l < lines; l++) {
                source.append('\n');
                for (int t = random.nextInt(4); t >= 0; t--) source.append(fragments.get(random.nextInt(fragments.size()))).append(' ');
            }
            try {
                ScenarioParser.parse(Lab.FILE, source.toString());
            } catch (ScenarioException e) {
                assertThat(e.diagnostics()).isNotEmpty().allSatisfy(d -> {
                    assertThat(d.position().line()).isBetween(Lab.PRELUDE.size() + 1, Lab.PRELUDE.size() + lines);
                    assertThat(d.position().column()).isPositive();
                });
            } catch (RuntimeException e) {
                throw new AssertionError("crashed on:\n" + source, e);
            }
        }
    }
}
