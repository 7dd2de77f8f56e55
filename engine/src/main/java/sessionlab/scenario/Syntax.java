package sessionlab.scenario;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed but unchecked line. Names are still just tokens here; the checker resolves them
 * against the bindings seen so far, which a context-free parser cannot know.
 */
sealed interface Syntax {
    Token first();

    record Assign(Token name, Call call) implements Syntax {
        public Token first() { return name; }
    }
    record BareCall(Call call) implements Syntax {
        public Token first() { return call.name(); }
    }
    record Expect(Token keyword, Expression expr) implements Syntax {
        public Token first() { return keyword; }
    }
    record Advance(Token keyword, Token amount) implements Syntax {
        public Token first() { return keyword; }
    }
    record Note(Token keyword, Token text) implements Syntax {
        public Token first() { return keyword; }
    }
    record Stack(Token keyword, Token name) implements Syntax {
        public Token first() { return keyword; }
    }
    /** <code>repeat N {</code> opens a block; the count is typed by the checker. */
    record Repeat(Token keyword, Token count) implements Syntax {
        public Token first() { return keyword; }
    }
    /** A line <code>}</code> closes the innermost block. */
    record Close(Token brace) implements Syntax {
        public Token first() { return brace; }
    }

    /** {@code name(args)}, a statement call or an expectation function call. */
    record Call(Token name, List<Arg> args) {
        String source() {
            return name.text() + args.stream().map(Arg::source).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    sealed interface Arg {
        Position position();
        /** The argument as written, normalized: {@code c1.server}, {@code cache=client+no_auto_clear}. */
        String source();
    }
    /** {@code c1} or {@code c1.server} (the suffix is checked later, so that its error can say more). */
    record NameArg(Token name, Optional<Token> suffix) implements Arg {
        public Position position() { return name.position(); }
        public String source() { return name.text() + suffix.map(s -> "." + s.text()).orElse(""); }
    }
    /** A number, duration, string or dotted word. */
    record Literal(Token token) implements Arg {
        public Position position() { return token.position(); }
        public String source() { return token.source(); }
    }
    /** {@code key=value}; a bare flag such as {@code no_ticket} parses as a {@link NameArg}. */
    record Option(Token key, Value value) implements Arg {
        public Position position() { return key.position(); }
        public String source() { return key.text() + "=" + value.source(); }
    }
    /** An option value; its parts were joined by {@code +}, as in {@code client+no_auto_clear} or {@code +2h}. */
    record Value(Position position, boolean leadingPlus, List<Token> parts) {
        String source() {
            return (leadingPlus ? "+" : "") + parts.stream().map(Token::source).collect(Collectors.joining("+"));
        }
    }

    /** Expressions of {@code expect}, untyped. */
    sealed interface Expression {
        Position position();
        String source();
    }
    record Atom(Token token) implements Expression {
        public Position position() { return token.position(); }
        public String source() { return token.source(); }
    }
    record FnCall(Call call) implements Expression {
        public Position position() { return call.name().position(); }
        public String source() { return call.source(); }
    }
    record Not(Token op, Expression operand) implements Expression {
        public Position position() { return op.position(); }
        public String source() { return "!" + operand.source(); }
    }
    record Binary(Token op, Expression left, Expression right) implements Expression {
        public Position position() { return left.position(); }
        public String source() { return left.source() + " " + op.text() + " " + right.source(); }
    }
    record Group(Position position, Expression inner) implements Expression {
        public String source() { return "(" + inner.source() + ")"; }
    }
}
