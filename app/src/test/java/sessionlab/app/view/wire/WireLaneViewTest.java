package sessionlab.app.view.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState.WireView;
import sessionlab.event.Event;

/** The wire lane over the real default lesson (01-tls13-ticket-timing.lab run through libssl). */
@ExtendWith(ApplicationExtension.class)
class WireLaneViewTest extends FxRobot {
    static History lesson;
    WireLaneView view;

    @BeforeAll
    static void runTheDefaultLesson() {
        lesson = LessonRuns.defaultLesson();
    }

    @Start
    void start(Stage stage) {
        view = new WireLaneView();
        stage.setScene(new Scene(view, 1000, 320));
        stage.show();
    }

    private void showEndOfLine(int line) {
        showAt(LessonRuns.endOfLine(lesson, line));
    }

    private void showAt(int cursor) {
        interact(() -> view.show(lesson, cursor));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RecordArrow arrow(String label) {
        return view.arrows().stream().filter(a -> a.record().label().equals(label)).findFirst().orElseThrow();
    }

    private List<RecordArrow> arrows(String label) {
        return view.arrows().stream().filter(a -> a.record().label().equals(label)).toList();
    }

    @Test
    void afterTheConnectTheClientHelloGoesFromTheClientLineToTheServerLine() {
        showEndOfLine(4);
        RecordArrow hello = arrow("ClientHello");
        assertThat(hello.getStyleClass()).contains("record-arrow").doesNotContain("encrypted", "in-flight");
        assertThat(hello.startY()).isEqualTo(view.clientY());
        assertThat(hello.endY()).isEqualTo(view.serverY());
        assertThat(view.clientY()).isLessThan(view.serverY());
        assertThat(hello.endX()).isGreaterThan(hello.startX());
        assertThat(lookup(".record-label").queryAllAs(Text.class)).extracting(Text::getText).contains("ClientHello");
        RecordArrow serverHello = arrow("ServerHello");
        assertThat(serverHello.startY()).isEqualTo(view.serverY());
        assertThat(serverHello.endY()).isEqualTo(view.clientY());
    }

    @Test
    void encryptedHandshakeRecordsAreMarkedAndPlainOnesAreNot() {
        showEndOfLine(4);
        for (String label : List.of("{EncryptedExtensions}", "{Certificate}", "{CertificateVerify}", "{Finished}")) {
            assertThat(arrow(label).getStyleClass()).as(label).contains("encrypted");
            assertThat(arrow(label).lookup(".lock")).as(label).isNotNull();
        }
        assertThat(arrow("ServerHello").getStyleClass()).doesNotContain("encrypted");
        assertThat(lookup(".record-arrow.encrypted").queryAll()).hasSize(view.arrows().stream()
                .filter(a -> a.record().encrypted()).toList().size());
    }

    @Test
    void afterTheConnectC1HasNoResumableSessionFromTheHandshakeToNow() {
        showEndOfLine(4);
        Node gap = lookup(".no-session-gap").query();
        WireLaneView.Gap g = (WireLaneView.Gap) gap.getUserData();
        assertThat(g.conn()).isEqualTo("c1");
        assertThat(g.fromMs()).isEqualTo(50);
        assertThat(g.toMs()).isEqualTo(75);
        assertThat(g.open()).isTrue();
        assertThat(lookup(".gap-label").queryAs(Text.class).getText()).isEqualTo("no resumable session yet");
        assertThat(arrows("{NewSessionTicket}")).hasSize(2).allSatisfy(a -> assertThat(a.inFlight()).isTrue());
    }

    @Test
    void afterSslReadTheTicketsHaveArrivedAndTheGapEndsAt100Ms() {
        showEndOfLine(7);
        assertThat(arrows("{NewSessionTicket}")).hasSize(2).allSatisfy(a -> {
            assertThat(a.inFlight()).isFalse();
            assertThat(a.getStyleClass()).contains("encrypted").doesNotContain("in-flight");
            assertThat(a.startY()).isEqualTo(view.serverY());
            assertThat(a.endY()).isEqualTo(view.clientY());
        });
        assertThat(view.gaps()).singleElement().satisfies(g -> {
            assertThat(g.conn()).isEqualTo("c1");
            assertThat(g.fromMs()).isEqualTo(50);
            assertThat(g.toMs()).isEqualTo(100);
            assertThat(g.open()).isFalse();
        });
        javafx.scene.shape.Rectangle band = lookup(".no-session-gap .gap-band").queryAs(javafx.scene.shape.Rectangle.class);
        assertThat(band.getX()).isCloseTo(view.xOf(50), within(0.01));
        assertThat(band.getX() + band.getWidth()).isCloseTo(view.xOf(100), within(0.01));
    }

    @Test
    void apiCallsAreMarkedOnTheirOwnSide() {
        showEndOfLine(7);
        assertThat(lookup(".call-marker").queryAll()).isNotEmpty();
        CallMarker connect = view.callMarkers().stream().filter(c -> c.function().equals("SSL_connect")).findFirst().orElseThrow();
        CallMarker accept = view.callMarkers().stream().filter(c -> c.function().equals("SSL_accept")).findFirst().orElseThrow();
        CallMarker read = view.callMarkers().stream().filter(c -> c.function().equals("SSL_read")).findFirst().orElseThrow();
        assertThat(connect.y()).isEqualTo(view.clientY());
        assertThat(read.y()).isEqualTo(view.clientY());
        assertThat(accept.y()).isEqualTo(view.serverY());
        assertThat(accept.getStyleClass()).contains("server");
        assertThat(read.x()).isCloseTo(view.xOf(75), within(0.01));
    }

    @Test
    void theRecordAtTheCursorIsHighlighted() {
        int clientHello = indexOfRecord("ClientHello");
        showAt(clientHello);
        assertThat(arrow("ClientHello").getStyleClass()).contains("current");
        showAt(clientHello + 1);
        assertThat(lookup(".record-arrow.current").queryAll()).isEmpty();
    }

    @Test
    void clickingARecordHandsItToTheSelectionHandler() {
        AtomicReference<WireView> selected = new AtomicReference<>();
        interact(() -> view.setSelectionHandler(selected::set));
        showEndOfLine(4);
        clickOn(arrow("ClientHello").label());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected.get()).isNotNull();
        assertThat(selected.get().label()).isEqualTo("ClientHello");
        assertThat(arrow("ClientHello").getStyleClass()).contains("selected");
    }

