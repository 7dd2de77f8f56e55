package sessionlab.app.view.inspect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sessionlab.app.model.History;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.event.LoggedEvent;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioParser;

/** Real runs of lessons on libssl, once per test JVM, and where their statements end. */
final class Lessons {
    static final String DEFAULT = "01-tls13-ticket-timing.lab";
    private static final Map<String, History> RUNS = new ConcurrentHashMap<>();

    private Lessons() {}

    static History sample(String file) {
        return RUNS.computeIfAbsent(file, f -> {
            try {
                return run(f, Files.readString(Path.of("../samples", f)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static History run(String name, String source) {
        try {
            EventLog log = new EventLog();
            ScenarioRunner.run(ScenarioParser.parse(name, source), Stacks.standard().byName("libssl").orElseThrow(), log);
            return new History(log.events());
        } catch (Exception e) {
            throw new AssertionError("could not run " + name, e);
        }
    }

    /** The last event of the statement on {@code line}. */
    static int endOfLine(History h, int line) {
        int[] starts = h.statementStarts();
        List<LoggedEvent> events = h.events();
        for (int i = 0; i < starts.length; i++)
            if (((Event.StatementStarted) events.get(starts[i]).event()).line() == line)
                return i + 1 < starts.length ? starts[i + 1] - 1 : h.size() - 1;
        throw new AssertionError("no statement on line " + line);
    }
}
