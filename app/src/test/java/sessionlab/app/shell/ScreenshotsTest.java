package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.SessionLabApp;
import sessionlab.app.playback.LessonRunner;
import sessionlab.event.Event;
import sessionlab.run.Stacks;

/**
 * Regenerates screenshots/*.png (and, with {@link TicketStoryAnimationTest}, the animation):
 * {@code mvn -pl app -am verify -Dscreenshots=true -Dtest='ScreenshotsTest,TicketStoryAnimationTest' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ScreenshotsTest {
    private static final Path OUT = Path.of("..", "screenshots");
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new LabController(new LessonRunner(Runnable::run, Stacks.standard()), Runnable::run), SAMPLES);
        window.animationsProperty().set(false);
        stage.setScene(SessionLabApp.createScene(window));
        stage.show();
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        Files.createDirectories(OUT);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> {
            window.applyCss();
            window.layout();
            // the first snapshot after a theme change can still paint cached cells; the second is settled
            window.getScene().snapshot(null);
            img[0] = window.getScene().snapshot(null);
        });
        Path file = OUT.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
        assertThat(Files.size(file)).isPositive();
    }

    private void toEndOfLine(FxRobot robot, int line) {
        robot.interact(() -> {
            var p = window.controller().playback();
            p.toStart();
            while (p.canStepForward().get() && p.history().stateAt(p.history().nextStatementEnd(p.cursorProperty().get())).line() <= line) {
                p.nextStatement();
            }
        });
    }

    private void toFirst(FxRobot robot, Class<? extends Event> type, java.util.function.Predicate<Event> which) {
        robot.interact(() -> {
            var p = window.controller().playback();
            var events = p.history().events();
            for (int i = 0; i < events.size(); i++) {
                if (type.isInstance(events.get(i).event()) && which.test(events.get(i).event())) {
                    p.seek(i);
                    return;
                }
            }
        });
    }

    @Test
    void regenerate(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SAMPLES.resolve("01-tls13-ticket-timing.lab")));
        toEndOfLine(robot, 7);
        shoot(robot, "default-lesson");
        toEndOfLine(robot, 8);
        shoot(robot, "dangling-pointer");
        robot.interact(() -> {
            window.darkProperty().set(true);
            window.open(SAMPLES.resolve("01-tls13-ticket-timing.lab"));
        });
        toEndOfLine(robot, 8);
        shoot(robot, "dark-theme");
        robot.interact(() -> {
            window.darkProperty().set(false);
            window.presenterProperty().set(true);
        });
        toEndOfLine(robot, 7);
        shoot(robot, "presenter-mode");
        robot.interact(() -> {
            window.presenterProperty().set(false);
            window.open(SAMPLES.resolve("05-cache-eviction-expiry-order.lab"));
        });
        toFirst(robot, Event.CacheRemove.class, e -> ((Event.CacheRemove) e).reason().equals("evicted"));
        shoot(robot, "cache-eviction");
        robot.interact(() -> {
            window.open(SAMPLES.resolve("compare/eviction-order.jsse.lab"));
            window.compareChoice().setValue("libssl");
            window.compareChoice().getOnAction().handle(null);
        });
        toEndOfLine(robot, 19);
        shoot(robot, "side-by-side");
    }
}
