package sessionlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import sessionlab.app.view.wire.LessonRuns;

/** How real runs end in the narration: what the engine freed, said once, and never an alarm. No FX. */
class EndOfRunTest {
    private static LabState end(String lesson) throws Exception {
        History h = LessonRuns.run(Files.readString(Path.of("../samples", lesson)));
        return h.stateAt(h.size() - 1);
    }

    @Test
    void aLessonThatTidiesUpIsToldThatNothingWasLeftToFree() throws Exception {
        LabState s = end("02-get0-vs-get1.lab");
        assertThat(s.narration().getLast().text()).isEqualTo("End of the lesson: it freed everything it took, so the engine had nothing left to free.");
        assertThat(s.alerts()).isEmpty();
    }

    @Test
    void theLeakLessonNamesEachReferenceItLeakedAndRaisesNoAlarm() throws Exception {
        LabState s = end("54-field-get1-leak.lab");
        String told = s.narration().getLast().text();
        assertThat(told).startsWith("End of the lesson: it still held ").contains("'s reference to #").contains("so the engine freed them");
        assertThat(s.alerts()).noneMatch(a -> a.startsWith("Leak"));
    }

    @Test
    void theEnginesOwnClearingUpIsNotNarratedEventByEvent() throws Exception {
        LabState s = end("01-tls13-ticket-timing.lab");
        // the last note, then one closing line: not "session #7 was freed..." for each object the engine freed
        var n = s.narration();
        assertThat(n.get(n.size() - 2).text()).isEqualTo("The remaining ticket had expired; the flush removed it.");
        assertThat(n.getLast().text()).startsWith("End of the lesson:");
    }
}
