package sessionlab.app.view.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Accordion;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.SessionView;
import sessionlab.app.model.LabState.WireView;

@ExtendWith(ApplicationExtension.class)
class InspectorPaneTest {
    private final History history = Lessons.sample(Lessons.DEFAULT);
    private InspectorPane pane;

    @Start
    void start(Stage stage) {
        pane = new InspectorPane();
        stage.setScene(new Scene(pane, 480, 720));
        stage.show();
    }

    private void inspect(FxRobot robot, Object selection, LabState state) {
        robot.interact(() -> pane.inspect(selection, state));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Map<String, String> values(InspectorPane pane, String category) {
        return pane.items().stream().filter(i -> i.getCategory().equals(category))
                .collect(Collectors.toMap(PropertySheet.Item::getName, i -> String.valueOf(i.getValue()), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private SessionView s1At(LabState state) {
        return state.sessions().get(state.variables().get("s1").session());
    }

    @Test
    void inspectorShowsRefcount3AndTheThreeHoldersForS1sSessionAtTheEndOfLine9(FxRobot robot) {
        LabState state = history.stateAt(Lessons.endOfLine(history, 9));
        inspect(robot, s1At(state), state);
        robot.clickOn(InspectorItems.REFERENCES);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(values(pane, InspectorItems.REFERENCES)).containsExactly(
                Map.entry("Reference count", "3"),
                Map.entry("SSL c1", "1 reference"),
                Map.entry("cache client", "1 reference"),
                Map.entry("var s1", "1 reference"));
        assertThat(robot.lookup("#inspector-title").queryAs(Label.class).getText()).contains("refcount 3");
        List<String> shown = robot.lookup(".inspector-value").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).filter(l -> l.getScene() != null && l.localToScene(l.getBoundsInLocal()).getHeight() > 0)
                .map(Label::getText).toList();
        assertThat(shown).contains("3", "1 reference");
        assertThat(robot.lookup("SSL c1").tryQuery()).isPresent();
        assertThat(robot.lookup("var s1").tryQuery()).isPresent();
    }

    @Test
    void theSessionShowsItsFullIdAndThatItIsACopy(FxRobot robot) {
        LabState state = history.stateAt(Lessons.endOfLine(history, 9));
        SessionView s1 = s1At(state);
        inspect(robot, s1, state);
        assertThat(values(pane, InspectorItems.SESSION)).containsEntry("Copy of", "#" + s1.dupOf()).containsEntry("Resumable", "yes")
                .containsEntry("In cache", "client");
        assertThat(values(pane, InspectorItems.TIME).get("Session id").replaceAll("\\s", "")).isEqualTo(s1.id()).hasSize(64);
    }

    @Test
    void aRecordsHexViewStartsWithTheRecordHeaderBytes(FxRobot robot) {
        LabState state = history.stateAt(Lessons.endOfLine(history, 7));
        WireView ticket = state.records().stream().filter(r -> r.label().contains("NewSessionTicket")).findFirst().orElseThrow();
        inspect(robot, ticket, state);

        byte[] bytes = HexFormat.of().parseHex(ticket.hex());
        String header = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, 5);
        TextArea hex = robot.lookup("#inspector-hex").queryAs(TextArea.class);
        assertThat(hex.isVisible()).isTrue();
        assertThat(hex.getText()).startsWith("0000  " + header);
        assertThat(header).startsWith("17 03 03");
        List<String> lines = hex.getText().lines().toList();
        assertThat(lines.get(1)).contains("record header: application_data (23)").contains((bytes.length - 5) + " bytes follow");
        assertThat(lines.get(2)).startsWith("----");
        assertThat(lines.get(3)).startsWith("0005  " + HexFormat.ofDelimiter(" ").formatHex(bytes, 5, 13));
        assertThat(values(pane, InspectorItems.RECORD)).containsEntry("Encrypted", "yes").containsEntry("Direction", "server → client");
    }

    @Test
    void nothingSelectedShowsThePlaceholder(FxRobot robot) {
        inspect(robot, null, history.stateAt(10));
        Label placeholder = robot.lookup("#inspector-placeholder").queryAs(Label.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).isEqualTo("Select a session, connection, context or record");
        assertThat(robot.lookup("#inspector-sheet").query().isVisible()).isFalse();
        assertThat(robot.lookup("#inspector-hex").query().isVisible()).isFalse();
    }

    @Test
    void theSelectedSessionFollowsTheCursorAndIsNotCreatedYetEarlier(FxRobot robot) {
        LabState line9 = history.stateAt(Lessons.endOfLine(history, 9));
        SessionView s1 = s1At(line9);
        inspect(robot, s1, line9);

        LabState line12 = history.stateAt(Lessons.endOfLine(history, 12));
        robot.interact(() -> pane.refresh(line12));
        assertThat(values(pane, InspectorItems.REFERENCES)).containsEntry("Reference count", "2").doesNotContainKey("SSL c1");

        LabState line5 = history.stateAt(Lessons.endOfLine(history, 5));
        robot.interact(() -> pane.refresh(line5));
        assertThat(robot.lookup("#inspector-placeholder").queryAs(Label.class).getText())
                .isEqualTo("Session #" + s1.number() + ": not created yet at this point");
        assertThat(pane.selection()).isSameAs(s1);
    }

    @Test
    void aDestroyedSessionSaysWhen(FxRobot robot) {
        LabState line7 = history.stateAt(Lessons.endOfLine(history, 7));
        SessionView s0 = line7.sessions().get(line7.variables().get("s0").session());
        inspect(robot, s0, line7);
        assertThat(values(pane, InspectorItems.SESSION)).containsEntry("State", "destroyed at 100 ms");
        assertThat(values(pane, InspectorItems.REFERENCES)).containsEntry("Reference count", "0").containsEntry("Holders", "none");
        assertThat(robot.lookup("#inspector-title").queryAs(Label.class).getPseudoClassStates().toString()).contains("destroyed");
    }

    @Test
    void theOpenedCategoryStaysOpenWhileStepping(FxRobot robot) {
        int from = Lessons.endOfLine(history, 9);
        LabState state = history.stateAt(from);
        inspect(robot, s1At(state), state);
        robot.clickOn(InspectorItems.TIME);
        WaitForAsyncUtils.waitForFxEvents();
        for (int c = from + 1; c <= Lessons.endOfLine(history, 12); c++) {
            LabState next = history.stateAt(c);
            robot.interact(() -> pane.refresh(next));
        }
        Accordion accordion = robot.lookup(".accordion").queryAs(Accordion.class);
        assertThat(accordion.getExpandedPane().getText()).isEqualTo(InspectorItems.TIME);
    }

    @Test
    void aContextShowsItsSettingsStatsAndCacheHeadToTail(FxRobot robot) {
        LabState state = history.stateAt(Lessons.endOfLine(history, 7));
        inspect(robot, state.contexts().get("client"), state);
        assertThat(values(pane, InspectorItems.SETTINGS)).containsEntry("cache", "client").containsEntry("max", "tls1.3");
        assertThat(values(pane, InspectorItems.STATISTICS)).containsEntry("number", "2").containsEntry("connect_good", "1");
        Map<String, String> cache = values(pane, InspectorItems.CACHE);
        assertThat(cache.get("Size")).isEqualTo("2");
        List<Integer> order = state.contexts().get("client").cache();
        assertThat(cache.get("Entry 1 (head)")).startsWith("#" + order.get(0));
        assertThat(cache.get("Entry 2 (tail)")).startsWith("#" + order.get(1));
    }

    @Test
    void aConnectionShowsTheGapBeforeItsTicketsWereRead(FxRobot robot) {
        LabState state = history.stateAt(Lessons.endOfLine(history, 9));
        inspect(robot, state.connections().get("c1"), state);
        assertThat(values(pane, InspectorItems.HANDSHAKE)).containsEntry("Tickets received", "2")
                .containsEntry("No resumable session for", "50 ms");
        assertThat(values(pane, InspectorItems.SESSION).get("Session pointer")).startsWith("#" + s1At(state).number());
    }
}
