package sessionlab.app.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import sessionlab.app.playback.LessonRunner;
import sessionlab.app.playback.Playback;
import sessionlab.app.script.ScriptEdits;
import sessionlab.run.RunResult;
import sessionlab.scenario.Diagnostic;
import sessionlab.scenario.LessonText;

/**
 * The window's model: the lesson text, its file, the run and its playback. Runs go to the injected
 * executor; results come back through the injected FX executor. Views bind to the properties.
 */
public final class LabController {
    private final LessonRunner runner;
    private final Executor fx;
    private final Playback playback;
    private final StringProperty source = new SimpleStringProperty("");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<Diagnostic>> diagnostics = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final StringProperty stack = new SimpleStringProperty(null);
    /** Side by side: the same lesson on another stack, its history, and the lines where the two differ. */
    private final StringProperty compareStack = new SimpleStringProperty(null);
    private final ReadOnlyObjectWrapper<sessionlab.app.model.History> compareHistory = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<java.util.Map<Integer, String>> differences = new ReadOnlyObjectWrapper<>(java.util.Map.of());
    private final ReadOnlyObjectWrapper<String> compareProblem = new ReadOnlyObjectWrapper<>();

    public LabController(LessonRunner runner, Executor fx) {
        this(runner, fx, Playback.fxClock());
    }

    /** With the playback's clock injected: a test or a recording drives the frames itself. */
    public LabController(LessonRunner runner, Executor fx, Playback.Clock clock) {
        this.runner = runner;
        this.fx = fx;
        this.playback = new Playback(clock);
    }

    /** Reads the lesson off the FX thread, then shows and runs it; a file that cannot be read goes to {@code failed}. */
    public void open(Path path, Consumer<String> failed) {
        AtomicReference<String> text = new AtomicReference<>();
        inBackground(() -> text.set(LessonText.read(path)), () -> {
            file.set(path);
            source.set(text.get());
            run(false);
        }, failed);
    }

    /** Writes the lesson as it is now, off the FX thread; the window's file becomes {@code path} once it is written. */
    public void save(Path path, Consumer<String> failed) {
        String text = source.get();
        inBackground(() -> Files.writeString(path, text, StandardCharsets.UTF_8), () -> file.set(path), failed);
    }

    /**
     * Runs slow file work off the FX thread; {@code done} or {@code failed} (with the problem's
     * message) come back on the FX thread.
     */
    public void inBackground(LessonRunner.IoTask task, Runnable done, Consumer<String> failed) {
        runner.io(task).whenCompleteAsync((v, error) -> {
            if (error == null) done.run();
            else {
                Throwable root = error;
                while (root.getCause() != null) root = root.getCause(); // past the future's and the unchecked wrappers
                failed.accept(root.getMessage());
            }
        }, fx);
    }

    /** Why {@code stack} refuses {@code call} outright, if it does. */
    public java.util.Optional<String> refusal(String stack, String call) {
        return java.util.Optional.ofNullable(runner.refusedCalls(stack).get(call));
    }

    /** Runs the current text; {@code toEnd} leaves the cursor at the end (interactive), else at the start. */
    public void run(boolean toEnd) {
        running.set(true);
        String name = file.get() == null ? "untitled.lab" : file.get().getFileName().toString();
        runner.run(name, source.get(), stack.get()).thenAcceptAsync(outcome -> {
            running.set(false);
            switch (outcome) {
                case LessonRunner.Outcome.Rejected r -> diagnostics.set(r.diagnostics());
                case LessonRunner.Outcome.Ran r -> {
                    diagnostics.set(List.of());
                    result.set(r.result());
                    playback.load(r.history());
                    if (toEnd) playback.toEnd();
                    runComparison();
                }
            }
        }, fx);
    }

    /** Runs the same text on the comparison stack (if one is chosen) and works out where the two differ. */
    public void runComparison() {
        String other = compareStack.get();
        if (other == null) {
            compareHistory.set(null);
            differences.set(java.util.Map.of());
            compareProblem.set(null);
            return;
        }
        String name = file.get() == null ? "untitled.lab" : file.get().getFileName().toString();
        runner.run(name, source.get(), other).thenAcceptAsync(outcome -> {
            switch (outcome) {
                case LessonRunner.Outcome.Rejected r -> {
                    compareHistory.set(null);
                    differences.set(java.util.Map.of());
                    compareProblem.set(r.diagnostics().isEmpty() ? other + " cannot run this lesson" : r.diagnostics().getFirst().message());
                }
                case LessonRunner.Outcome.Ran r -> {
                    compareProblem.set(null);
                    compareHistory.set(r.history());
                    differences.set(Differences.between(playback.history(), r.history(), other));
                }
            }
        }, fx);
    }

    /** Interactive mode: the click becomes a statement of the lesson, and the lesson runs again. */
    public void perform(String statement) {
        source.set(ScriptEdits.append(source.get(), statement));
        run(true);
    }

    /**
     * The last run's SSLKEYLOGFILE lines (empty before a run). Kept here, in memory only, and never in
     * the event log: they are secrets, written to disk only by an export the user confirmed.
     */
    public List<String> keyLog() {
        RunResult r = result.get();
        return r == null ? List.of() : r.keyLog();
    }

    /** File > Export capture for Wireshark, for the last run. */
    public CaptureExport captureExport() {
        return new CaptureExport(result.get());
    }

    public Playback playback() { return playback; }
    public StringProperty sourceProperty() { return source; }
    public ObjectProperty<Path> fileProperty() { return file; }
    public StringProperty stackProperty() { return stack; }
    public StringProperty compareStackProperty() { return compareStack; }
    public ReadOnlyObjectProperty<sessionlab.app.model.History> compareHistoryProperty() { return compareHistory.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<java.util.Map<Integer, String>> differencesProperty() { return differences.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<String> compareProblemProperty() { return compareProblem.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Diagnostic>> diagnosticsProperty() { return diagnostics.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunResult> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
}
