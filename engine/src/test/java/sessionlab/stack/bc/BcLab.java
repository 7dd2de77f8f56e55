package sessionlab.stack.bc;

import sessionlab.wire.WireFaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.event.LoggedEvent;
import sessionlab.pki.DemoPki;
import sessionlab.run.RunResult;
import sessionlab.run.ScenarioRunner;
import sessionlab.scenario.ScenarioException;
import sessionlab.scenario.ScenarioParser;

/** Test helper: runs scenario text on the real bctls and answers questions about the log. */
record BcLab(RunResult result) {
    static final DemoPki PKI = DemoPki.generate();

    static BcLab run(String source) {
        return run(source, WireFaults.NONE);
    }

    static BcLab run(String source, WireFaults faults) {
        try {
            return new BcLab(ScenarioRunner.run(ScenarioParser.parse("test.lab", source), new BcStack(PKI, faults), new EventLog()));
        } catch (ScenarioException e) {
            throw new AssertionError("test scenario does not parse: " + e.diagnostics());
        }
    }

    /** Runs and checks that every expectation passed and no statement failed. */
    static BcLab passing(String source) {
        BcLab lab = run(source);
        assertThat(lab.result.exitCode()).as(lab.problems()).isZero();
        assertThat(lab.result.passed()).as("the scenario proves something").isPositive();
        return lab;
    }

    /** What the scenario's statements caused, and run.finished: the log without the end-of-run report (its leaks and what follows). */
    <T extends Event> List<T> events(Class<T> type) {
        List<Event> kept = new java.util.ArrayList<>();
        boolean report = false;
        for (LoggedEvent le : result.log().events()) {
            report |= le.event() instanceof Event.Leak;
            if (!report || le.event() instanceof Event.RunFinished) kept.add(le.event());
        }
        return kept.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The whole log, the end-of-run report included. */
    <T extends Event> List<T> allEvents(Class<T> type) {
        return result.log().ofType(type);
    }

    <T extends Event> Stream<T> stream(Class<T> type) {
        return events(type).stream();
    }

    List<Event.Error> errors() {
        return events(Event.Error.class);
    }

    /** The failures and errors, readable, for assertion messages. */
    String problems() {
        StringBuilder sb = new StringBuilder();
        events(Event.ExpectFail.class).forEach(f -> sb.append("line ").append(f.line()).append(": ").append(f.text())
                .append(" [").append(f.observed()).append("]\n"));
        errors().forEach(e -> sb.append(e.kind()).append(": ").append(e.message()).append('\n'));
        return sb.toString();
    }
}
