package sessionlab.app.playback;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;

/**
 * Playback over a run's history: read-only state out, commands in. The state at the cursor is always
 * {@code history.stateAt(cursor)}: stepping back re-folds from a snapshot, nothing is undone, no TLS re-runs.
 */
public final class Playback {
    private final ReadOnlyObjectWrapper<History> history = new ReadOnlyObjectWrapper<>(new History(java.util.List.of()));
    private final ReadOnlyIntegerWrapper cursor = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<LabState> state = new ReadOnlyObjectWrapper<>(LabState.EMPTY);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    /** Events per second while playing. */
    private final DoubleProperty speed = new SimpleDoubleProperty(8);
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(0);
    private final BooleanBinding canStepBack = cursor.greaterThan(-1);
    private final BooleanBinding canStepForward = Bindings.createBooleanBinding(() -> cursor.get() < size.get() - 1, cursor, size);
    private final Timeline timeline = new Timeline();

    public Playback() {
        timeline.setCycleCount(Animation.INDEFINITE);
        rebuildFrame();
        speed.addListener((o, a, b) -> rebuildFrame());
    }

    private void rebuildFrame() {
        boolean was = timeline.getStatus() == Animation.Status.RUNNING;
        timeline.stop();
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / Math.max(0.1, speed.get())), e -> tick()));
        if (was) timeline.play();
    }

    private void tick() {
        if (!canStepForward.get()) {
            pause();
            return;
        }
        stepForward();
    }

    public void load(History h) {
        pause();
        history.set(h);
        size.set(h.size());
        seek(-1);
    }

    public void seek(int c) {
        int clamped = Math.max(-1, Math.min(c, size.get() - 1));
        cursor.set(clamped);
        state.set(history.get().stateAt(clamped));
    }

    public void stepForward() { seek(cursor.get() + 1); }
    public void stepBack() { seek(cursor.get() - 1); }
    public void nextStatement() { seek(history.get().nextStatementEnd(cursor.get())); }
    public void previousStatement() { seek(history.get().previousStatementEnd(cursor.get())); }
    public void toStart() { seek(-1); }
    public void toEnd() { seek(size.get() - 1); }

    public void play() {
        if (!canStepForward.get()) return;
        playing.set(true);
        timeline.play();
    }

    public void pause() {
        playing.set(false);
        timeline.stop();
    }

    public void togglePlay() {
        if (playing.get()) pause();
        else play();
    }

    /** The animation that drives play; owned here, never started by anyone but {@link #play()}. */
    public Timeline timeline() { return timeline; }

    public ReadOnlyObjectProperty<History> historyProperty() { return history.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty cursorProperty() { return cursor.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty sizeProperty() { return size.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LabState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public DoubleProperty speedProperty() { return speed; }
    public BooleanBinding canStepBack() { return canStepBack; }
    public BooleanBinding canStepForward() { return canStepForward; }
    public LabState state() { return state.get(); }
    public History history() { return history.get(); }
}
