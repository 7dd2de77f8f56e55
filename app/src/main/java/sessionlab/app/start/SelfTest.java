package sessionlab.app.start;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.util.Duration;
import sessionlab.app.shell.MainWindow;
import sessionlab.app.view.transport.Shortcuts.Shortcut;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;
import sessionlab.run.RunResult;

/**
 * {@code sessionlab-app --self-test}: the lesson the window opens must run, and the transport bar's
 * step button must then walk it to its last event, one event per pulse, each step moving the cursor
 * by one. Exit 0 when it did and every expectation passed; 1 with the reason otherwise.
 */
public final class SelfTest {
    private final MainWindow window;
    private final Consumer<String> out;
    private final IntConsumer exit;
    private final PauseTransition watchdog;
    private boolean finished;
    private int steps;

    public SelfTest(MainWindow window, Duration limit, Consumer<String> out, IntConsumer exit) {
        this.window = window;
        this.out = out;
        this.exit = exit;
        this.watchdog = new PauseTransition(limit);
        watchdog.setOnFinished(e -> fail("nothing finished within " + (long) limit.toSeconds() + " s (" + steps + " steps so far)"));
    }

    /** Call before the window opens its lesson. */
    public void start() {
        window.animationsProperty().set(false); // a step is laid out in its own pulse, not over the next 300 ms
        var controller = window.controller();
        controller.diagnosticsProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) fail("the lesson did not run: " + now.getFirst());
        });
        controller.resultProperty().addListener((o, was, now) -> {
            if (now != null && was == null) stepToTheEnd(now);
        });
        watchdog.play();
    }

    private void stepToTheEnd(RunResult result) {
        Button forward = (Button) window.lookup("#" + Shortcut.STEP_FORWARD.id());
        var playback = window.controller().playback();
        if (forward == null) {
            fail("the window has no step button");
            return;
        }
        Runnable[] perPulse = new Runnable[1];
        perPulse[0] = () -> {
            if (finished) return;
            if (forward.isDisabled()) {
                Platform.runLater(() -> window.getScene().removePostLayoutPulseListener(perPulse[0]));
                end(result, playback.cursorProperty().get(), playback.sizeProperty().get());
                return;
            }
            int before = playback.cursorProperty().get();
            forward.fire();
            int after = playback.cursorProperty().get();
            if (after != before + 1) {
                fail("stepping forward from event " + before + " went to " + after);
                return;
            }
            steps++;
            Platform.requestNextPulse();
        };
        window.getScene().addPostLayoutPulseListener(perPulse[0]);
        Platform.requestNextPulse();
    }

    private void end(RunResult result, int cursor, int size) {
        String lesson = window.controller().fileProperty().get().getFileName().toString();
        if (size == 0 || cursor != size - 1) {
            fail("the step button stopped at event " + cursor + " of " + size);
        } else if (result.exitCode() != 0) {
            String firstError = result.log().events().stream().map(LoggedEvent::event)
                    .filter(Event.Error.class::isInstance).map(Event.Error.class::cast)
                    .findFirst().map(e -> " (first: " + e.kind() + ": " + e.message() + ")").orElse("");
            fail(lesson + " on " + result.stack() + ": " + result.failed() + " expectations failed, " + result.errors() + " errors" + firstError);
        } else {
            finish(0, "self-test: " + lesson + " ran on " + result.stack() + " (" + result.passed()
                    + " expectations passed); the step button walked all " + steps + " events to the end: ok");
        }
    }

    private void fail(String why) {
        finish(1, "self-test FAILED: " + why);
    }

    private void finish(int code, String line) {
        if (finished) return;
        finished = true;
        watchdog.stop();
        out.accept(line);
        exit.accept(code);
    }
}
