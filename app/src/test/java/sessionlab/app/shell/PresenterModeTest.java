package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.SessionLabApp;
import sessionlab.app.playback.LessonRunner;
import sessionlab.app.script.Lessons;
import sessionlab.run.Stacks;

/** Presenter mode at 1280x720 on the default lesson, as a room sees it. */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new LabController(new LessonRunner(Runnable::run, Stacks.standard()), Runnable::run), SAMPLES);
        window.animationsProperty().set(false);
        stage.setScene(SessionLabApp.createScene(window));
        stage.show();
        window.open(SAMPLES.resolve(Lessons.DEFAULT));
        window.presenterProperty().set(true);
    }

    private void settle(FxRobot robot) {
        robot.interact(() -> {
            window.applyCss();
            window.layout();
        });
    }

    private void toEndOfLine(FxRobot robot, int line) {
        robot.interact(() -> {
            var p = window.controller().playback();
            p.toStart();
            while (p.canStepForward().get() && p.state().line() < line) p.nextStatement();
        });
        settle(robot);
    }

    /** Every text drawn, with its size on screen: its font size times the scale it is drawn at. */
    private static void texts(Node n, List<String> tooSmall, double min) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        if (n instanceof Text t && !t.getText().isBlank()) {
            Point2D a = t.localToScene(0, 0), b = t.localToScene(0, 1);
            double size = t.getFont().getSize() * a.distance(b);
            if (size < min - 0.01) tooSmall.add(String.format("'%s' at %.1f px (%s)", t.getText(), size, t.getParent().getStyleClass()));
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) texts(c, tooSmall, min);
    }

    @Test
    void everyTextIsAtLeast18PixelsAtEveryStatementOfTheDefaultLesson(FxRobot robot) {
        List<String> tooSmall = new ArrayList<>();
        int lines = window.controller().playback().history().statementStarts().length;
        for (int line = 1; line <= lines + 1; line++) {
            toEndOfLine(robot, line);
            int at = line;
            robot.interact(() -> {
                List<String> here = new ArrayList<>();
                texts(window, here, MainWindow.PRESENTER_MIN_TEXT);
                here.forEach(s -> tooSmall.add("line " + at + ": " + s));
            });
        }
        assertThat(tooSmall).isEmpty();
    }

    @Test
    void theToolbarCollapsesToIconsWithTooltipsAndNoLabelIsElided(FxRobot robot) {
        settle(robot);
        List<ButtonBase> buttons = window.topBar().getChildren().stream().filter(n -> n instanceof ButtonBase && n.isVisible())
                .map(n -> (ButtonBase) n).toList();
        assertThat(buttons).extracting(Node::getId).contains("edit", "run", "menu-button");
        for (ButtonBase b : buttons) {
            assertThat(b.getContentDisplay()).as(b.getId()).isEqualTo(ContentDisplay.GRAPHIC_ONLY);
            assertThat(b.getGraphic()).as(b.getId()).isNotNull();
            assertThat(b.getTooltip()).as(b.getId()).isNotNull();
        }
        assertThat(robot.lookup("#menu-bar").tryQuery()).as("the menus fold into one button").isEmpty();
        List<String> elided = new ArrayList<>();
        for (Parent bar : List.of(window.topBar(), window.transport())) elided(bar, elided);
        assertThat(elided).isEmpty();
    }

    /** Labeled controls whose drawn text is not their whole text (JavaFX draws "..." when there is no room). */
    private static void elided(Node n, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && c.isVisible() && !t.getText().equals(l.getText())) out.add("'" + l.getText() + "' drawn as '" + t.getText() + "'");
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) elided(c, out);
    }

    @Test
    void theCaptionShowsTheStatementAndWhatItDidInLargeType(FxRobot robot) {
        toEndOfLine(robot, 7);
        assertThat(window.caption().statementLabel().getText()).isEqualTo("line 7   SSL_read(c1)");
        assertThat(window.caption().meaningLabel().getText())
                .isEqualTo("c1 read 2 tickets: #6 and #7 are new, #1 was destroyed; s0 now dangles; #6 and #7 entered the cache of client.");
        toEndOfLine(robot, 4);
        assertThat(window.caption().meaningLabel().getText())
                .isEqualTo("c1 did a full tls1.3 handshake; the server's 2 tickets for c1 wait on the wire until the client reads.");
        toEndOfLine(robot, 9);
        assertThat(window.caption().meaningLabel().getText()).isEqualTo("s1 owns a reference to #7 (count 3).");
        Point2D a = window.caption().statementLabel().localToScene(0, 0), b = window.caption().statementLabel().localToScene(0, 1);
        assertThat(window.caption().statementLabel().getFont().getSize() * a.distance(b)).isGreaterThan(24);
        assertThat(robot.lookup("#script-lines").tryQuery()).as("the caption takes the script's place").isEmpty();
    }

    @Test
    void rightAndPageDownStepOneStatementLeftAndPageUpGoBack(FxRobot robot) {
        toEndOfLine(robot, 3);
        robot.interact(() -> window.requestFocus());
        robot.type(KeyCode.RIGHT);
        assertThat(window.controller().playback().state().line()).isEqualTo(4);
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(window.controller().playback().state().line()).isEqualTo(5);
        robot.type(KeyCode.LEFT);
        assertThat(window.controller().playback().state().line()).isEqualTo(4);
        robot.type(KeyCode.PAGE_UP);
        assertThat(window.controller().playback().state().line()).isEqualTo(3);
        assertThat(window.controller().playback().cursorProperty().get())
                .isEqualTo(window.controller().playback().history().nextStatementEnd(window.controller().playback().history().previousStatementEnd(
                        window.controller().playback().cursorProperty().get())));
    }

    @Test
    void theObjectsTheStatementTouchedAreHighlighted(FxRobot robot) {
        toEndOfLine(robot, 7);
        List<String> ids = window.map().touchedNodes().stream().map(Node::getId).toList();
        assertThat(ids).contains("session-1", "session-6", "session-7", "ssl-c1", "ctx-client", "var-s0");
        assertThat(ids).doesNotContain("ssl-c1-server", "ctx-server");
        assertThat(robot.lookup("#session-7").query().getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("touched"));
        toEndOfLine(robot, 8);
        assertThat(window.map().touchedNodes()).extracting(Node::getId).containsExactlyInAnyOrder("var-s0", "session-1");
    }

    @Test
    void leavingPresenterModeBringsTheDeskLayoutBack(FxRobot robot) {
        robot.interact(() -> window.presenterProperty().set(false));
        settle(robot);
        assertThat(robot.lookup("#script-lines").tryQuery()).isPresent();
        assertThat(robot.lookup("#menu-bar").tryQuery()).isPresent();
        assertThat(robot.lookup("#caption-bar").tryQuery()).isEmpty();
        assertThat(robot.lookup("#centre-tabs").tryQuery()).isPresent();
        assertThat(robot.lookup("#map-viewport").tryQuery()).isPresent();
    }
}
