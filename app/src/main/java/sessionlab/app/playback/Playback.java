package sessionlab.app.playback;

import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.model.Transition;

/**
 * Playback over a run's history: read-only state out, commands in. The state at the cursor is always
 * {@code history.stateAt(cursor)}: stepping back re-folds from a snapshot, nothing is undone, no TLS re-runs.
 *
 * <p>It owns the app's one animation clock. A step forward (an event, a statement, a tick of Play) sets the
 * {@link #transitionProperty() transition} from the state before to the state after and runs {@link #progressProperty()
 * progress} from 0 to 1 over {@link #transitionMillisProperty()} (0: at once, as tests and "Animations off" want);
 * any other move (back, a jump, the scrubber) ends the transition and starts none. {@link #clockTimeProperty()} is
 * the virtual time moving things are drawn at: between the two states during a step, the run's own clock when
 * playing at virtual-time {@link Pace}, the cursor's time at rest.
 */
public final class Playback {
    /** The source of frames: the FX pulse in the app, a hand-driven one in tests. */
    public interface Clock {
        void start(LongConsumer frameNanos);

        void stop();
    }

    /** Frames from the JavaFX pulse. */
    public static Clock fxClock() {
        return new Clock() {
            private AnimationTimer timer;

            @Override
            public void start(LongConsumer frame) {
                if (timer == null) {
                    timer = new AnimationTimer() {
                        @Override
                        public void handle(long now) {
                            frame.accept(now);
                        }
                    };
                }
                timer.start();
            }

            @Override
            public void stop() {
                if (timer != null) timer.stop();
            }
        };
    }

    public static final double DEFAULT_TRANSITION_MILLIS = 600;

    private final ReadOnlyObjectWrapper<History> history = new ReadOnlyObjectWrapper<>(new History(java.util.List.of()));
    private final ReadOnlyIntegerWrapper cursor = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<LabState> state = new ReadOnlyObjectWrapper<>(LabState.EMPTY);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Pace> pace = new SimpleObjectProperty<>(Pace.events(8));
    private final DoubleProperty transitionMillis = new SimpleDoubleProperty(DEFAULT_TRANSITION_MILLIS);
    private final ReadOnlyObjectWrapper<Transition> transition = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper clockTime = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper ticking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(0);
    private final BooleanBinding canStepBack = cursor.greaterThan(-1);
    private final BooleanBinding canStepForward = Bindings.createBooleanBinding(() -> cursor.get() < size.get() - 1, cursor, size);
    private final Clock clock;
    private long lastFrame = -1;
    /** Milliseconds of the current transition played, and its length (a play tick may shorten it). */
    private double elapsed;
    private double length;
    /** Events mode: milliseconds since the last tick. Virtual mode: the run's virtual time reached. */
    private double sinceTick;
    private double virtualNow;

    public Playback() {
        this(fxClock());
    }

    public Playback(Clock clock) {
        this.clock = clock;
        transitionMillis.addListener((o, a, b) -> {
            if (b.doubleValue() <= 0 && transition.get() != null && progress.get() < 1) finishTransition();
        });
    }

    public void load(History h) {
        pause();
        history.set(h);
        size.set(h.size());
        seek(-1);
    }

    /** Jumps to {@code c}: no transition, nothing animates. */
    public void seek(int c) {
        int clamped = Math.max(-1, Math.min(c, size.get() - 1));
        endTransition();
        cursor.set(clamped);
        state.set(history.get().stateAt(clamped));
        clockTime.set(state.get().now());
        virtualNow = state.get().now();
        if (!playing.get()) stopClock();
    }

    public void stepForward() { forwardTo(cursor.get() + 1, transitionMillis.get()); }
    public void stepBack() { seek(cursor.get() - 1); }
    public void nextStatement() { forwardTo(history.get().nextStatementEnd(cursor.get()), transitionMillis.get()); }
    public void previousStatement() { seek(history.get().previousStatementEnd(cursor.get())); }
    public void toStart() { seek(-1); }
    public void toEnd() { seek(size.get() - 1); }

    /** A step forward: the views get the transition from the state now to the state at {@code target}, then the new state. */
    private void forwardTo(int target, double millis) {
        int c = Math.max(-1, Math.min(target, size.get() - 1));
        if (c <= cursor.get()) return;
        LabState before = state.get();
        LabState after = history.get().stateAt(c);
        endTransition();
        Transition t = Transition.between(history.get(), before, after);
        transition.set(t);
        progress.set(0);
        clockTime.set(before.now());
        cursor.set(c);
        state.set(after);
        // a step that changes nothing drawn (an expect, a note) has nothing to animate
        length = t.isEmpty() ? 0 : millis;
        elapsed = 0;
        if (length <= 0) finishTransition();
        else startClock();
    }

