package sessionlab.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One line of a scenario, or a repeat block of lines. {@code text} is the statement as written (comment and
 * surrounding blanks removed); for a block, its opening line.
 */
public sealed interface Statement {
    Position position();
    String text();

    /** {@code NAME = CALL(...)}: binds a context, a connection or a session. */
    record Assign(Position position, String text, String name, Op op) implements Statement {}
    record Call(Position position, String text, Op op) implements Statement {}
    record Expect(Position position, String text, Expr expr) implements Statement {}
    record Advance(Position position, String text, Duration duration) implements Statement {}
    record Note(Position position, String text, String message) implements Statement {}
    record Stack(Position position, String text, String stack) implements Statement {}
    /** <code>repeat N {</code> ... <code>}</code>: the body runs {@code count} times; never holds a {@link Stack}. */
    record Repeat(Position position, String text, int count, List<Statement> body) implements Statement {
        public Repeat {
            body = List.copyOf(body);
        }
    }
}
