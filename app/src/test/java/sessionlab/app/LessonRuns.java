package sessionlab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioParser;

/** Real runs of the repository's lessons for view tests. */
public final class LessonRuns {
    private LessonRuns() {}

    /** {@code samples/<lesson>} run on {@code stack}: the state at the end of the first statement that starts with {@code statement}. */
    public static LabState after(String lesson, String stack, String statement) throws Exception {
        Path file = Path.of("../samples", lesson);
        EventLog log = new EventLog();
        ScenarioRunner.run(ScenarioParser.parse(file.getFileName().toString(), Files.readString(file)),
                Stacks.standard().byName(stack).orElseThrow(), log);
        History h = new History(log.events());
        int[] starts = h.statementStarts();
        for (int i = 0; i < starts.length; i++) {
            if (((Event.StatementStarted) h.events().get(starts[i]).event()).text().startsWith(statement)) {
                return h.stateAt(i + 1 < starts.length ? starts[i + 1] - 1 : h.size() - 1);
            }
        }
        throw new AssertionError("no statement '" + statement + "' in " + lesson);
    }
}