    private void finishTransition() {
        progress.set(1);
        if (!playing.get() || !pace.get().virtualTime()) clockTime.set(state.get().now());
        if (!playing.get()) stopClock();
    }

    private void endTransition() {
        transition.set(null);
        progress.set(1);
    }

    public void play() {
        if (!canStepForward.get()) return;
        playing.set(true);
        sinceTick = 0;
        virtualNow = state.get().now();
        startClock();
    }

    public void pause() {
        playing.set(false);
        if (transition.get() == null || progress.get() >= 1) stopClock();
    }

    public void togglePlay() {
        if (playing.get()) pause();
        else play();
    }

    /** One frame of the clock, at {@code nanos} (monotonic). Public for a hand-driven clock; the FX clock calls it itself. */
    public void frame(long nanos) {
        double dt = lastFrame < 0 ? 0 : (nanos - lastFrame) / 1e6;
        lastFrame = nanos;
        if (transition.get() != null && progress.get() < 1) {
            elapsed += dt;
            double p = length <= 0 ? 1 : Math.min(1, elapsed / length);
            progress.set(p);
            Transition t = transition.get();
            if (!(playing.get() && pace.get().virtualTime())) {
                clockTime.set(t.before().now() + (t.wireEnd() - t.before().now()) * Transition.wireProgress(p, t.travels()));
            }
            if (p >= 1) finishTransition();
        }
        if (playing.get()) playFrame(dt);
        if (!playing.get() && (transition.get() == null || progress.get() >= 1)) stopClock();
    }

    private void playFrame(double dt) {
        if (!canStepForward.get()) {
            pause();
            return;
        }
        Pace p = pace.get();
        if (!p.virtualTime()) {
            double interval = 1000 / Math.max(0.1, p.eventsPerSecond());
            sinceTick += dt;
            if (sinceTick >= interval) {
                sinceTick = Math.min(sinceTick - interval, interval);
                forwardTo(cursor.get() + 1, Math.min(transitionMillis.get(), interval * 0.9));
            }
            return;
        }
        virtualNow += dt / p.slowdown();
        var events = history.get().events();
        long next = events.get(cursor.get() + 1).at();
        // nothing happens for longer than the longest wait (an advance): go straight to it
        if (next - virtualNow > Pace.LONGEST_WAIT_MS / p.slowdown()) virtualNow = next;
        int target = cursor.get();
        while (target + 1 < events.size() && events.get(target + 1).at() <= virtualNow) target++;
        if (target > cursor.get()) forwardTo(target, transitionMillis.get());
        clockTime.set(Math.min(virtualNow, target + 1 < events.size() ? events.get(target + 1).at() : virtualNow));
    }

    private void startClock() {
        if (ticking.get()) return;
        ticking.set(true);
        lastFrame = -1;
        clock.start(this::frame);
    }

    private void stopClock() {
        if (!ticking.get()) return;
        ticking.set(false);
        clock.stop();
    }

    public ReadOnlyObjectProperty<History> historyProperty() { return history.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty cursorProperty() { return cursor.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty sizeProperty() { return size.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LabState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public ObjectProperty<Pace> paceProperty() { return pace; }
    /** How long a step's transition lasts, in milliseconds; 0 draws every step at once. */
    public DoubleProperty transitionMillisProperty() { return transitionMillis; }
    /** The step being animated (null after a jump or a step back, and before the first step). */
    public ReadOnlyObjectProperty<Transition> transitionProperty() { return transition.getReadOnlyProperty(); }
    /** How far the transition has played, 0 to 1; 1 at rest. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** The virtual time, in ms, that moving things (a ticket on the wire) are drawn at. */
    public ReadOnlyDoubleProperty clockTimeProperty() { return clockTime.getReadOnlyProperty(); }
    /** Whether the clock is running (a transition plays, or Play is on). */
    public ReadOnlyBooleanProperty tickingProperty() { return ticking.getReadOnlyProperty(); }
    public BooleanBinding canStepBack() { return canStepBack; }
    public BooleanBinding canStepForward() { return canStepForward; }
    public LabState state() { return state.get(); }
    public History history() { return history.get(); }
    public Transition transition() { return transition.get(); }
}
