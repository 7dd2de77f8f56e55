package sessionlab.app.playback;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import sessionlab.app.model.History;
import sessionlab.event.EventLog;
import sessionlab.run.RunResult;
import sessionlab.run.Stacks;
import sessionlab.scenario.Diagnostic;
import sessionlab.scenario.Scenario;
import sessionlab.scenario.ScenarioException;
import sessionlab.scenario.ScenarioParser;

/**
 * Runs a lesson through the engine on an injected executor (never the FX thread) and hands back
 * its history. The only place the app reaches the engine's runner; it never touches a stack itself.
 */
public final class LessonRunner {
    /** What a run gave: a history to play, or the diagnostics of a file that could not run. */
    public sealed interface Outcome {
        record Ran(String file, String source, History history, RunResult result) implements Outcome {}
        record Rejected(String file, String source, List<Diagnostic> diagnostics) implements Outcome {}
    }

    private final Executor executor;
    private final Stacks stacks;

    public LessonRunner(Executor executor, Stacks stacks) {
        this.executor = executor;
        this.stacks = stacks;
    }

    /** File work that may be slow (exports of long runs): on the same executor, never the FX thread. */
    @FunctionalInterface
    public interface IoTask {
        void run() throws java.io.IOException;
    }

    public CompletableFuture<Void> io(IoTask task) {
        return CompletableFuture.runAsync(() -> {
            try {
                task.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, executor);
    }

    /** The calls {@code stack} refuses outright, each with why: the menus grey them out. */
    public java.util.Map<String, String> refusedCalls(String stack) {
        return stacks.refusedCalls(stack);
    }

    public CompletableFuture<Outcome> run(String file, String source, String stackOverride) {
        return CompletableFuture.supplyAsync(() -> runNow(file, source, stackOverride), executor);
    }

    Outcome runNow(String file, String source, String stackOverride) {
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(file, source);
        } catch (ScenarioException e) {
            return new Outcome.Rejected(file, source, e.diagnostics());
        }
        String name = stackOverride != null ? stackOverride : scenario.stack().orElse("libssl");
        var problem = stacks.whyNot(name);
        if (problem.isPresent()) {
            return new Outcome.Rejected(file, source, List.of(new Diagnostic(new sessionlab.scenario.Position(file, 1, 1), problem.get())));
        }
        EventLog log = new EventLog();
        RunResult result = stacks.run(scenario, name, log);
        return new Outcome.Ran(file, source, new History(log.events()), result);
    }
}
