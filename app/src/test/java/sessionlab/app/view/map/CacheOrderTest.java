package sessionlab.app.view.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.LessonRuns;
import sessionlab.app.model.LabState;

/** A cache is drawn head to tail only where the stack shows its order; JSSE's is not visible, and the map says so. */
@ExtendWith(ApplicationExtension.class)
class CacheOrderTest {
    MemoryMapView map;

    @Start
    void start(Stage stage) {
        map = new MemoryMapView();
        stage.setScene(new Scene(new ScrollPane(map), 1280, 720));
        stage.show();
    }

    private static LabState endOf(String lesson, String stack) throws Exception {
        return LessonRuns.after("compare/" + lesson, stack, "c4 = connect"); // the caches right after c4
    }

    private List<String> cacheEnds(FxRobot robot, LabState s) {
        robot.interact(() -> map.show(s));
        WaitForAsyncUtils.waitForFxEvents();
        return map.lookup("#ctx-server").lookupAll(".cache-end").stream().filter(Node::isVisible)
                .filter(n -> n.getParent() != null).map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void aJsseCacheIsListedWithoutAnOrderItCannotSee(FxRobot robot) throws Exception {
        LabState afterC4 = endOf("eviction-order.jsse.lab", "jsse");
        List<String> ends = cacheEnds(robot, afterC4);

        assertThat(ends).containsExactly("order not visible:");
        assertThat(afterC4.contexts().get("server").cache()).as("from the inserts and removals: s1 and c4's session")
                .hasSize(2).contains(afterC4.variables().get("s1").session()).isSorted();
        assertThat(map.lookup("#ctx-server").lookupAll(".cache-entry")).hasSize(2);
    }

    @Test
    void aLibsslCacheRunsFromLatestExpiryToFirst(FxRobot robot) throws Exception {
        List<String> ends = cacheEnds(robot, endOf("eviction-order.libssl.lab", "libssl"));

        assertThat(ends).containsExactly("head", "tail");
    }
}
