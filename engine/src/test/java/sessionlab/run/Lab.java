package sessionlab.run;

import java.util.List;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.scenario.ScenarioException;
import sessionlab.scenario.ScenarioParser;

/** Test helper: runs scenario text on the real libssl and answers questions about the log. */
public record Lab(RunResult result) {
    public static Lab run(String source) {
        try {
            return new Lab(ScenarioRunner.run(ScenarioParser.parse("test.lab", source),
                    Stacks.standard().byName("libssl").orElseThrow(), new EventLog()));
        } catch (ScenarioException e) {
            throw new AssertionError("test scenario does not parse: " + e.diagnostics());
        }
    }

    public <T extends Event> List<T> events(Class<T> type) {
        return result.log().ofType(type);
    }

    /** The failures and errors, readable, for assertion messages. */
    public String problems() {
        StringBuilder sb = new StringBuilder();
        events(Event.ExpectFail.class).forEach(f -> sb.append("line ").append(f.line()).append(": ").append(f.text())
                .append(" [").append(f.observed()).append("]\n"));
        events(Event.Error.class).forEach(e -> sb.append(e.message()).append('\n'));
        events(Event.RefcountMismatch.class).forEach(m -> sb.append("mismatch ").append(m).append('\n'));
        return sb.toString();
    }

    public boolean allPassed() {
        return result.exitCode() == 0 && events(Event.RefcountMismatch.class).isEmpty();
    }
}
