package sessionlab.stack.jsse;

import sessionlab.wire.WireFaults;

import java.util.List;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.event.LoggedEvent;
import sessionlab.pki.DemoPki;
import sessionlab.run.RunResult;
import sessionlab.run.ScenarioRunner;
import sessionlab.scenario.ScenarioException;
import sessionlab.scenario.ScenarioParser;

/** Test helper: runs scenario text on the real SunJSSE and answers questions about the log. */
record JsseLab(RunResult result) {
    static final DemoPki PKI = DemoPki.generate();

    static JsseLab run(String source) {
        return run(source, WireFaults.NONE);
    }

    static JsseLab run(String source, WireFaults fault) {
        try {
            return new JsseLab(ScenarioRunner.run(ScenarioParser.parse("test.lab", source), new JsseStack(PKI, fault), new EventLog()));
        } catch (ScenarioException e) {
            throw new AssertionError("test scenario does not parse: " + e.diagnostics());
        }
    }

    /** Runs and requires every expectation to pass without an error. */
    static JsseLab passing(String source) {
        JsseLab lab = run(source);
        if (lab.result.exitCode() != 0) throw new AssertionError("the scenario did not pass on jsse:\n" + lab.problems());
        return lab;
    }

    <T extends Event> List<T> events(Class<T> type) {
        return result.log().ofType(type);
    }

    List<LoggedEvent> logged() {
        return result.log().events();
    }

    /** The error reported for a scenario line, or null. */
    Event.Error errorAt(int line) {
        return events(Event.Error.class).stream().filter(e -> e.line() != null && e.line() == line).findFirst().orElse(null);
    }

    /** Why a statement failed: the last error of its line (after any the wire reported while it ran). */
    Event.Error failureAt(int line) {
        return events(Event.Error.class).stream().filter(e -> e.line() != null && e.line() == line).reduce((a, b) -> b).orElse(null);
    }

    String problems() {
        StringBuilder sb = new StringBuilder();
        events(Event.ExpectFail.class).forEach(f -> sb.append("line ").append(f.line()).append(": ").append(f.text())
                .append(" [").append(f.observed()).append("]\n"));
        events(Event.Error.class).forEach(e -> sb.append(e.kind()).append(": ").append(e.message()).append('\n'));
        return sb.toString();
    }
}
