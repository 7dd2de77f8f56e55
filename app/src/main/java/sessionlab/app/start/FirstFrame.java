package sessionlab.app.start;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;

/**
 * Start-up measurement: with {@code -Dsessionlab.firstFrame=print} (or {@code =exit}, which then closes
 * the app) the window reports the wall-clock time at which its first frame had been painted. The
 * signal is real: the first pulse after show lays the scene out and hands the frame to the renderer;
 * right after that pulse, a one-pixel snapshot of the scene waits until the renderer has finished
 * painting it (JavaFX makes a snapshot wait for the frame in flight), and only then is the time read.
 */
public final class FirstFrame {
    public static final String PROPERTY = "sessionlab.firstFrame";
    /** What {@code app/src/dist/startup-times.sh} looks for on stdout. */
    public static final String PREFIX = "first-frame-painted epoch-ms=";

    private FirstFrame() {}

    /** The mode asked for on the command line: empty when nobody is measuring. */
    public static java.util.Optional<String> requested() {
        return java.util.Optional.ofNullable(System.getProperty(PROPERTY)).filter(v -> v.equals("print") || v.equals("exit"));
    }

    /** Call after {@code stage.show()}, on the FX thread; {@code out} gets one line, then {@code then} runs. */
    public static void report(Scene scene, LongSupplier wallClockMillis, Consumer<String> out, Runnable then) {
        boolean[] seen = {false};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (seen[0]) return;
            seen[0] = true;
            // after this pulse: its frame is with the renderer (removing the listener inside the pulse would break its loop)
            Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(listener[0]);
                SnapshotParameters onePixel = new SnapshotParameters();
                onePixel.setViewport(new Rectangle2D(0, 0, 1, 1));
                scene.getRoot().snapshot(onePixel, null);
                out.accept(PREFIX + wallClockMillis.getAsLong());
                then.run();
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
