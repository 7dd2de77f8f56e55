package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sessionlab.scenario.Lab.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import sessionlab.scenario.Token.Kind;

class LexerTest {

    private static List<Token> tokens(String line) {
        return Lexer.lex(Lab.FILE, 1, line).tokens();
    }

    private static List<Kind> kinds(String line) {
        return tokens(line).stream().map(Token::kind).toList();
    }

    private static List<String> texts(String line) {
        return tokens(line).stream().map(Token::text).toList();
    }

    private static String errorOf(String line) {
        try {
            Lexer.lex(Lab.FILE, 1, line);
        } catch (SyntaxError e) {
            return e.diagnostic().toString();
        }
        throw new AssertionError("expected a lexical error in: " + line);
    }

    @Test
    void anAssignmentSplitsIntoNamesSymbolsAndWords() {
        assertThat(tokens("c = SSL_CTX_new(client, max=tls1.3)")).containsExactly(
                new Token(Kind.NAME, "c", at(1, 1)),
                new Token(Kind.ASSIGN, "=", at(1, 3)),
                new Token(Kind.NAME, "SSL_CTX_new", at(1, 5)),
                new Token(Kind.LPAREN, "(", at(1, 16)),
                new Token(Kind.NAME, "client", at(1, 17)),
                new Token(Kind.COMMA, ",", at(1, 23)),
                new Token(Kind.NAME, "max", at(1, 25)),
                new Token(Kind.ASSIGN, "=", at(1, 28)),
                new Token(Kind.WORD, "tls1.3", at(1, 29)),
                new Token(Kind.RPAREN, ")", at(1, 35)),
                new Token(Kind.END, "", at(1, 36)));
    }

    @Test
    void aServerSideStaysThreeTokensButAVersionIsOne() {
        assertThat(kinds("c1.server tls1.2")).containsExactly(Kind.NAME, Kind.DOT, Kind.NAME, Kind.WORD, Kind.END);
    }

    @Test
    void everyOperatorIsRecognisedLongestFirst() {
        assertThat(kinds("! != == = < <= > >= && || + . , ( )")).containsExactly(
                Kind.NOT, Kind.NE, Kind.EQ, Kind.ASSIGN, Kind.LT, Kind.LE, Kind.GT, Kind.GE, Kind.AND, Kind.OR,
                Kind.PLUS, Kind.DOT, Kind.COMMA, Kind.LPAREN, Kind.RPAREN, Kind.END);
    }

    @Test
    void operatorsNeedNoSpaces() {
        assertThat(texts("!a&&b||c<=1")).containsExactly("!", "a", "&&", "b", "||", "c", "<=", "1", "");
    }

    @Test
    void unitLettersStayGluedToTheirNumber() {
        assertThat(tokens("250ms 3 -1 1.5h")).containsExactly(
                new Token(Kind.NUMBER, "250ms", at(1, 1)),
                new Token(Kind.NUMBER, "3", at(1, 7)),
                new Token(Kind.NUMBER, "-1", at(1, 9)),
                new Token(Kind.NUMBER, "1.5h", at(1, 12)),
                new Token(Kind.END, "", at(1, 16)));
    }

    @Test
    void aStringDecodesItsTwoEscapes() {
        assertThat(tokens("note \"say \\\"hi\\\" \\\\ # not a comment\"")).containsExactly(
                new Token(Kind.NAME, "note", at(1, 1)),
                new Token(Kind.STRING, "say \"hi\" \\ # not a comment", at(1, 6)),
                new Token(Kind.END, "", at(1, 37)));
    }

    @Test
    void aCommentEndsTheLineAndIsCutFromTheText() {
        Lexer.Line line = Lexer.lex(Lab.FILE, 1, "  SSL_read(c1)   # read it  ");
        assertThat(line.text()).isEqualTo("SSL_read(c1)");
        assertThat(line.tokens()).hasSize(5);
        assertThat(line.tokens().getLast()).isEqualTo(new Token(Kind.END, "", at(1, 15)));
    }

    @Test
    void aLineOfOnlyACommentOrBlanksIsBlank() {
        assertThat(Lexer.lex(Lab.FILE, 1, "   # nothing").isBlank()).isTrue();
        assertThat(Lexer.lex(Lab.FILE, 1, " \t ").isBlank()).isTrue();
        assertThat(Lexer.lex(Lab.FILE, 1, "").isBlank()).isTrue();
        assertThat(Lexer.lex(Lab.FILE, 1, "x").isBlank()).isFalse();
    }

    @Test
    void aTabCountsAsOneColumn() {
        assertThat(tokens("\tSSL_read").getFirst().position()).isEqualTo(at(1, 2));
    }

    @Test
    void anUnterminatedStringIsReportedAtItsOpeningQuote() {
        assertThat(errorOf("note \"never closed")).isEqualTo("t.lab:1:6: unterminated string");
    }

    @Test
    void aBackslashAtTheEndOfALineLeavesTheStringUnterminated() {
        assertThat(errorOf("note \"a\\\"")).isEqualTo("t.lab:1:6: unterminated string");
    }

    @Test
    void anUnknownEscapeIsReportedAtItsBackslash() {
        assertThat(errorOf("note \"a\\nb\"")).isEqualTo("t.lab:1:8: unknown escape '\\n' in string (only \\\" and \\\\)");
    }

    @Test
    void aSingleAmpersandSuggestsTheDoubleOne() {
        assertThat(errorOf("expect a(x) & b(y)")).isEqualTo("t.lab:1:13: unexpected character '&' (did you mean '&&'?)");
        assertThat(errorOf("expect a(x) | b(y)")).isEqualTo("t.lab:1:13: unexpected character '|' (did you mean '||'?)");
    }

    @Test
    void aStrayCharacterIsReportedAtItsColumn() {
        assertThat(errorOf("SSL_read(c1);")).isEqualTo("t.lab:1:13: unexpected character ';'");
        assertThat(errorOf("x = é")).isEqualTo("t.lab:1:5: unexpected character 'é'");
    }
}
