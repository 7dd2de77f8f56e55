package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.SessionLabApp;
import sessionlab.app.model.LabState;
import sessionlab.app.playback.LessonRunner;
import sessionlab.app.script.Lessons;
import sessionlab.run.Stacks;

/** The window on the default lesson, driven like a teacher would; runs and callbacks are synchronous here. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        LabController controller = new LabController(new LessonRunner(Runnable::run, Stacks.standard()), Runnable::run);
        Path dir = Path.of("..", "samples").toAbsolutePath().normalize();
        window = new MainWindow(controller, dir);
        window.animationsProperty().set(false);
        stage.setScene(SessionLabApp.createScene(window));
        stage.show();
        window.open(dir.resolve(Lessons.DEFAULT));
    }

    private LabState atEndOfLine(FxRobot robot, int line) {
        robot.interact(() -> {
            var p = window.controller().playback();
            p.toStart();
            while (p.canStepForward().get() && p.history().stateAt(p.history().nextStatementEnd(p.cursorProperty().get())).line() <= line) {
                p.nextStatement();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return window.controller().playback().state();
    }

    private String badgeOf(FxRobot robot, int session) {
        Node node = robot.lookup("#session-" + session).query();
        Labeled badge = robot.from(node).lookup(".refcount-badge").queryLabeled();
        return badge.getText();
    }

    @Test
    void theDefaultLessonOpensReadyToPlay(FxRobot robot) {
        assertThat(window.controller().playback().sizeProperty().get()).isGreaterThan(100);
        assertThat(window.controller().playback().cursorProperty().get()).isEqualTo(-1);
        assertThat(robot.lookup("#script-line-4").queryAs(javafx.scene.control.ListCell.class).getItem()).isNotNull();
    }

    @Test
    void theTicketTimingStoryShowsOnTheMemoryMap(FxRobot robot) {
        LabState afterGet0 = atEndOfLine(robot, 5);
        int s0 = afterGet0.variables().get("s0").session();
        assertThat(badgeOf(robot, s0)).isEqualTo("1");
        Node light = robot.from(robot.lookup("#session-" + s0).queryAs(Node.class)).lookup(".resumable-light").query();
        assertThat(light.getPseudoClassStates()).noneMatch(p -> p.getPseudoClassName().equals("on"));
        assertThat(robot.lookup("#var-s0").queryAs(Node.class)).isNotNull();

        atEndOfLine(robot, 7);
        assertThat(robot.lookup(".pointer-arrow.dangling").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#session-" + s0).queryAs(Node.class).getStyleClass()).contains("destroyed");
        assertThat(robot.lookup("#ctx-client").lookup(".cache-entry").queryAll()).hasSize(2);

        LabState afterGet1 = atEndOfLine(robot, 9);
        assertThat(badgeOf(robot, afterGet1.variables().get("s1").session())).isEqualTo("3");
    }

    @Test
    void rewindingBringsTheEarlierPictureBack(FxRobot robot) {
        atEndOfLine(robot, 9);
        LabState back = atEndOfLine(robot, 5);
        assertThat(robot.lookup(".pointer-arrow.dangling").queryAll()).isEmpty();
        assertThat(badgeOf(robot, back.variables().get("s0").session())).isEqualTo("1");
    }

    @Test
    void keyboardStepsThroughStatements(FxRobot robot) {
        robot.interact(() -> window.requestFocus());
        robot.type(javafx.scene.input.KeyCode.DOWN);
        robot.type(javafx.scene.input.KeyCode.DOWN);
        assertThat(window.controller().playback().state().line()).isEqualTo(2);
        robot.type(javafx.scene.input.KeyCode.UP);
        assertThat(window.controller().playback().state().line()).isEqualTo(1);
    }

    @Test
    void aParseErrorIsShownAtItsLine(FxRobot robot) {
        robot.interact(() -> {
            window.controller().sourceProperty().set("client = SSL_CTX_new(client)\nSSL_read(nobody)\n");
            window.controller().run(false);
        });
        assertThat(robot.lookup(".script-error").queryLabeled().getText()).startsWith(Lessons.DEFAULT + ":2:10: ");
        assertThat(window.script().editingProperty().get()).isTrue();
        assertThat(window.script().lines().get(1).error()).isNotNull();
    }

    @Test
    void aClickInInteractiveModeAppendsAStatementAndRunsIt(FxRobot robot) {
        String before = window.controller().sourceProperty().get();
        robot.interact(() -> window.controller().perform("advance 1h"));
        assertThat(window.controller().sourceProperty().get()).isEqualTo(before + "advance 1h\n");
        LabState end = window.controller().playback().state();
        assertThat(end.cursor()).isEqualTo(window.controller().playback().sizeProperty().get() - 1);
        assertThat(end.line()).isGreaterThanOrEqualTo(22);
    }

    @Test
    void aConnectionThatDidNotResumeSaysWhyAndLinksToTheStep(FxRobot robot) {
        robot.interact(() -> {
            window.controller().sourceProperty().set("""
                    client = SSL_CTX_new(client, max=tls1.3, cache=client)
                    server = SSL_CTX_new(server)
                    c1 = connect(client, server)
                    SSL_read(c1)
                    s = SSL_get1_session(c1)
                    SSL_free(c1)
                    c2 = connect(client, server, session=s)
                    """);
            window.controller().run(true);
        });
        assertThat(robot.lookup("#ssl-c2").lookup(".resume-why").queryLabeled().getText())
                .isEqualTo("not resumed: marked not resumable (line 6)");
        robot.clickOn("#ssl-c2");
        robot.clickOn("#inspector-cause");
        LabState at = window.controller().playback().state();
        assertThat(at.line()).isEqualTo(6);
        assertThat(at.last().event()).isInstanceOf(sessionlab.event.Event.SessionFlag.class);
    }

    @Test
    void comparingWithAStackShowsItSideBySideAtTheSameStatement(FxRobot robot) {
        robot.interact(() -> {
            window.compareChoice().setValue("libssl");
            window.compareChoice().getOnAction().handle(null);
        });
        atEndOfLine(robot, 9);
        assertThat(robot.lookup("#side-by-side").tryQuery()).isPresent();
        javafx.scene.Node other = robot.lookup("#compare-pane").query();
        // the same lesson on the same stack: the other map shows the same sessions, and no line differs
        assertThat(robot.from(other).lookup(".session-node").queryAll()).isNotEmpty();
        assertThat(window.controller().differencesProperty().get()).isEmpty();
        assertThat(robot.from(other).lookup(".compare-title").queryLabeled().getText()).startsWith("libssl");
        robot.interact(() -> {
            window.compareChoice().setValue("nothing");
            window.compareChoice().getOnAction().handle(null);
        });
        assertThat(robot.lookup("#side-by-side").tryQuery()).isEmpty();
    }

    @Test
    void presenterModeHidesTheSidePanesAndHelpListsTheKeys(FxRobot robot) {
        robot.interact(() -> window.presenterProperty().set(true));
        assertThat(robot.lookup("#script-lines").tryQuery()).isEmpty();
        robot.interact(() -> window.help().setVisible(true));
        assertThat(robot.lookup(".help-key").queryAll()).hasSize(Keys.ALL.size());
    }

    @Test
    void theFileMenuOffersTheWiresharkExportOnlyWhenARunPutRecordsOnTheWire(FxRobot robot) {
        javafx.scene.control.MenuItem item = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus()
                .getFirst().getItems().stream().filter(i -> "export-capture".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.getText()).isEqualTo("Export capture for Wireshark\u2026");
        assertThat(item.isDisable()).isFalse();
        assertThat(window.controller().keyLog()).isNotEmpty().allMatch(l -> l.split(" ").length == 3);

        robot.interact(() -> {
            window.controller().sourceProperty().set("note \"nothing on the wire\"\n");
            window.controller().run(false);
        });
        assertThat(item.isDisable()).isTrue();
        assertThat(window.controller().keyLog()).isEmpty();
    }

    @Test
    void theComparisonLessonsAreInThePickerAndTheStackChooserShowsTheStackThatRan(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Path> picker = robot.lookup("#lesson-picker").queryAs(javafx.scene.control.ComboBox.class);
        Path jsseLesson = picker.getItems().stream().filter(p -> Lessons.name(p).equals("compare/eviction-order.jsse.lab")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> stack = robot.lookup("#stack-choice").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(stack.getValue()).isEqualTo("libssl");

        robot.interact(() -> picker.setValue(jsseLesson));

        assertThat(window.controller().resultProperty().get().stack()).as("the lesson's own stack line").isEqualTo("jsse");
        assertThat(stack.getValue()).isEqualTo("jsse");
        assertThat(window.controller().stackProperty().get()).as("showing it is not choosing it").isNull();
    }
}
