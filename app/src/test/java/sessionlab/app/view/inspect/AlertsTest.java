package sessionlab.app.view.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;

@ExtendWith(ApplicationExtension.class)
class AlertsTest {
    private Label owner;

    @Start
    void start(Stage stage) {
        owner = new Label("owner");
        stage.setScene(new Scene(new StackPane(owner), 640, 400));
        stage.show();
    }

    /** The default lesson with line 10 changed to expect a wrong count: a real run with one failed expectation. */
    private static History lessonWithAWrongExpectation() throws Exception {
        String source = Files.readString(Path.of("../samples", Lessons.DEFAULT));
        assertThat(source).contains("expect refcount(s1) == 3");
        return Lessons.run("wrong.lab", source.replace("expect refcount(s1) == 3", "expect refcount(s1) == 2"));
    }

    @Test
    void newAlertsFindsAFailedExpectationOnce() throws Exception {
        History h = lessonWithAWrongExpectation();
        List<String> announced = new ArrayList<>();
        LabState before = h.stateAt(-1);
        for (int c = 0; c < h.size(); c++) {
            LabState after = h.stateAt(c);
            announced.addAll(Alerts.newAlerts(before, after));
            before = after;
        }
        assertThat(announced).filteredOn(l -> AlertKind.of(l) == AlertKind.EXPECTATION_FAILED).singleElement()
                .satisfies(l -> assertThat(l).startsWith("Expectation failed on line 10: expect refcount(s1) == 2").contains("refcount(s1) = 3"));
        assertThat(announced).isEqualTo(h.stateAt(h.size() - 1).alerts());
    }

    @Test
    void steppingBackOrStayingAnnouncesNothingAndJumpingAnnouncesEachOnce() throws Exception {
        History h = lessonWithAWrongExpectation();
        LabState end = h.stateAt(h.size() - 1);
        LabState start = h.stateAt(-1);
        assertThat(Alerts.newAlerts(end, start)).isEmpty();
        assertThat(Alerts.newAlerts(end, end)).isEmpty();
        assertThat(Alerts.newAlerts(start, end)).isEqualTo(end.alerts());
    }

    @Test
    void whatALessonStillHoldsAtItsEndIsNarratedNotAnAlarm() throws Exception {
        History h = lessonWithAWrongExpectation();
        LabState end = h.stateAt(h.size() - 1);
        assertThat(end.alerts()).as("only the failed expectation").singleElement()
                .satisfies(l -> assertThat(AlertKind.of(l)).isEqualTo(AlertKind.EXPECTATION_FAILED));
        assertThat(end.narration().getLast().text()).startsWith("End of the lesson: it still held SSL c1.server, SSL c2, SSL c2.server,"
                + " SSL_CTX client and SSL_CTX server, so the engine freed them, and with them sessions #4, #7 and #9 were destroyed.");
    }

    @Test
    void notifyDoesNotThrowOnTheFxThreadWithAShownOwner(FxRobot robot) {
        robot.interact(() -> assertThatCode(() -> {
            Alerts.notify(owner, "Expectation failed", "line 10: expect refcount(s1) == 2", AlertKind.EXPECTATION_FAILED);
            Alerts.notify(owner, "Prevented", "use-after-free: s0", AlertKind.PREVENTED);
        }).doesNotThrowAnyException());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void alertLinesAreSortedIntoKinds() {
        assertThat(AlertKind.of("Expectation failed on line 3: x")).isEqualTo(AlertKind.EXPECTATION_FAILED);
        assertThat(AlertKind.of("Prevented use-after-free: s0")).isEqualTo(AlertKind.PREVENTED);
        assertThat(AlertKind.of("01.lab:4:7: unknown option")).isEqualTo(AlertKind.ERROR);
    }
}
