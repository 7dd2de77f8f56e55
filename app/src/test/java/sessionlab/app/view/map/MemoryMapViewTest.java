package sessionlab.app.view.map;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.model.LabState;

/** The memory map over the real default lesson (libssl), headless. */
@ExtendWith(ApplicationExtension.class)
class MemoryMapViewTest {
    static LabState line5, line7, line9;
    MemoryMapView map;

    @BeforeAll
    static void runTheDefaultLesson() throws Exception {
        line5 = LessonHistory.endOfLine(5);
        line7 = LessonHistory.endOfLine(7);
        line9 = LessonHistory.endOfLine(9);
    }

    @Start
    void start(Stage stage) {
        map = new MemoryMapView();
        ScrollPane scroll = new ScrollPane(map);
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 1280, 720));
        stage.show();
    }

    private void show(FxRobot robot, LabState s) {
        robot.interact(() -> map.show(s));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node find(String selector) {
        Node n = map.lookup(selector);
        assertThat(n).as(selector).isNotNull();
        return n;
    }

    private ArrowLayer.Arrow arrow(String id) {
        return (ArrowLayer.Arrow) find("#" + id);
    }

    private String describe() throws Exception {
        return WaitForAsyncUtils.asyncFx(map::describe).get();
    }

    private static int sessionOf(LabState s, String variable) {
        return s.variables().get(variable).session();
    }

    private String badge(int session) {
        return ((Label) find("#session-" + session).lookup(".refcount-badge")).getText();
    }

    private boolean lightOn(int session) {
        return find("#session-" + session).lookup(".resumable-light").getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("on"));
    }

    private long cacheEntries(String ctx) {
        return find("#ctx-" + ctx).lookupAll(".cache-entry").stream().filter(Node::isVisible)
                .filter(n -> n.getParent() != null && n.getParent().isVisible()).count();
    }

    @Test
    void afterGet0TheClientSessionHasCountOneNoResumableLightAndADashedBorrowedArrow(FxRobot robot) {
        show(robot, line5);
        int s0 = sessionOf(line5, "s0");
        assertThat(line5.connections().get("c1").session()).isEqualTo(s0);
        assertThat(badge(s0)).isEqualTo("1");
        assertThat(lightOn(s0)).isFalse();
        assertThat(find("#session-" + s0).getStyleClass()).doesNotContain("destroyed");

        ArrowLayer.Arrow arrow = arrow("arrow-var-s0");
        assertThat(arrow.getStyleClass()).contains("pointer-arrow", "borrowed").doesNotContain("owned", "dangling");
        assertThat(arrow.line().getStrokeDashArray()).isNotEmpty();
        assertThat(find("#var-s0").getStyleClass()).contains("borrowed");
    }

    @Test
    void theS0ArrowEndsOnTheSessionNodeItPointsAt(FxRobot robot) {
        show(robot, line5);
        Bounds target = ArrowLayer.boundsIn(find("#session-" + sessionOf(line5, "s0")), map);
        ArrowLayer.Arrow arrow = arrow("arrow-var-s0");
        Bounds from = ArrowLayer.boundsIn(find("#var-s0"), map);
        double tipX = arrow.line().getEndX(), tipY = arrow.line().getEndY();
        assertThat(tipX).isBetween(target.getMinX(), target.getMaxX());
        assertThat(tipY).isBetween(target.getMinY() - 1, target.getMaxY() + 16);
        assertThat(arrow.line().getStartY()).isBetween(from.getMinY() - 1, from.getMaxY() + 1);
        assertThat(find("#arrow-ssl-c1").isVisible()).isTrue();
    }

    @Test
    void afterTheReadTheS0ArrowDanglesInRedItsSessionFadesAndTheClientCacheHoldsTwoEntries(FxRobot robot) {
        show(robot, line7);
        int s0 = sessionOf(line7, "s0");
        ArrowLayer.Arrow arrow = arrow("arrow-var-s0");
        assertThat(arrow.getStyleClass()).contains("pointer-arrow", "borrowed", "dangling");
        Color stroke = (Color) arrow.line().getStroke();
        assertThat(stroke.getRed()).isGreaterThan(0.6);
        assertThat(stroke.getGreen()).isLessThan(0.4);
        assertThat(arrow.label().isVisible()).isTrue();
        assertThat(arrow.label().getText()).isEqualTo("dangling");

        Node session = find("#session-" + s0);
        assertThat(session.getStyleClass()).contains("session-chip", "destroyed");
        assertThat(session.getParent().getStyleClass()).as("folded into the strip of destroyed sessions").contains("destroyed-strip");
        assertThat(cacheEntries("client")).isEqualTo(2);
        assertThat(find("#ctx-client").lookupAll(".cache-entry")).extracting(n -> ((Label) n).getText())
                .containsExactlyElementsOf(line7.contexts().get("client").cache().stream().map(n -> "#" + n).toList());
    }

    @Test
    void afterGet1TheNewSessionCountsThreeHoldersAndItsArrowIsSolid(FxRobot robot) {
        show(robot, line9);
        int s1 = sessionOf(line9, "s1");
        assertThat(badge(s1)).isEqualTo("3");
        assertThat(lightOn(s1)).isTrue();
        String details = SessionNode.describe(line9.sessions().get(s1), line9.now());
        assertThat(details).contains("held by SSL c1, cache client, var s1");

        ArrowLayer.Arrow arrow = arrow("arrow-var-s1");
        assertThat(arrow.getStyleClass()).contains("pointer-arrow", "owned").doesNotContain("borrowed", "dangling");
        assertThat(arrow.line().getStrokeDashArray()).isEmpty();
        assertThat(arrow.label().isVisible()).isFalse();
    }

    @Test
    void rewindingToLineFiveShowsTheEarlierPictureAgain(FxRobot robot) throws Exception {
        show(robot, line5);
        String before = describe();
        show(robot, line9);
        assertThat(describe()).isNotEqualTo(before);
        show(robot, line5);
        assertThat(describe()).isEqualTo(before);
        int s0 = sessionOf(line5, "s0");
        assertThat(badge(s0)).isEqualTo("1");
        assertThat(find("#session-" + s0).getStyleClass()).doesNotContain("destroyed");
        assertThat(arrow("arrow-var-s0").getStyleClass()).doesNotContain("dangling");
        assertThat(cacheEntries("client")).isZero();
    }

    @Test
    void theBadgeWhoseCountChangedSinceTheLastShowIsMarked(FxRobot robot) {
        show(robot, line5);
        show(robot, line7);
        int s1 = line7.connections().get("c1").session();
        assertThat(find("#session-" + s1).lookup(".refcount-badge").getPseudoClassStates())
                .anyMatch(p -> p.getPseudoClassName().equals("changed"));
    }

    @Test
    void aFreedSslIsFadedAndPointsNowhere(FxRobot robot) throws Exception {
        LabState s = LessonHistory.endOfLine(12);
        show(robot, s);
        Node c1 = find("#ssl-c1");
        assertThat(c1.getStyleClass()).contains("freed");
        assertThat(c1.lookup(".session-pointer").isVisible()).as("a freed SSL has no pointer to show").isFalse();
        assertThat(map.lookup("#arrow-ssl-c1")).isNull();
        assertThat(find("#ssl-c1-server").getStyleClass()).doesNotContain("freed");
        assertThat(find("#arrow-ssl-c1-server").getStyleClass()).contains("pointer-arrow", "ssl-pointer");
    }

    @Test
    void theResumableLightTellsWhyASpentTicketCannotBeResumed(FxRobot robot) throws Exception {
        LabState s = LessonHistory.endOfLine(15);
        show(robot, s);
        int s1 = sessionOf(s, "s1");
        assertThat(lightOn(s1)).isFalse();
        String details = SessionNode.describe(s.sessions().get(s1), s.now());
        assertThat(details).contains("\nnot resumable: single use").contains("\ncopy of #");
    }

    @Test
    void clickingASessionSelectsItAndHandsItToTheInspector(FxRobot robot) {
        show(robot, line9);
        int s1 = sessionOf(line9, "s1");
        Object[] got = new Object[1];
        robot.interact(() -> map.setSelectionHandler(o -> got[0] = o));
        robot.clickOn(find("#session-" + s1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(got[0]).isEqualTo(line9.sessions().get(s1));
        assertThat(find("#session-" + s1).getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("selected"));

        robot.clickOn(find("#ctx-client").lookup(".box-title"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(got[0]).isEqualTo(line9.contexts().get("client"));
        assertThat(find("#session-" + s1).getPseudoClassStates()).noneMatch(p -> p.getPseudoClassName().equals("selected"));

        robot.clickOn(find("#ssl-c1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(got[0]).isEqualTo(line9.connections().get("c1"));
    }

    @Test
    void everyTextIsAtLeastTwelvePixelsAndScalesWithTheFontSizeOnTheMap(FxRobot robot) {
        show(robot, line9);
        assertThat(fontSizes()).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(12));
        double badgeBefore = ((Label) find("#session-" + sessionOf(line9, "s1")).lookup(".refcount-badge")).getFont().getSize();
        robot.interact(() -> map.setStyle("-fx-font-size: 28px;"));
        WaitForAsyncUtils.waitForFxEvents();
        double badgeAfter = ((Label) find("#session-" + sessionOf(line9, "s1")).lookup(".refcount-badge")).getFont().getSize();
        assertThat(badgeAfter).isEqualTo(badgeBefore * 2);
        robot.interact(() -> map.setStyle(""));
    }

    private java.util.List<Double> fontSizes() {
        return map.lookupAll(".label").stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getFont().getSize()).toList();
    }

    @Test
    void theInspectorIsToldWhenTheSelectedSessionChangesAndWhenItNoLongerExists(FxRobot robot) throws Exception {
        show(robot, line9);
        int s1 = sessionOf(line9, "s1");
        java.util.List<Object> got = new java.util.ArrayList<>();
        robot.interact(() -> map.setSelectionHandler(got::add));
        robot.clickOn(find("#session-" + s1));
        WaitForAsyncUtils.waitForFxEvents();

        LabState line12 = LessonHistory.endOfLine(12);
        show(robot, line12);
        assertThat(got).last().isEqualTo(line12.sessions().get(s1));
        assertThat(find("#session-" + s1).getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("selected"));

        show(robot, line5);
        assertThat(line5.sessions()).doesNotContainKey(s1);
        assertThat(got).last().isNull();
        assertThat(map.getSelection()).isNull();
        assertThat(map.lookupAll(".map-node")).noneMatch(n -> n.getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("selected")));
    }
}
