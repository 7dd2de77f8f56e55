package sessionlab.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.model.Transition;
import sessionlab.app.view.wire.LessonRuns;

/** The playback's one clock, over the real default lesson, driven frame by frame by the test (no FX pulse, no sleeps). */
class PlaybackTest {
    static History lesson;
    final List<LongConsumer> running = new ArrayList<>();
    Playback playback;
    long frame;

    @BeforeAll
    static void runTheDefaultLesson() {
        lesson = LessonRuns.defaultLesson();
    }

    @BeforeEach
    void load() {
        playback = new Playback(new Playback.Clock() {
            @Override public void start(LongConsumer f) { running.add(f); }
            @Override public void stop() { running.clear(); }
        });
        playback.load(lesson);
    }

    /** One frame 20 ms after the last. */
    private void tick() {
        if (!running.isEmpty()) running.getFirst().accept(++frame * 20_000_000L);
    }

    @Test
    void withDurationZeroAStepForwardHasItsTransitionAtOnceFromTheStateBeforeToTheStateAfter() {
        playback.transitionMillisProperty().set(0);
        playback.seek(LessonRuns.endOfLine(lesson, 6));
        LabState before = playback.state();
        playback.nextStatement();
        Transition t = playback.transition();
        assertThat(t.before()).isEqualTo(before);
        assertThat(t.after()).isEqualTo(playback.state());
        assertThat(t.after().line()).isEqualTo(7);
        assertThat(playback.progressProperty().get()).isEqualTo(1.0);
        assertThat(playback.tickingProperty().get()).as("nothing left to animate").isFalse();
        assertThat(t.of(Transition.SessionBorn.class)).extracting(Transition.SessionBorn::session).containsExactly(6, 7);
        assertThat(t.of(Transition.SessionBorn.class)).extracting(Transition.SessionBorn::parent).containsExactly(1, 6);
        assertThat(t.of(Transition.SessionDied.class)).extracting(Transition.SessionDied::session).containsExactly(1);
        assertThat(t.of(Transition.CacheEntered.class)).extracting(Transition.CacheEntered::session).containsExactlyInAnyOrder(6, 7);
        assertThat(t.of(Transition.WentDangling.class)).extracting(w -> w.pointer().holder()).containsExactly("s0");
        assertThat(t.of(Transition.TicketMoved.class)).hasSize(2).allMatch(Transition.TicketMoved::taken);
        assertThat(playback.clockTimeProperty().get()).isEqualTo(100.0);
    }

    @Test
    void aStepForwardPlaysItsTransitionOverTheDurationThenTheClockStops() {
        playback.transitionMillisProperty().set(100);
        playback.seek(LessonRuns.endOfLine(lesson, 6));
        playback.nextStatement();
        assertThat(playback.progressProperty().get()).isZero();
        assertThat(playback.clockTimeProperty().get()).as("the step starts at the time before").isEqualTo(75.0);
        assertThat(playback.tickingProperty().get()).isTrue();
        tick(); // the first frame only sets the clock's origin
        tick();
        assertThat(playback.progressProperty().get()).isEqualTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
        // the tickets travel first: virtual time reaches their arrival within the wire's share of the step
        assertThat(playback.clockTimeProperty().get()).isBetween(75.0, 100.0);
        for (int i = 0; i < 4; i++) tick();
        assertThat(playback.progressProperty().get()).isEqualTo(1.0);
        assertThat(playback.clockTimeProperty().get()).isEqualTo(100.0);
        assertThat(playback.tickingProperty().get()).isFalse();
        assertThat(running).isEmpty();
    }

    @Test
    void rewindingScrubbingAndJumpingStartNoAnimation() {
        playback.transitionMillisProperty().set(10_000);
        for (Runnable move : List.<Runnable>of(playback::stepBack, playback::previousStatement, () -> playback.seek(40), playback::toStart,
                playback::toEnd)) {
            playback.seek(LessonRuns.endOfLine(lesson, 6));
            playback.nextStatement();
            assertThat(playback.tickingProperty().get()).isTrue();
            move.run();
            assertThat(playback.transition()).isNull();
            assertThat(playback.progressProperty().get()).isEqualTo(1.0);
            assertThat(playback.tickingProperty().get()).isFalse();
            assertThat(playback.clockTimeProperty().get()).isEqualTo((double) playback.state().now());
        }
    }

    @Test
    void settingTheDurationToZeroFinishesTheTransitionThatPlays() {
        playback.transitionMillisProperty().set(10_000);
        playback.seek(LessonRuns.endOfLine(lesson, 8));
        playback.nextStatement();
        assertThat(playback.progressProperty().get()).isZero();
        playback.transitionMillisProperty().set(0);
        assertThat(playback.progressProperty().get()).isEqualTo(1.0);
        assertThat(playback.tickingProperty().get()).isFalse();
    }

    @Test
    void aStepThatChangesNothingDrawnHasNothingToAnimate() {
        playback.transitionMillisProperty().set(10_000);
        playback.seek(LessonRuns.endOfLine(lesson, 9));
        playback.nextStatement(); // expect refcount(s1) == 3
        assertThat(playback.transition().isEmpty()).isTrue();
        assertThat(playback.progressProperty().get()).isEqualTo(1.0);
        assertThat(playback.tickingProperty().get()).isFalse();
    }

    @Test
    void statementSteppingStopsAtTheLastStatementThenAtTheEndOfTheRun() {
        playback.transitionMillisProperty().set(0);
        playback.seek(LessonRuns.endOfLine(lesson, 20));
        playback.nextStatement();
        assertThat(playback.state().line()).isEqualTo(21);
        assertThat(playback.state().last().event()).isInstanceOf(sessionlab.event.Event.Note.class);
        playback.nextStatement();
        assertThat(playback.cursorProperty().get()).isEqualTo(lesson.size() - 1);
        assertThat(playback.state().last().event()).isInstanceOf(sessionlab.event.Event.RunFinished.class);
    }
}
