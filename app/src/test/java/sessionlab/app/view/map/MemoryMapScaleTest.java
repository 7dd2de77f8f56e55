package sessionlab.app.view.map;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.event.EventLog;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioParser;

/**
 * A long real run (150 TLS 1.3 connections on libssl, about a thousand sessions): the map folds what it
 * cannot usefully draw into "+N more" and keeps drawing what is pointed at. Prints show() timings; asserts none.
 */
@ExtendWith(ApplicationExtension.class)
class MemoryMapScaleTest {
    static final int CONNECTIONS = 150;
    static LabState big;
    static LabState small;
    static LabState small7;
    static LabState[] bigSteps;
    MemoryMapView map;
    Region probe;

    @BeforeAll
    static void runAScenarioWithAThousandSessions() throws Exception {
        StringBuilder lab = new StringBuilder("stack libssl\nclient = SSL_CTX_new(client, max=tls1.3, cache=client)\n"
                + "server = SSL_CTX_new(server, tickets=2)\n");
        for (int i = 1; i <= CONNECTIONS; i++) {
            lab.append("c").append(i).append(" = connect(client, server)\nSSL_read(c").append(i).append(")\n");
            if (i == 1) lab.append("first = SSL_get1_session(c1)\n");
        }
        lab.append("last = SSL_get0_session(c").append(CONNECTIONS).append(")\nnote \"done\"\n");
        EventLog log = new EventLog();
        ScenarioRunner.run(ScenarioParser.parse("big.lab", lab.toString()), Stacks.standard().byName("libssl").orElseThrow(), log);
        History h = new History(log.events());
        int[] starts = h.statementStarts();
        // just before the final note: everything still alive (the end of a run frees all)
        big = h.stateAt(starts[starts.length - 1] - 1);
        small = LessonHistory.endOfLine(9);
        bigSteps = new LabState[40];
        for (int i = 0; i < bigSteps.length; i++) bigSteps[i] = h.stateAt(big.cursor() - bigSteps.length + 1 + i);
        small7 = LessonHistory.endOfLine(7);
    }

    @Start
    void start(Stage stage) {
        map = new MemoryMapView();
        ScrollPane scroll = new ScrollPane(map);
        scroll.setFitToWidth(true);
        probe = new Region();
        probe.setManaged(false);
        probe.resize(1, 1);
        stage.setScene(new Scene(new StackPane(scroll, probe), 1280, 720));
        stage.show();
    }

    private long visible(Node column, String selector) {
        return column.lookupAll(selector).stream().filter(Node::isVisible).filter(n -> n.getParent().isVisible()).count();
    }

    @Test
    void aThousandSessionsAreFoldedIntoPlusNMoreAndThePointedOnesStayDrawn(FxRobot robot) {
        assertThat(big.sessions()).hasSizeGreaterThan(900);
        robot.interact(() -> map.show(big));
        WaitForAsyncUtils.waitForFxEvents();

        Node client = map.lookup("#side-client");
        long clientSessions = big.sessions().values().stream().filter(s -> "client".equals(s.side()) && s.alive()).count();
        // eight SSL objects make the column crowded: it keeps fewer session nodes
        int drawn = Math.min(map.getSessionLimit(), MapPlan.CROWDED_SESSIONS);
        assertThat(visible(client, ".session-node")).isEqualTo(drawn);
        Label more = (Label) map.lookup("#more-sessions-client");
        assertThat(more.isVisible()).isTrue();
        assertThat(more.getText()).isEqualTo("+" + (clientSessions - drawn) + " more sessions");

        int cached = big.contexts().get("client").cache().size();
        assertThat(cached).isGreaterThan(ContextBox.HEAD_SHOWN + ContextBox.TAIL_SHOWN);
        assertThat(visible(map.lookup("#ctx-client"), ".cache-entry")).isEqualTo(ContextBox.HEAD_SHOWN + ContextBox.TAIL_SHOWN);
        assertThat(((Label) map.lookup("#ctx-client").lookup(".cache-more")).getText())
                .isEqualTo("+" + (cached - ContextBox.HEAD_SHOWN - ContextBox.TAIL_SHOWN) + " more");

        // the oldest session is drawn because a name still points at it
        int first = big.variables().get("first").session();
        assertThat(map.lookup("#session-" + first)).isNotNull();
        assertThat(map.lookup("#arrow-var-first").isVisible()).isTrue();
        assertThat(map.lookup("#arrow-var-last").isVisible()).isTrue();
        assertThat(visible(client, ".ssl-box")).isLessThanOrEqualTo(8);
    }

    @Test
    void showTimingsArePrinted(FxRobot robot) {
        String only = System.getProperty("map.only", "");
        if (only.isEmpty() || only.equals("small")) time(robot, "lesson 01, alternating lines 7 and 9", small7, small);
        if (only.isEmpty() || only.equals("step")) time(robot, "long run, stepping event by event", bigSteps);
        if (only.isEmpty() || only.equals("jump")) time(robot, "long run, jumping to lesson 01 and back", big, small);
    }

    /**
     * Times show() and then the CSS and layout a real pulse would do. Node.applyCss() would force CSS on the whole
     * map, so instead a one-pixel node is snapshotted: that runs the scene's own CSS and layout passes, which only
     * visit what show() dirtied. The snapshot's fixed cost, measured on a clean scene, is printed too.
     */
    private void time(FxRobot robot, String what, LabState... states) {
        robot.interact(() -> {
            int rounds = Integer.getInteger("map.rounds", 60);
            for (int i = 0; i < rounds; i++) { // warm-up: the figures are for a JIT-compiled redraw
                map.show(states[i % states.length]);
                probe.snapshot(null, null);
            }
            long show = 0, total = 0, idle = 0;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                map.show(states[i % states.length]);
                long t1 = System.nanoTime();
                probe.snapshot(null, null);
                long t2 = System.nanoTime();
                probe.snapshot(null, null);
                long t3 = System.nanoTime();
                show += t1 - t0;
                total += t2 - t0;
                idle += t3 - t2;
            }
            System.out.printf("memory map, %s: show %.2f ms, show+css+layout %.2f ms (snapshot overhead %.2f ms, %d sessions)%n",
                    what, show / 1e6 / rounds, (total - idle) / 1e6 / rounds, idle / 1e6 / rounds, states[0].sessions().size());
        });
    }
}
