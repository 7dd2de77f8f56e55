package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Test helpers: scenarios written as lines, positions in file {@code t.lab}. */
final class Lab {
    static final String FILE = "t.lab";

    /** Four lines that bind client and server contexts, connection c1 and session s1. */
    static final List<String> PRELUDE = List.of(
            "client = SSL_CTX_new(client)",
            "server = SSL_CTX_new(server)",
            "c1 = connect(client, server)",
            "s1 = SSL_get1_session(c1)");

    private Lab() {}

    static Position at(int line, int column) {
        return new Position(FILE, line, column);
    }

    static Scenario parse(String... lines) {
        String source = String.join("\n", lines);
        try {
            return ScenarioParser.parse(FILE, source);
        } catch (ScenarioException e) {
            throw new AssertionError("expected to parse, got " + e.diagnostics(), e);
        }
    }

    /** The statements of the lines after {@link #PRELUDE}; the first of them is on line 5. */
    static List<Statement> afterPrelude(String... lines) {
        List<Statement> all = parse(withPrelude(lines)).statements();
        return all.subList(PRELUDE.size(), all.size());
    }

    /** The op of the only statement after the prelude. */
    static Op op(String line) {
        Statement s = afterPrelude(line).getFirst();
        return switch (s) {
            case Statement.Assign a -> a.op();
            case Statement.Call c -> c.op();
            default -> throw new AssertionError("not a call: " + s);
        };
    }

    /** The expression of the only {@code expect} after the prelude. */
    static Expr expr(String expression) {
        return ((Statement.Expect) afterPrelude("expect " + expression).getFirst()).expr();
    }

    /** Every diagnostic, rendered {@code t.lab:line:col: message}. */
    static List<String> errors(String... lines) {
        AtomicReference<ScenarioException> thrown = new AtomicReference<>();
        assertThatThrownBy(() -> ScenarioParser.parse(FILE, String.join("\n", lines)))
                .isInstanceOfSatisfying(ScenarioException.class, thrown::set);
        return thrown.get().diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** Diagnostics of the given lines placed after the prelude (so they start on line 5). */
    static List<String> errorsAfterPrelude(String... lines) {
        return errors(withPrelude(lines));
    }

    static String[] withPrelude(String... lines) {
        List<String> all = new ArrayList<>(PRELUDE);
        all.addAll(List.of(lines));
        return all.toArray(String[]::new);
    }
}
