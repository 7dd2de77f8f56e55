package sessionlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sessionlab.scenario.Token.Kind;

/**
 * Recursive descent over the tokens of one line. Stops at the first error of the line (by throwing
 * {@link SyntaxError}): after a syntax error the rest of a line rarely means anything.
 */
final class LineParser {
    static final Set<String> RESERVED = Set.of("expect", "advance", "note", "stack", "repeat");
    private static final Set<Kind> COMPARISONS = Set.of(Kind.EQ, Kind.NE, Kind.LT, Kind.LE, Kind.GT, Kind.GE);

    private final List<Token> tokens;
    private int i;

    private LineParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @param tokens a non-blank line, ending in {@link Kind#END} */
    static Syntax parse(List<Token> tokens) {
        LineParser p = new LineParser(tokens);
        Syntax s = p.statement();
        p.expectEnd();
        return s;
    }

    private Syntax statement() {
        Token first = peek(0);
        if (first.is(Kind.RBRACE)) {
            i++;
            Token after = peek(0);
            if (!after.is(Kind.END)) throw error(after, "unexpected " + after.display() + " after '}'; a '}' stands on its own line");
            return new Syntax.Close(first);
        }
        if (first.is(Kind.LBRACE)) {
            throw error(first, "'{' goes at the end of the repeat line, e.g. repeat 3 {");
        }
        if (!first.is(Kind.NAME)) {
            throw error(first, "a statement starts with a name, a call or a keyword "
                    + "(expect, advance, note, stack), got " + first.display());
        }
        if (RESERVED.contains(first.text())) {
            if (peek(1).is(Kind.ASSIGN)) {
                throw error(first, "'" + first.text() + "' is a reserved word and cannot be assigned");
            }
            i++;
            return keywordStatement(first);
        }
        if (peek(1).is(Kind.ASSIGN)) {
            i += 2;
            Token callName = peek(0);
            if (!callName.is(Kind.NAME) || !peek(1).is(Kind.LPAREN)) {
                throw error(callName, "expected a call after '=', e.g. s1 = SSL_get1_session(c1), got "
                        + callName.display());
            }
            return new Syntax.Assign(first, call());
        }
        if (peek(1).is(Kind.LPAREN)) {
            return new Syntax.BareCall(call());
        }
        throw error(peek(1), "expected '(' or '=' after '" + first.text() + "', got " + peek(1).display());
    }

    private Syntax keywordStatement(Token keyword) {
        Token arg = peek(0);
        switch (keyword.text()) {
            case "expect" -> {
                if (arg.is(Kind.END)) throw error(arg, "expect needs an expression, e.g. expect resumable(s1)");
                Syntax.Expression expr = or();
                if (peek(0).is(Kind.ASSIGN)) throw error(peek(0), "'=' assigns; compare with '=='");
                return new Syntax.Expect(keyword, expr);
            }
            case "advance" -> {
                if (!arg.is(Kind.NUMBER)) throw error(arg, "advance needs a duration, e.g. advance 2h, got "
                        + arg.display());
                i++;
                return new Syntax.Advance(keyword, arg);
            }
            case "note" -> {
                if (!arg.is(Kind.STRING)) throw error(arg, "note needs a string in double quotes, got "
                        + arg.display());
                i++;
                return new Syntax.Note(keyword, arg);
            }
            case "stack" -> {
                if (!arg.is(Kind.NAME)) throw error(arg, "stack needs a name (libssl, jsse, bc), got "
                        + arg.display());
                i++;
                return new Syntax.Stack(keyword, arg);
            }
            case "repeat" -> {
                return repeat(keyword, arg);
            }
            default -> throw new IllegalStateException("not a keyword: " + keyword.text());
        }
    }

    /** {@code repeat N} and an opening brace that ends the line; the count's value is checked later. */
    private Syntax repeat(Token keyword, Token count) {
        if (!(count.is(Kind.NUMBER) || count.is(Kind.NAME) || count.is(Kind.WORD) || count.is(Kind.STRING))) {
            throw error(count, "repeat needs a count, e.g. repeat 3 {, got " + count.display());
        }
        i++;
        Token brace = peek(0);
        if (!brace.is(Kind.LBRACE)) throw error(brace, "expected '{' after repeat " + count.source() + ", got "
                + brace.display());
        i++;
        Token after = peek(0);
        if (!after.is(Kind.END)) throw error(after, "unexpected " + after.display()
                + " after '{'; the statements of a block go on the following lines");
        return new Syntax.Repeat(keyword, count);
    }

    private Syntax.Call call() {
        Token name = next();
        next(); // '(' was checked by the caller
        List<Syntax.Arg> args = new ArrayList<>();
        if (!peek(0).is(Kind.RPAREN)) {
            args.add(arg());
            while (peek(0).is(Kind.COMMA)) {
                i++;
                args.add(arg());
            }
        }
        closeParen("',' or ')'");
        return new Syntax.Call(name, List.copyOf(args));
    }

    private Syntax.Arg arg() {
        Token t = peek(0);
        switch (t.kind()) {
            case NAME -> {
                rejectNestedCall();
                i++;
                if (peek(0).is(Kind.ASSIGN)) {
                    i++;
                    return new Syntax.Option(t, value(t));
                }
                if (peek(0).is(Kind.DOT)) {
                    i++;
                    Token suffix = peek(0);
                    if (!suffix.is(Kind.NAME)) throw error(suffix, "expected 'server' after '" + t.text()
                            + ".', got " + suffix.display());
                    i++;
                    return new Syntax.NameArg(t, Optional.of(suffix));
                }
                return new Syntax.NameArg(t, Optional.empty());
            }
            case NUMBER, STRING, WORD -> {
                i++;
                return new Syntax.Literal(t);
            }
            default -> throw error(t, "expected an argument, got " + t.display());
        }
    }

    /** An option's value: {@code tls1.3}, {@code 2}, {@code client+no_auto_clear}, {@code +2h}. */
    private Syntax.Value value(Token key) {
        Token start = peek(0);
        boolean leadingPlus = start.is(Kind.PLUS);
        if (leadingPlus) i++;
        List<Token> parts = new ArrayList<>();
        parts.add(valuePart(key));
        while (peek(0).is(Kind.PLUS)) {
            i++;
            parts.add(valuePart(key));
        }
        return new Syntax.Value(start.position(), leadingPlus, List.copyOf(parts));
    }

    private Token valuePart(Token key) {
        Token t = peek(0);
        if (t.is(Kind.NAME)) rejectNestedCall();
        if (!(t.is(Kind.NAME) || t.is(Kind.NUMBER) || t.is(Kind.WORD) || t.is(Kind.STRING))) {
            throw error(t, "expected a value for " + key.text() + "=, got " + t.display());
        }
        i++;
        return t;
    }

    private void rejectNestedCall() {
        if (peek(1).is(Kind.LPAREN)) throw error(peek(0), "calls do not nest; assign first");
    }

    // Precedence as in C: ! binds tightest, then comparisons, then &&, then ||.

    private Syntax.Expression or() {
        Syntax.Expression left = and();
        while (peek(0).is(Kind.OR)) {
            Token op = next();
            left = new Syntax.Binary(op, left, and());
        }
        return left;
    }

    private Syntax.Expression and() {
        Syntax.Expression left = comparison();
        while (peek(0).is(Kind.AND)) {
            Token op = next();
            left = new Syntax.Binary(op, left, comparison());
        }
        return left;
    }

    private Syntax.Expression comparison() {
        Syntax.Expression left = unary();
        if (!COMPARISONS.contains(peek(0).kind())) return left;
        Token op = next();
        Syntax.Expression result = new Syntax.Binary(op, left, unary());
        // C would accept a < b < c and compare a boolean with c: almost surely not what was meant.
        if (COMPARISONS.contains(peek(0).kind())) throw error(peek(0), "comparisons do not chain; use &&");
        return result;
    }

    private Syntax.Expression unary() {
        if (peek(0).is(Kind.NOT)) {
            Token op = next();
            return new Syntax.Not(op, unary());
        }
        return primary();
    }

    private Syntax.Expression primary() {
        Token t = peek(0);
        switch (t.kind()) {
            case LPAREN -> {
                i++;
                Syntax.Expression inner = or();
                closeParen("')'");
                return new Syntax.Group(t.position(), inner);
            }
            case NUMBER, WORD -> {
                i++;
                return new Syntax.Atom(t);
            }
            case NAME -> {
                if (peek(1).is(Kind.LPAREN)) return new Syntax.FnCall(call());
                throw error(t, "expected a function call, number or version, got '" + t.text()
                        + "' (e.g. resumable(" + t.text() + "))");
            }
            default -> {
                String after = i > 0 ? " after " + tokens.get(i - 1).display() : "";
                throw error(t, "expected an expression" + after + ", got " + t.display());
            }
        }
    }

    /** At end of line the only helpful advice is to close; elsewhere say what would have fit. */
    private void closeParen(String expected) {
        Token t = peek(0);
        if (t.is(Kind.RPAREN)) {
            i++;
            return;
        }
        if (t.is(Kind.END)) throw error(t, "expected ')'");
        throw error(t, "expected " + expected + ", got " + t.display());
    }

    private void expectEnd() {
        Token t = peek(0);
        if (t.is(Kind.END)) return;
        throw error(t, "unexpected " + t.display() + " after the end of the statement");
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(i + ahead, tokens.size() - 1));
    }

    private Token next() {
        return tokens.get(i++);
    }

    private static SyntaxError error(Token at, String message) {
        return new SyntaxError(at.position(), message);
    }
}
