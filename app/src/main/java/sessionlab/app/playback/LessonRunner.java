package sessionlab.app.playback;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import sessionlab.app.model.History;
import sessionlab.event.EventLog;
import sessionlab.run.IsolatedRuns;
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
    /** Where libssl lessons run: a child process, so a native fault cannot take the window down (null: in this process). */
    private final IsolatedRuns isolated;

    /** Every stack in this process (tests, the headless self-test of a build). */
    public LessonRunner(Executor executor, Stacks stacks) {
        this(executor, stacks, null);
    }

    /** libssl lessons in {@code isolated}'s child process, the Java stacks in this one. */
    public LessonRunner(Executor executor, Stacks stacks, IsolatedRuns isolated) {
        this.executor = executor;
        this.stacks = stacks;
        this.isolated = isolated;
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
        // libssl is native code: there a fault would end the process it runs in, so it runs in another one.
        RunResult result = isolated != null && name.equals("libssl")
                ? isolated.run(file, source, name)
                : stacks.run(scenario, name, new EventLog());
        return new Outcome.Ran(file, source, new History(result.log().events()), result);
    }
}
