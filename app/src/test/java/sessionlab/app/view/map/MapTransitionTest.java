package sessionlab.app.view.map;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.model.Transition;

/**
 * The map's transitions over real steps of the default lesson, drawn at progress 0 (the start) and 1 (the end):
 * the progress is set by the test, as the playback's clock would, so nothing waits.
 */
@ExtendWith(ApplicationExtension.class)
class MapTransitionTest {
    MemoryMapView map;

    @Start
    void start(Stage stage) {
        map = new MemoryMapView();
        stage.setScene(new Scene(new MapViewport(map), 1000, 700));
        stage.show();
    }

    /** Shows the end of line {@code from}, then steps to the end of line {@code to} with the map at progress 0. */
    private Transition step(FxRobot robot, int from, int to) throws Exception {
        History h = LessonHistory.get();
        LabState before = LessonHistory.endOfLine(from), after = LessonHistory.endOfLine(to);
        Transition t = Transition.between(h, before, after);
        robot.interact(() -> {
            map.show(before);
            map.applyCss();
            map.layout();
            map.prepare(t);
            map.show(after);
            map.setProgress(0);
            map.applyCss();
            map.layout();
        });
        return t;
    }

    private void at(FxRobot robot, double p) {
        robot.interact(() -> {
            map.setProgress(p);
            map.applyCss();
            map.layout();
        });
    }

    private Node node(String id) {
        Node n = map.lookup("#" + id);
        assertThat(n).as(id).isNotNull();
        return n;
    }

    private String badge(int session) {
        return ((Label) node("session-" + session).lookup(".refcount-badge")).getText();
    }

    @Test
    void readingTheTicketsGrowsTheCopiesOutOfTheirParentsFadesTheDeadSessionAndTurnsS0Red(FxRobot robot) throws Exception {
        step(robot, 6, 7);
        Node six = node("session-6"), seven = node("session-7");
        assertThat(six.getOpacity()).isZero();
        assertThat(six.getScaleX()).isLessThan(0.2);
        assertThat(Math.abs(seven.getTranslateX()) + Math.abs(seven.getTranslateY())).as("#7 starts where its parent #6 is").isPositive();
        assertThat(badge(7)).as("counting up from nothing").isEqualTo("0");
        assertThat(node("session-1").getOpacity()).as("the destroyed chip fades in").isZero();
        assertThat(map.ghosts()).anySatisfy(g -> assertThat(g.getStyleClass()).contains("dying"));
        ArrowLayer.Arrow red = (ArrowLayer.Arrow) node("arrow-var-s0");
        assertThat(red.getOpacity()).isZero();
        assertThat(map.ghosts()).anySatisfy(g -> {
            assertThat(g.getId()).isEqualTo("ghost-arrow-var-s0");
            assertThat(g.getStyleClass()).doesNotContain("dangling");
            assertThat(g.getOpacity()).isEqualTo(1.0);
        });
        ArrowLayer.Arrow c1 = (ArrowLayer.Arrow) node("arrow-ssl-c1");
        assertThat(c1.revealed()).as("c1's pointer to #7 is not drawn yet").isZero();
        assertThat(map.ghosts()).anySatisfy(g -> assertThat(g.getId()).isEqualTo("ghost-arrow-ssl-c1"));
        Label entry = (Label) node("ctx-client").lookupAll(".cache-entry").stream().filter(n -> "#7".equals(((Label) n).getText()))
                .findFirst().orElseThrow();
        assertThat(Math.abs(entry.getTranslateX()) + Math.abs(entry.getTranslateY())).as("#7 slides into the cache from its node").isPositive();

        at(robot, 1);
        assertThat(six.getOpacity()).isEqualTo(1.0);
        assertThat(six.getScaleX()).isEqualTo(1.0);
        assertThat(seven.getTranslateX()).isZero();
        assertThat(badge(7)).isEqualTo("2");
        assertThat(node("session-1").getOpacity()).isEqualTo(1.0);
        assertThat(red.getOpacity()).isEqualTo(1.0);
        assertThat(c1.revealed()).isEqualTo(1.0);
        assertThat(entry.getTranslateY()).isZero();
        assertThat(map.ghosts()).as("the end of a step is the plain picture").isEmpty();
    }

    @Test
    void theWireGoesFirstWhenTicketsTravelTheMapChangesOnceTheyArrive(FxRobot robot) throws Exception {
        Transition t = step(robot, 6, 7);
        assertThat(t.travels()).isTrue();
        at(robot, Transition.WIRE_SHARE * 0.9);
        assertThat(node("session-6").getOpacity()).as("the ticket is still on its way").isZero();
        at(robot, 0.8);
        assertThat(node("session-6").getOpacity()).isBetween(0.1, 0.999);
    }

    @Test
    void aGet1CountsTheBadgeUpAndDrawsItsArrow(FxRobot robot) throws Exception {
        step(robot, 8, 9);
        assertThat(badge(7)).isEqualTo("2");
        assertThat(((ArrowLayer.Arrow) node("arrow-var-s1")).revealed()).isZero();
        at(robot, 0.6);
        assertThat(((ArrowLayer.Arrow) node("arrow-var-s1")).revealed()).isBetween(0.01, 0.99);
        at(robot, 1);
        assertThat(badge(7)).isEqualTo("3");
    }

    @Test
    void aFlushSlidesTheExpiredSessionOutOfTheCacheWithItsReason(FxRobot robot) throws Exception {
        step(robot, 18, 19);
        Label reason = (Label) map.ghosts().stream().filter(g -> "leave-reason-6".equals(g.getId())).findFirst().orElseThrow();
        assertThat(reason.getText()).isEqualTo("timeout");
        assertThat(reason.getOpacity()).isEqualTo(1.0);
        assertThat(map.ghosts()).anySatisfy(g -> {
            assertThat(g.getStyleClass()).contains("cache-entry", "leaving");
            assertThat(((Label) g).getText()).isEqualTo("#6");
        });
        at(robot, 1);
        assertThat(map.ghosts()).isEmpty();
    }

    @Test
    void endingTheTransitionPutsTheMapBackAsItIs(FxRobot robot) throws Exception {
        step(robot, 6, 7);
        robot.interact(() -> {
            map.prepare(null);
            map.layout();
        });
        assertThat(map.getTransition()).isNull();
        assertThat(map.ghosts()).isEmpty();
        assertThat(node("session-6").getOpacity()).isEqualTo(1.0);
        assertThat(badge(7)).isEqualTo("2");
    }
}
