package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.SessionLabApp;
import sessionlab.app.playback.LessonRunner;
import sessionlab.app.playback.Playback;
import sessionlab.run.Stacks;

/**
 * Records screenshots/ticket-story.gif from real frames of the app: lesson 14, stepped statement by statement with
 * its transitions played by a clock this test drives (a frame every {@link #FRAME_MS} ms of the animation), so the
 * tickets are seen on the wire, waiting at the client, and taken by SSL_read. Opt-in, with the screenshots:
 * {@code mvn -pl app -am verify -Dscreenshots=true -Dtest='ScreenshotsTest,TicketStoryAnimationTest' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class TicketStoryAnimationTest {
    static final Path OUT = Path.of("..", "screenshots", "ticket-story.gif");
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    static final int FRAME_MS = 80;
    static final int HOLD_MS = 1400;
    static final long MAX_BYTES = 2_000_000;
    private final List<LongConsumer> clock = new ArrayList<>();
    private long nanos;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Playback.Clock manual = new Playback.Clock() {
            @Override public void start(LongConsumer frame) { clock.add(frame); }
            @Override public void stop() { clock.clear(); }
        };
        window = new MainWindow(new LabController(new LessonRunner(Runnable::run, Stacks.standard()), Runnable::run, manual), SAMPLES);
        stage.setScene(SessionLabApp.createScene(window));
        stage.show();
    }

    private int shot;

    /** A frame of the window; with {@code -DticketStory.frames=DIR} each is also kept there as a PNG, to look at. */
    private java.awt.image.BufferedImage frame(FxRobot robot) throws java.io.IOException {
        java.awt.image.BufferedImage[] img = new java.awt.image.BufferedImage[1];
        robot.interact(() -> {
            window.applyCss();
            window.layout();
            img[0] = SwingFXUtils.fromFXImage(window.getScene().snapshot(null), null);
        });
        String dir = System.getProperty("ticketStory.frames");
        if (dir != null) javax.imageio.ImageIO.write(img[0], "png", Path.of(dir, String.format("frame-%03d.png", shot++)).toFile());
        return img[0];
    }

    @Test
    void recordTheTicketStory(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SAMPLES.resolve("14-man-tls13-after-handshake.lab")));
        var p = window.controller().playback();
        robot.interact(() -> {
            while (p.state().line() < 15) p.nextStatement();
        });
        Files.createDirectories(OUT.getParent());
        try (GifRecorder gif = new GifRecorder(OUT)) {
            gif.add(frame(robot), HOLD_MS);
            while (p.state().line() < 30) {
                robot.interact(p::nextStatement);
                while (!clock.isEmpty()) {
                    gif.add(frame(robot), FRAME_MS);
                    robot.interact(() -> {
                        nanos += FRAME_MS * 1_000_000L;
                        if (!clock.isEmpty()) clock.getFirst().accept(nanos);
                    });
                }
                gif.add(frame(robot), HOLD_MS);
            }
            System.out.println("ticket story: " + gif.frames() + " frames");
        }
        System.out.println("ticket story: " + Files.size(OUT) + " bytes");
        assertThat(Files.size(OUT)).isPositive().isLessThan(MAX_BYTES);
    }
}