    @Test
    void theThreeHourAdvanceIsDrawnAsABreakInsteadOfSquashingTheHandshakes() {
        showAt(lesson.size() - 1);
        assertThat(lookup(".time-break-label").queryAllAs(Text.class)).extracting(Text::getText).containsExactly("≈ +3h");
        double left = view.xOf(0);
        double right = view.xOf(lesson.stateAt(lesson.size() - 1).now());
        assertThat(view.xOf(200) - left).as("200 ms of handshakes keep most of the width").isGreaterThan((right - left) * 0.5);
    }

    @Test
    void beforeTheFirstEventTheLaneIsEmpty() {
        showAt(-1);
        assertThat(view.arrows()).isEmpty();
        assertThat(lookup(".record-arrow").queryAll()).isEmpty();
        assertThat(lookup(".no-session-gap").queryAll()).isEmpty();
    }

    @Test
    void withThousandsOfRecordsOnlyTheMostRecent200AreDrawnAndTheCornerSaysSo() {
        History many = LessonRuns.run(LessonRuns.manyConnections(200));
        int total = many.stateAt(many.size() - 1).records().size();
        assertThat(total).isGreaterThan(2000);
        interact(() -> view.show(many, many.size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.windowed()).isTrue();
        assertThat(view.arrows()).hasSize(WireLaneView.MAX_RECORDS);
        assertThat(lookup(".record-arrow").queryAll()).hasSize(WireLaneView.MAX_RECORDS);
        long oldestShown = view.arrows().stream().mapToLong(a -> a.record().sentAt()).min().orElseThrow();
        assertThat(many.stateAt(many.size() - 1).records().stream().filter(r -> r.sentAt() > oldestShown).count())
                .isLessThanOrEqualTo(WireLaneView.MAX_RECORDS);
        javafx.scene.control.Label note = lookup(".window-note").queryAs(javafx.scene.control.Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo(String.format("showing the last 200 of %,d records", total));
        printRedrawFigures(many);
    }

    /** Figures, not assertions (timed tests are not deterministic): a redraw while stepping (after a warm-up round), and a first draw. */
    private void printRedrawFigures(History many) {
        long[] step = new long[40];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < step.length; i++) {
                var state = many.stateAt(many.size() - step.length + i);
                step[i] = timed(() -> view.show(many, state));
            }
        }
        History again = LessonRuns.run(LessonRuns.manyConnections(18));
        var first = again.stateAt(again.size() - 1);
        long cold = timed(() -> view.show(again, first));
        java.util.Arrays.sort(step);
        System.out.printf("wire lane redraw, %d records shown: stepping median %.1f ms (max %.1f), first draw %.1f ms%n",
                WireLaneView.MAX_RECORDS, step[step.length / 2] / 1e6, step[step.length - 1] / 1e6, cold / 1e6);
    }

    private long timed(Runnable show) {
        long[] out = new long[1];
        interact(() -> {
            long t0 = System.nanoTime();
            show.run();
            view.applyCss();
            view.layout();
            out[0] = System.nanoTime() - t0;
        });
        return out[0];
    }

    private static int indexOfRecord(String label) {
        for (int i = 0; i < lesson.size(); i++) {
            if (lesson.events().get(i).event() instanceof Event.WireRecord w && w.label().equals(label)) return i;
        }
        throw new AssertionError(label);
    }
}
