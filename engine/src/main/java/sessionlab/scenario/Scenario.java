package sessionlab.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A checked scenario: every statement parsed, every name bound before use, every option known.
 * {@code statements} are the top-level ones; a {@link Statement.Repeat} holds its body.
 */
public record Scenario(String file, String source, List<Statement> statements) {
    public Scenario {
        statements = List.copyOf(statements);
    }

    /** The stack named by a {@code stack} statement, if any (the CLI's --stack overrides it). */
    public Optional<String> stack() {
        return statements.stream()
                .filter(s -> s instanceof Statement.Stack)
                .map(s -> ((Statement.Stack) s).stack())
                .reduce((a, b) -> b);
    }
}
