package sessionlab.app.view.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sessionlab.app.model.History;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioException;
import sessionlab.scenario.ScenarioParser;

/** Real runs through libssl for the view tests: the default lesson, or any scenario text. */
public final class LessonRuns {
    private LessonRuns() {}

    public static String defaultLessonSource() {
        try {
            return Files.readString(Path.of("../samples/01-tls13-ticket-timing.lab"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static History defaultLesson() {
        return run(defaultLessonSource());
    }

    public static History run(String source) {
        EventLog log = new EventLog();
        try {
            ScenarioRunner.run(ScenarioParser.parse("test.lab", source), Stacks.standard().byName("libssl").orElseThrow(), log);
        } catch (ScenarioException e) {
            throw new AssertionError("the test scenario does not parse: " + e.diagnostics(), e);
        }
        return new History(log.events());
    }

    /** The last event of the statement on scenario line {@code line}. */
    public static int endOfLine(History history, int line) {
        int[] starts = history.statementStarts();
        for (int i = 0; i < starts.length; i++) {
            var e = (Event.StatementStarted) history.events().get(starts[i]).event();
            if (e.line() == line) return i + 1 < starts.length ? starts[i + 1] - 1 : history.size() - 1;
        }
        throw new AssertionError("no line " + line);
    }

    /** A TLS 1.3 scenario with {@code n} connections, each reading its tickets: about 11 records each. */
    public static String manyConnections(int n) {
        StringBuilder s = new StringBuilder("stack libssl\nclient = SSL_CTX_new(client, max=tls1.3, cache=client)\n"
                + "server = SSL_CTX_new(server, tickets=2)\n");
        for (int i = 1; i <= n; i++) s.append("c").append(i).append(" = connect(client, server)\nSSL_read(c").append(i).append(")\n");
        return s.toString();
    }
}
