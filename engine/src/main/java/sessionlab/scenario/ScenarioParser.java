package sessionlab.scenario;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code .lab} scenario: lexes and parses each line, then checks it against the names bound
 * by the lines before it. Either the whole file checks, or nothing of it runs and every problem found
 * is reported (the first of each line at least) in one {@link ScenarioException}.
 *
 * <p>Repeat blocks are checked once, in file order, as if their body ran once: a name bound in a
 * body is visible after it, and a body sees only the names bound before its own lines.
 */
public final class ScenarioParser {
    static final List<String> STACKS = List.of("libssl", "jsse", "bc");
    static final int MAX_REPEAT = 100_000;
    /** A line that did not parse but was meant to open or close a block, so that its partner still matches. */
    private static final Pattern OPENS = Pattern.compile("\\s*repeat(?![A-Za-z0-9_])(?!\\s*=)");
    private static final Pattern CLOSES = Pattern.compile("\\s*}");

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final ValueChecks values = new ValueChecks(diagnostics);
    private final Names names = new Names(diagnostics);
    private final CallChecker calls = new CallChecker(names, values);
    private final ExprChecker exprs = new ExprChecker(names, values);
    private final List<Statement> topLevel = new ArrayList<>();
    private final Deque<Block> open = new ArrayDeque<>();

    /** A repeat block being read. {@code count} is null when its line was wrong: then it yields nothing. */
    private record Block(Position position, String text, Integer count, List<Statement> body) {}

    private ScenarioParser() {}

    /**
     * @param file   the name positions are reported with, e.g. {@code scenarios/ticket-expiry.lab}
     * @param source the file's text
     * @throws ScenarioException with every diagnostic, in file order, if anything is wrong
     */
    public static Scenario parse(String file, String source) throws ScenarioException {
        return new ScenarioParser().run(file, source);
    }

    private Scenario run(String file, String source) throws ScenarioException {
        String[] lines = source.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            Lexer.Line line;
            Syntax syntax;
            try {
                line = Lexer.lex(file, n + 1, lines[n]);
                if (line.isBlank()) continue;
                syntax = LineParser.parse(line.tokens());
            } catch (SyntaxError e) {
                diagnostics.add(e.diagnostic());
                blockDespiteError(lines[n], e.diagnostic().position());
                bindDespiteError(lines[n], n + 1);
                continue;
            }
            switch (syntax) {
                case Syntax.Repeat r -> open(r, line.text());
                case Syntax.Close c -> {
                    if (open.isEmpty()) values.report(c.brace().position(), "'}' closes no repeat block");
                    else closeInnermost();
                }
                default -> {
                    Statement s = statement(syntax, line.text());
                    if (s != null) body().add(s);
                }
            }
        }
        for (Block b : open) {
            // A block whose own line was wrong has been reported there already.
            if (b.count() != null) values.report(b.position(), "repeat block is not closed: add a line '}' after its body");
        }
        if (!diagnostics.isEmpty()) {
            List<Diagnostic> sorted = new ArrayList<>(diagnostics);
            sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.position().line())
                    .thenComparingInt(d -> d.position().column()));
            throw new ScenarioException(sorted);
        }
        return new Scenario(file, source, topLevel);
    }

    /** Where the statement being read goes: the innermost open block's body, or the top level. */
    private List<Statement> body() {
        return open.isEmpty() ? topLevel : open.peek().body();
    }

    private void open(Syntax.Repeat r, String text) {
        Integer count = values.integer(r.count(), "repeat count", 1, MAX_REPEAT);
        open.push(new Block(r.keyword().position(), text, count, new ArrayList<>()));
    }

    private void closeInnermost() {
        Block b = open.pop();
        if (b.count() != null) body().add(new Statement.Repeat(b.position(), b.text(), b.count(), b.body()));
    }

    /** A wrong {@code repeat} line still opens its block and a wrong '}' line still closes one: one report per mistake. */
    private void blockDespiteError(String line, Position error) {
        if (OPENS.matcher(line).lookingAt()) {
            open.push(new Block(error, line.strip(), null, new ArrayList<>()));
        } else if (CLOSES.matcher(line).lookingAt() && !open.isEmpty()) {
            closeInnermost();
        }
    }

    /** {@code c1 = connect(client, server} is wrong, but c1 is still meant to exist: say so once, not at every use. */
    private void bindDespiteError(String line, int lineNumber) {
        String[] parts = line.split("=", 2);
        String name = parts[0].strip();
        if (parts.length == 2 && name.matches("[A-Za-z_][A-Za-z0-9_]*") && !parts[1].startsWith("=")
                && !LineParser.RESERVED.contains(name)) {
            names.bindIfAbsent(name, lineNumber);
        }
    }

    private Statement statement(Syntax syntax, String text) {
        Position at = syntax.first().position();
        return switch (syntax) {
            case Syntax.Assign a -> assign(a, at, text);
            case Syntax.BareCall c -> {
                Op op = call(c.call());
                yield op == null ? null : new Statement.Call(at, text, op);
            }
            case Syntax.Expect e -> {
                Expr expr = exprs.checkExpectation(e.expr());
                yield expr == null ? null : new Statement.Expect(at, text, expr);
            }
            case Syntax.Advance a -> {
                Duration d = values.duration(a.amount());
                yield d == null ? null : new Statement.Advance(at, text, d);
            }
            case Syntax.Note n -> new Statement.Note(at, text, n.text().text());
            case Syntax.Repeat r -> throw new IllegalStateException("blocks are opened by run()");
            case Syntax.Close c -> throw new IllegalStateException("blocks are closed by run()");
            case Syntax.Stack s -> {
                if (!open.isEmpty()) {
                    values.report(at, "stack cannot be inside a repeat block: the stack is chosen once, before the run");
                    yield null;
                }
                if (STACKS.contains(s.name().text())) yield new Statement.Stack(at, text, s.name().text());
                values.report(s.name().position(), "unknown stack " + s.name().display() + " (known: "
                        + String.join(", ", STACKS) + ")");
                yield null;
            }
        };
    }

    private Statement assign(Syntax.Assign a, Position at, String text) {
        Token callName = a.call().name();
        Optional<CallKind> kind = CallKind.of(callName.text());
        Op op = call(a.call());
        Optional<Names.Kind> binds = kind.flatMap(CallKind::binds);
        if (kind.isPresent() && binds.isEmpty()) {
            values.report(callName.position(), callName.text() + " returns no handle to name");
        }
        // Bound after the call is checked: s1 = SSL_get1_session(s1) must not see its own s1.
        Optional<Role> role = kind.orElse(null) == CallKind.CTX_NEW ? CallChecker.roleWord(a.call()) : Optional.empty();
        names.bind(a.name(), binds.orElse(Names.Kind.UNKNOWN), role);
        if (op == null || binds.isEmpty()) return null;
        return new Statement.Assign(at, text, a.name().text(), op);
    }

    private Op call(Syntax.Call call) {
        String name = call.name().text();
        Optional<CallKind> kind = CallKind.of(name);
        if (kind.isPresent()) return calls.check(kind.get(), call);
        if (Functions.byWord(name).isPresent()) {
            values.report(call.name().position(), name + " is an expectation function, not a call; "
                    + "use it in expect, e.g. expect " + call.source());
        } else {
            values.report(call.name().position(), "unknown call '" + name + "'" + Suggest.hint(name, CallKind.NAMES));
        }
        return null;
    }
}
