package sessionlab.run;

import java.util.List;
import java.util.Optional;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.event.EventSink;
import sessionlab.scenario.EvaluationException;
import sessionlab.scenario.ExpectEvaluator;
import sessionlab.scenario.Scenario;
import sessionlab.scenario.Statement;
import sessionlab.stack.Capability;
import sessionlab.stack.StackException;
import sessionlab.stack.StackRun;
import sessionlab.stack.TlsStack;
import sessionlab.wire.VirtualClock;

/**
 * Runs a checked scenario on one stack, statement by statement. A statement that cannot run is an
 * error event and the run goes on; expectations pass or fail with the values they saw. A repeat
 * block runs its body as many times as it says, each statement of each pass announced by its own line.
 */
public final class ScenarioRunner {
    private final StackRun run;
    private final EventSink sink;
    private int passed, failed, errors;

    private ScenarioRunner(StackRun run, EventSink sink) {
        this.run = run;
        this.sink = sink;
    }

    public static RunResult run(Scenario scenario, TlsStack stack, EventLog log) {
        VirtualClock clock = new VirtualClock();
        EventSink sink = new EventSink(log, clock::now);
        List<String> keyLog = List.of();
        sink.emit(new Event.RunStarted(scenario.file(), stack.name(), stack.availability().version(),
                stack.capabilities().contains(Capability.REFERENCE_COUNTS), caveats(stack)));
        StackRun run;
        try {
            run = stack.open(sink, clock);
        } catch (StackException e) {
            sink.emit(new Event.Error(null, e.kind(), e.getMessage()));
            sink.emit(new Event.RunFinished(0, 0, 1, 0));
            return new RunResult(log, 0, 0, 1, 0, keyLog);
        }
        ScenarioRunner runner = new ScenarioRunner(run, sink);
        try {
            scenario.statements().forEach(runner::execute);
        } finally {
            run.close();
            keyLog = run.keyLog();
        }
        int leaks = log.ofType(Event.Leak.class).size();
        sink.emit(new Event.RunFinished(runner.passed, runner.failed, runner.errors, leaks));
        return new RunResult(log, runner.passed, runner.failed, runner.errors, leaks, keyLog);
    }

    /** Announces the statement's line, then runs it; a repeat block runs its body {@code count} times. */
    private void execute(Statement st) {
        int line = st.position().line();
        sink.emit(new Event.StatementStarted(line, st.text()));
        if (st instanceof Statement.Repeat r) {
            for (int pass = 0; pass < r.count(); pass++) r.body().forEach(this::execute);
            return;
        }
        try {
            perform(st, line);
        } catch (StackException e) {
            errors++;
            sink.emit(new Event.Error(line, e.kind(), st.position() + ": " + e.getMessage()));
        } catch (EvaluationException e) {
            errors++;
            sink.emit(new Event.Error(line, "expect", st.position() + ": " + st.text() + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            errors++;
            sink.emit(new Event.Error(line, "internal", st.position() + ": internal error: " + e));
        }
        run.settle();
    }

    private void perform(Statement st, int line) throws StackException, EvaluationException {
        switch (st) {
            case Statement.Assign a -> run.perform(a.op(), Optional.of(a.name()), a.position());
            case Statement.Call c -> run.perform(c.op(), Optional.empty(), c.position());
            case Statement.Advance a -> run.advance(a.duration());
            case Statement.Note n -> sink.emit(new Event.Note(line, n.message()));
            case Statement.Stack s -> { }
            case Statement.Repeat r -> throw new IllegalStateException("a repeat block is run by execute");
            case Statement.Expect x -> {
                ExpectEvaluator.Outcome o = ExpectEvaluator.evaluate(x.expr(), run::evaluate);
                String observed = ExpectEvaluator.describe(o);
                if (o.passed()) {
                    passed++;
                    sink.emit(new Event.ExpectPass(line, x.text(), observed));
                } else {
                    failed++;
                    sink.emit(new Event.ExpectFail(line, x.text(), observed));
                }
            }
        }
    }

    private static List<String> caveats(TlsStack stack) {
        List<String> caveats = new java.util.ArrayList<>();
        if (!stack.capabilities().contains(Capability.REFERENCE_COUNTS)) {
            caveats.add(stack.name() + " shows no reference counts: they are unknown here, not zero");
        }
        caveats.addAll(stack.caveats());
        return caveats;
    }
}
