package sessionlab.app.view.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.Narration;

@ExtendWith(ApplicationExtension.class)
class NarrationPaneTest {
    private final History history = Lessons.sample(Lessons.DEFAULT);
    private NarrationPane pane;

    @Start
    void start(Stage stage) {
        pane = new NarrationPane();
        stage.setScene(new Scene(pane, 560, 720));
        stage.show();
    }

    private void show(FxRobot robot, LabState state) {
        robot.interact(() -> pane.show(state));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The cells on screen that are showing an entry. */
    private static List<ListCell<?>> shownCells(FxRobot robot) {
        return robot.lookup(".narration-cell").queryAllAs(ListCell.class).stream()
                .<ListCell<?>>map(c -> c).filter(c -> c.isVisible() && !c.isEmpty() && c.getText() != null).toList();
    }

    @Test
    void narrationShowsTheLessonsNoteAtTheEnd(FxRobot robot) {
        show(robot, history.stateAt(history.size() - 1));
        assertThat(pane.entries()).filteredOn(Narration::note).extracting(Narration::text)
                .containsExactly("The remaining ticket had expired; the flush removed it.");
        assertThat(shownCells(robot)).filteredOn(c -> c.getStyleClass().contains("note")).singleElement()
                .satisfies(c -> assertThat(c.getText()).isEqualTo("The remaining ticket had expired; the flush removed it."));
    }

    @Test
    void narrationShowsTheExplanationForTheDestroyedPreTicketSessionAtLine7(FxRobot robot) {
        LabState state = history.stateAt(Lessons.endOfLine(history, 7));
        int s0 = state.variables().get("s0").session();
        show(robot, state);
        String expected = "Session #" + s0 + " was freed during SSL_read(c1)";
        assertThat(shownCells(robot)).filteredOn(c -> c.getText().startsWith(expected)).singleElement()
                .satisfies(c -> assertThat(c.getStyleClass()).contains("explanation").doesNotContain("note"));
    }

    @Test
    void theNewestEntryIsAtTheBottomAndScrolledTo(FxRobot robot) {
        LabState end = history.stateAt(history.size() - 1);
        show(robot, end);
        List<ListCell<?>> cells = shownCells(robot);
        Narration last = end.narration().get(end.narration().size() - 1);
        assertThat(cells).anySatisfy(c -> assertThat(c.getText()).isEqualTo(last.text()));
        assertThat(pane.entries()).last().isEqualTo(last);
    }

    @Test
    void steppingBackTrimsTheNarrationAndHighlightsTheEntryAtTheCursor(FxRobot robot) {
        show(robot, history.stateAt(history.size() - 1));
        int destroyed = -1;
        for (int i = 0; i < history.size(); i++)
            if (history.events().get(i).event() instanceof sessionlab.event.Event.SessionDestroyed d && d.during().startsWith("SSL_read")) destroyed = i;
        LabState at = history.stateAt(destroyed);
        show(robot, at);
        assertThat(pane.entries()).isEqualTo(at.narration());
        assertThat(shownCells(robot)).filteredOn(c -> c.getPseudoClassStates().toString().contains("current")).singleElement()
                .satisfies(c -> assertThat(c.getText()).contains("was freed during SSL_read(c1)"));
    }
}
