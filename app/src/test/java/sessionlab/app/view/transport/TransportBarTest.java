package sessionlab.app.view.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.model.History;
import sessionlab.app.playback.Pace;
import sessionlab.app.playback.Playback;
import sessionlab.app.view.transport.Shortcuts.Shortcut;
import sessionlab.app.view.wire.LessonRuns;

/**
 * The transport bar over real runs: the default lesson, and the same lesson with one failing expectation
 * appended (so that there is a fail marker to click).
 */
@ExtendWith(ApplicationExtension.class)
class TransportBarTest extends FxRobot {
    static History lesson;
    static History failing;
    Playback playback;
    TransportBar bar;

    @BeforeAll
    static void runTheLessons() {
        lesson = LessonRuns.defaultLesson();
        failing = LessonRuns.run(LessonRuns.defaultLessonSource() + "\nexpect cache_size(client) == 5\n");
    }

    /** The playback's clock, driven by the test: each frame is 20 ms later. */
    final List<java.util.function.LongConsumer> clock = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) {
        playback = new Playback(new Playback.Clock() {
            @Override public void start(java.util.function.LongConsumer frame) { clock.add(frame); }
            @Override public void stop() { clock.clear(); }
        });
        playback.load(lesson);
        bar = new TransportBar(playback);
        stage.setScene(new Scene(bar, 1200, 80));
        stage.show();
    }

    private int cursor() {
        return playback.cursorProperty().get();
    }

    private void seek(int c) {
        interact(() -> playback.seek(c));
    }

    @Test
    void clickingStepForwardMovesTheCursorByOne() {
        seek(10);
        clickOn("#step-forward");
        assertThat(cursor()).isEqualTo(11);
        clickOn("#step-back");
        assertThat(cursor()).isEqualTo(10);
    }

    @Test
    void nextStatementLandsOnTheEndOfAStatement() {
        seek(-1);
        clickOn("#next-statement");
        assertThat(cursor()).isEqualTo(lesson.nextStatementEnd(-1));
        clickOn("#next-statement");
        int end = cursor();
        assertThat(end).isEqualTo(LessonRuns.endOfLine(lesson, 2));
        assertThat(end + 1 == lesson.size() || lesson.events().get(end + 1).event() instanceof sessionlab.event.Event.StatementStarted)
                .as("the next event starts a statement").isTrue();
        clickOn("#previous-statement");
        assertThat(cursor()).isEqualTo(lesson.nextStatementEnd(-1));
    }

    @Test
    void atTheStartTheBackButtonsAreDisabledAndAtTheEndTheForwardOnes() {
        seek(-1);
        assertThat(lookup("#step-back").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#previous-statement").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#to-start").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#step-forward").queryButton().isDisabled()).isFalse();
        clickOn("#to-end");
        assertThat(cursor()).isEqualTo(lesson.size() - 1);
        assertThat(lookup("#step-forward").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#next-statement").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#play").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#step-back").queryButton().isDisabled()).isFalse();
        clickOn("#to-start");
        assertThat(cursor()).isEqualTo(-1);
    }

    @Test
    void clickingAPassMarkerSeeksToTheExpectation() {
        seek(-1);
        Node pass = lookup(".marker.pass").query();
        Markers.Marker m = (Markers.Marker) pass.getUserData();
        clickOn(pass);
        assertThat(cursor()).isEqualTo(m.index());
        assertThat(lesson.events().get(cursor()).event()).isInstanceOf(sessionlab.event.Event.ExpectPass.class);
    }

    @Test
    void clickingAFailMarkerSeeksToTheFailedExpectation() {
        interact(() -> playback.load(failing));
        assertThat(lookup(".marker.fail").queryAll()).hasSize(1);
        Node fail = lookup(".marker.fail").query();
        clickOn(fail);
        assertThat(failing.events().get(cursor()).event()).isInstanceOf(sessionlab.event.Event.ExpectFail.class);
        assertThat(playback.state().expectations()).containsValue(false);
    }

    @Test
    void theDefaultLessonHasTicketAndStatementMarkers() {
        assertThat(lookup(".marker.ticket").queryAll()).hasSize(5);
        assertThat(lookup(".marker.ticket.received").queryAll()).hasSize(2);
        assertThat(lookup(".marker.statement").queryAll()).hasSize(lesson.statementStarts().length);
        assertThat(lookup(".marker.eviction").queryAll()).isEmpty();
    }

    @Test
    void theScrubberFollowsTheCursorAndSeeksWhenMoved() {
        Slider scrubber = lookup("#scrubber").queryAs(Slider.class);
        seek(40);
        assertThat(scrubber.getValue()).isEqualTo(40);
        assertThat(scrubber.getMin()).isEqualTo(-1);
        assertThat(scrubber.getMax()).isEqualTo(lesson.size() - 1);
        interact(() -> scrubber.setValue(120));
        assertThat(cursor()).isEqualTo(120);
        int line = playback.state().line();
        assertThat(lookup("#position").queryLabeled().getText())
                .isEqualTo("event 121 / " + lesson.size() + " · line " + line + " · t = " + playback.state().now() + " ms");
    }

    private void frames(int n) {
        interact(() -> {
            for (int i = 0; i < n && !clock.isEmpty(); i++) clock.getFirst().accept(++frame * 20_000_000L);
        });
    }

    private long frame;

    @Test
    void playingWithAClockDrivenByTheTestReachesTheEndAndStops() {
        seek(lesson.size() - 30);
        interact(() -> playback.paceProperty().set(Pace.events(32)));
        assertThat(lookup("#speed").queryAs(javafx.scene.control.ChoiceBox.class).getValue()).isEqualTo(Pace.events(32));
        clickOn("#play");
        assertThat(playback.playingProperty().get()).isTrue();
        assertThat(lookup("#play").queryButton().getText()).isEqualTo(TransportBar.PAUSE_GLYPH);
        // 32 events a second at 50 frames a second: 30 events take under 50 frames
        frames(60);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cursor()).isEqualTo(lesson.size() - 1);
        assertThat(playback.playingProperty().get()).isFalse();
        assertThat(playback.tickingProperty().get()).as("the clock stopped").isFalse();
        assertThat(clock).isEmpty();
        assertThat(lookup("#play").queryButton().getText()).isEqualTo(TransportBar.PLAY_GLYPH);
        assertThat(lookup("#play").queryButton().isDisabled()).isTrue();
    }

    @Test
    void choosingASpeedSetsThePlaybackPace() {
        interact(() -> lookup("#speed").queryAs(javafx.scene.control.ChoiceBox.class).setValue(Pace.events(2)));
        assertThat(playback.paceProperty().get()).isEqualTo(Pace.events(2));
    }

    @Test
    void atVirtualTimePaceTheHandshakeToTicketGapTakesItsOwnTimeTenTimesSlower() {
        int handshake = LessonRuns.endOfLine(lesson, 4);
        seek(handshake);
        long from = playback.state().now();
        interact(() -> playback.paceProperty().set(Pace.TENTH_OF_REAL_TIME));
        clickOn("#play");
        // 20 ms frames: at a tenth of real time each frame is 2 virtual ms, so 25 virtual ms take about 13 frames
        frames(6);
        assertThat(playback.clockTimeProperty().get()).as("the clock moves smoothly between events").isBetween(from + 8.0, from + 14.0);
        frames(10);
        assertThat(playback.state().now()).isGreaterThanOrEqualTo(from + 25);
        interact(() -> playback.pause());
    }

    @Test
    void everyButtonHasATooltipWithItsKeys() {
        for (Shortcut s : Shortcuts.all()) {
            Button b = lookup("#" + s.id()).queryButton();
            assertThat(b.getTooltip()).as(s.id()).isNotNull();
            assertThat(b.getTooltip().getText()).isEqualTo(s.tooltip());
        }
        assertThat(lookup("#play").queryButton().getTooltip().getText()).isEqualTo("Play / pause (Space)");
        assertThat(Shortcut.NEXT_STATEMENT.keys()).containsExactly(Shortcuts.KEY_NEXT_STATEMENT, Shortcuts.KEY_NEXT_STATEMENT_ALT,
                Shortcuts.KEY_NEXT_STATEMENT_CLICKER);
        assertThat(Shortcut.NEXT_STATEMENT.tooltip()).startsWith("Step forward one statement (").contains(" / ");
    }

    @Test
    void theShortcutsMapKeysToPlaybackCommands() {
        seek(5);
        List<Object[]> cases = List.of(
                new Object[] {KeyCode.RIGHT, false, 6},
                new Object[] {KeyCode.LEFT, false, 5},
                new Object[] {KeyCode.RIGHT, true, lesson.nextStatementEnd(5)});
        for (Object[] c : cases) {
            KeyEvent e = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", (KeyCode) c[0], (boolean) c[1], false, false, false);
            interact(() -> assertThat(Shortcuts.handle(e, playback)).isTrue());
            assertThat(cursor()).isEqualTo((int) c[2]);
        }
        KeyEvent home = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.HOME, false, false, false, false);
        assertThat(Shortcuts.match(home)).contains(Shortcut.TO_START);
        KeyEvent other = new KeyEvent(KeyEvent.KEY_PRESSED, "a", "a", KeyCode.A, false, false, false, false);
        assertThat(Shortcuts.match(other)).isEmpty();
    }
}
