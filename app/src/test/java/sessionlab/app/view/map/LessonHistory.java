package sessionlab.app.view.map;

import java.nio.file.Files;
import java.nio.file.Path;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioParser;

/** The default lesson run once on real libssl per test JVM, and the states at the ends of its lines. */
final class LessonHistory {
    private static History history;

    private LessonHistory() {}

    static synchronized History get() throws Exception {
        if (history == null) {
            Path lesson = Path.of("../samples/01-tls13-ticket-timing.lab");
            EventLog log = new EventLog();
            ScenarioRunner.run(ScenarioParser.parse("01.lab", Files.readString(lesson)),
                    Stacks.standard().byName("libssl").orElseThrow(), log);
            history = new History(log.events());
        }
        return history;
    }

    /** The state after the last event of scenario line {@code line}. */
    static LabState endOfLine(int line) throws Exception {
        History h = get();
        int[] starts = h.statementStarts();
        for (int i = 0; i < starts.length; i++) {
            var e = (Event.StatementStarted) h.events().get(starts[i]).event();
            if (e.line() == line) return h.stateAt(i + 1 < starts.length ? starts[i + 1] - 1 : h.size() - 1);
        }
        throw new AssertionError("no line " + line);
    }
}
