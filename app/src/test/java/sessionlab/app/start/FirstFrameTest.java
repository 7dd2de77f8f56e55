package sessionlab.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start-up measurement prints one line, with the injected clock's time, once the first frame is painted. */
@ExtendWith(ApplicationExtension.class)
class FirstFrameTest {
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new Label("first frame"), 200, 100);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theFirstPaintedFrameIsReportedOnceWithTheClocksTime(FxRobot robot) throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> then = new CompletableFuture<>();

        robot.interact(() -> FirstFrame.report(scene, () -> 1_796_000_000_123L, out::add, () -> then.complete(null)));
        then.get(30, TimeUnit.SECONDS); // bounded wait for the pulse, not a sleep
        robot.interact(() -> {
            scene.setRoot(new Label("a later frame"));
            Platform.requestNextPulse();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(out).containsExactly("first-frame-painted epoch-ms=1796000000123");
    }
}
