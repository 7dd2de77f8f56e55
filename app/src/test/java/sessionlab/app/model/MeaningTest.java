package sessionlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sessionlab.app.view.wire.LessonRuns;

/** The caption's one sentence for statements of the real default lesson: made of what their events say. No FX. */
class MeaningTest {
    static History lesson;

    @BeforeAll
    static void runTheDefaultLesson() {
        lesson = LessonRuns.defaultLesson();
    }

    /** The caption at the end of the statement on {@code line} (the last one ends where the clean-up begins). */
    private static Meaning.Caption at(int line) {
        int[] starts = lesson.statementStarts();
        for (int k = 0; k < starts.length; k++) {
            if (((sessionlab.event.Event.StatementStarted) lesson.events().get(starts[k]).event()).line() == line) {
                return Meaning.at(lesson, lesson.statementEnd(k));
            }
        }
        throw new AssertionError("no line " + line);
    }

    @Test
    void aBorrowSaysNoReferenceWasAdded() {
        assertThat(at(5).statement()).isEqualTo("s0 = SSL_get0_session(c1)");
        assertThat(at(5).meaning()).isEqualTo("s0 borrows #1 without a reference.");
    }

    @Test
    void anExpectationSaysWhetherItHoldsWithWhatWasObserved() {
        assertThat(at(6).meaning()).isEqualTo("It holds: resumable(s0) = false.");
    }

    @Test
    void anAdvanceAndAFlushSayWhatTheClockAndTheCacheDid() {
        assertThat(at(18).meaning()).isEqualTo("The virtual clock moves on 3 h: every live session is that much older.");
        assertThat(at(19).meaning()).isEqualTo("#6 left the cache of client (timeout); #6 was destroyed.");
    }

    @Test
    void aNoteIsItsOwnMeaningAndTheEndOfTheRunSaysWhatTheEngineFreed() {
        assertThat(at(21).meaning()).isEqualTo("The remaining ticket had expired; the flush removed it.");
        Meaning.Caption end = Meaning.at(lesson, lesson.size() - 1);
        assertThat(end.line()).isZero();
        assertThat(end.statement()).isEqualTo("end of the run");
        assertThat(end.meaning()).startsWith("End of the lesson: it still held SSL c1.server, SSL c2, SSL c2.server");
    }

    @Test
    void beforeTheFirstStatementThereIsNothingToSay() {
        assertThat(Meaning.at(lesson, -1)).isEqualTo(Meaning.Caption.NONE);
    }
}
