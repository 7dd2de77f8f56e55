package sessionlab.scenario;

import java.util.ArrayList;
import java.util.List;
import sessionlab.scenario.Token.Kind;

/**
 * Splits one scenario line into tokens. Statements never span lines, so lexing line by line keeps
 * positions trivial and lets one bad line fail without disturbing the others.
 */
final class Lexer {
    /** The tokens (ending in {@link Kind#END}) and the line's text without its comment, trimmed. */
    record Line(List<Token> tokens, String text) {
        boolean isBlank() {
            return tokens.size() == 1;
        }
    }

    private final String file;
    private final int lineNumber;
    private final String line;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private Lexer(String file, int lineNumber, String line) {
        this.file = file;
        this.lineNumber = lineNumber;
        this.line = line;
    }

    /** @throws SyntaxError at the first character that cannot start or continue a token */
    static Line lex(String file, int lineNumber, String line) {
        return new Lexer(file, lineNumber, line).run();
    }

    private Line run() {
        int contentEnd = line.length();
        int lastEnd = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            if (c == '#') {
                contentEnd = i;
                break;
            }
            scanToken(c);
            lastEnd = i;
        }
        tokens.add(new Token(Kind.END, "", at(lastEnd)));
        return new Line(List.copyOf(tokens), line.substring(0, contentEnd).strip());
    }

    private void scanToken(char c) {
        int start = i;
        if (isNameStart(c)) {
            scanName(start);
        } else if (isDigit(c) || (c == '-' && isDigit(peek(1)))) {
            scanNumber(start);
        } else if (c == '"') {
            scanString(start);
        } else {
            scanSymbol(c, start);
        }
    }

    private void scanName(int start) {
        while (isNameChar(peek(0))) i++;
        // tls1.2: a dotted number glued to a name is part of it; c1.server stays three tokens.
        if (peek(0) == '.' && isDigit(peek(1))) {
            i++;
            while (isNameChar(peek(0))) i++;
            add(Kind.WORD, start);
        } else {
            add(Kind.NAME, start);
        }
    }

    /** Unit letters stay glued on so that {@code 300s} is one token and {@code 300} can be told apart. */
    private void scanNumber(int start) {
        if (peek(0) == '-') i++;
        while (isDigit(peek(0))) i++;
        if (peek(0) == '.' && isDigit(peek(1))) {
            i++;
            while (isDigit(peek(0))) i++;
        }
        while (isNameChar(peek(0))) i++;
        add(Kind.NUMBER, start);
    }

    private void scanString(int start) {
        StringBuilder value = new StringBuilder();
        i++;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                i++;
                tokens.add(new Token(Kind.STRING, value.toString(), at(start)));
                return;
            }
            if (c == '\\') {
                char next = peek(1);
                if (next != '"' && next != '\\') {
                    String shown = next == 0 ? "\\" : "\\" + next;
                    throw new SyntaxError(at(i), "unknown escape '" + shown + "' in string (only \\\" and \\\\)");
                }
                value.append(next);
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        throw new SyntaxError(at(start), "unterminated string");
    }

    private void scanSymbol(char c, int start) {
        char next = peek(1);
        Kind kind = switch (c) {
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case ',' -> Kind.COMMA;
            case '.' -> Kind.DOT;
            case '+' -> Kind.PLUS;
            case '=' -> next == '=' ? Kind.EQ : Kind.ASSIGN;
            case '!' -> next == '=' ? Kind.NE : Kind.NOT;
            case '<' -> next == '=' ? Kind.LE : Kind.LT;
            case '>' -> next == '=' ? Kind.GE : Kind.GT;
            case '&' -> next == '&' ? Kind.AND : null;
            case '|' -> next == '|' ? Kind.OR : null;
            default -> null;
        };
        if (kind == null) {
            String hint = c == '&' || c == '|' ? " (did you mean '" + c + c + "'?)" : "";
            throw new SyntaxError(at(start), "unexpected character '" + Character.toString(line.codePointAt(start))
                    + "'" + hint);
        }
        i += kind.symbol().length();
        add(kind, start);
    }

    private void add(Kind kind, int start) {
        tokens.add(new Token(kind, line.substring(start, i), at(start)));
    }

    private Position at(int index) {
        return new Position(file, lineNumber, index + 1);
    }

    private char peek(int ahead) {
        int j = i + ahead;
        return j < line.length() ? line.charAt(j) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
