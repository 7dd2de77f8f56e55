package sessionlab.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.SessionLabApp;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.playback.LessonRunner;
import sessionlab.app.playback.Pace;
import sessionlab.app.playback.Playback;
import sessionlab.app.shell.LabController;
import sessionlab.app.shell.MainWindow;
import sessionlab.app.view.map.MemoryMapView;
import sessionlab.event.EventLog;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioParser;

/**
 * Prints figures, asserts nothing: seek time over a 100k-event log; the memory map's redraw while stepping through a
 * lesson that keeps 1,000 sessions alive; and real pulses of the whole window while its transitions play over those
 * 1,000 live sessions (Play at 4 events a second, each step animated).
 * Run: {@code mvn -pl app -am verify -Dbench=true -Dtest=AppBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class AppBenchmark {
    /** Pulses measured while transitions play. */
    static final int PULSES = 600;
    private MemoryMapView map;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        map = new MemoryMapView();
        stage.setScene(new Scene(map, 1280, 720));
        stage.show();
    }

    private static History run(String source) throws Exception {
        EventLog log = new EventLog();
        ScenarioRunner.run(ScenarioParser.parse("bench.lab", source), Stacks.standard().byName("libssl").orElseThrow(), log);
        return new History(log.events());
    }

    /** ~100 events per handshake: 1,000 connections give a log of about 100k events. */
    private static String handshakes(int n) {
        StringBuilder sb = new StringBuilder("client = SSL_CTX_new(client, max=tls1.3, cache=client)\nserver = SSL_CTX_new(server)\n");
        for (int i = 0; i < n; i++) sb.append("c = connect(client, server)\nSSL_read(c)\nSSL_shutdown(c)\nSSL_free(c)\nSSL_free(c.server)\n");
        return sb.toString();
    }

    /** 500 TLS 1.3 connections read two tickets each into a client cache: 1,000 live sessions. */
    private static String thousandLive() {
        StringBuilder sb = new StringBuilder("client = SSL_CTX_new(client, max=tls1.3, cache=client)\nserver = SSL_CTX_new(server)\n");
        for (int i = 0; i < 500; i++) sb.append("c = connect(client, server)\nSSL_read(c)\nSSL_shutdown(c)\nSSL_free(c)\nSSL_free(c.server)\n");
        sb.append("note \"1000 cached sessions\"\n");
        for (int i = 0; i < 20; i++) sb.append("advance 1m\n");
        return sb.toString();
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)", s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6,
                s[s.length - 1] / 1e6, s.length);
    }

    private static int noteIndex(History h) {
        int note = 0;
        for (int i = 0; i < h.size(); i++) if (h.events().get(i).event() instanceof sessionlab.event.Event.Note) note = i;
        return note;
    }

    @Test
    void printFigures(FxRobot robot) throws Exception {
        History big = run(handshakes(1000));
        Random random = new Random(42);
        long[] seeks = new long[200];
        for (int i = 0; i < seeks.length; i++) {
            int target = random.nextInt(big.size());
            long t0 = System.nanoTime();
            big.stateAt(target);
            seeks[i] = System.nanoTime() - t0;
        }
        System.out.println("BENCH seek over a " + big.size() + "-event log: " + percentiles(seeks));

        History live = run(thousandLive());
        // the end of a run frees everything: measure where the 1,000 sessions are still alive
        int note = noteIndex(live);
        long alive = live.stateAt(note).sessions().values().stream().filter(LabState.SessionView::alive).count();
        List<Long> frames = new ArrayList<>();
        for (int c = Math.max(0, note - 300); c <= note + 40 && c < live.size(); c++) {
            LabState s = live.stateAt(c);
            long[] t = new long[1];
            robot.interact(() -> {
                long t0 = System.nanoTime();
                map.show(s);
                map.applyCss();
                map.layout();
                t[0] = System.nanoTime() - t0;
            });
            frames.add(t[0]);
        }
        System.out.println("BENCH memory map frame with " + alive + " live sessions: "
                + percentiles(frames.stream().mapToLong(Long::longValue).toArray()));

        pulsesWhileTransitionsPlay(robot, live, note, alive);
    }

    /**
     * The whole window (1280x720, software pipeline) playing the last 300 events before the note at 4 events a second,
     * every step a real transition on the playback's FX clock. An AnimationTimer sees each pulse: the interval between
     * pulses is the frame time (a pulse waits for the last frame to be rendered); the FX thread's share of a pulse is
     * measured from the animation phase to the end of its layout (a post-layout pulse listener).
     */
    private void pulsesWhileTransitionsPlay(FxRobot robot, History live, int note, long alive) throws Exception {
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            LabController controller = new LabController(new LessonRunner(Runnable::run, Stacks.standard()), Runnable::run);
            window[0] = new MainWindow(controller, Path.of("..", "samples").toAbsolutePath().normalize());
            stage.setScene(SessionLabApp.createScene(window[0]));
            controller.playback().load(live);
            controller.playback().seek(Math.max(0, note - 300));
            controller.playback().paceProperty().set(Pace.events(4));
        });
        Playback playback = window[0].controller().playback();
        long[] intervals = new long[PULSES], work = new long[PULSES];
        boolean[] stepped = new boolean[PULSES];
        int[] n = {0};
        long[] last = {-1}, start = {0};
        int[] steps = {0}, stepsAtStart = {0};
        CountDownLatch done = new CountDownLatch(1);
        Runnable afterLayout = () -> {
            if (start[0] > 0 && n[0] > 0 && n[0] <= PULSES) {
                work[n[0] - 1] = System.nanoTime() - start[0];
                stepped[n[0] - 1] = steps[0] != stepsAtStart[0];
            }
        };
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                start[0] = System.nanoTime();
                stepsAtStart[0] = steps[0];
                if (last[0] >= 0 && n[0] < PULSES) intervals[n[0]++] = now - last[0];
                last[0] = now;
                if (n[0] >= PULSES) done.countDown();
            }
        };
        playback.cursorProperty().addListener((o, a, b) -> steps[0]++);
        robot.interact(() -> {
            window[0].getScene().addPostLayoutPulseListener(afterLayout);
            pulses.start();
            playback.play();
        });
        boolean finished = done.await(120, TimeUnit.SECONDS);
        robot.interact(() -> {
            pulses.stop();
            playback.pause();
            window[0].getScene().removePostLayoutPulseListener(afterLayout);
        });
        int got = Math.min(n[0], PULSES);
        if (!finished || got < 2) {
            System.out.println("BENCH pulses: only " + got + " pulses seen");
            return;
        }
        List<Long> animating = new ArrayList<>(), stepping = new ArrayList<>();
        for (int i = 0; i < got; i++) (stepped[i] ? stepping : animating).add(work[i]);
        System.out.println("BENCH window pulses while transitions play, " + alive + " live sessions, " + steps[0] + " steps: frame interval "
                + percentiles(Arrays.copyOf(intervals, got)) + "; FX work per pulse " + percentiles(Arrays.copyOf(work, got)));
        if (!animating.isEmpty()) System.out.println("BENCH   FX work, pulses that only animate: "
                + percentiles(animating.stream().mapToLong(Long::longValue).toArray()));
        if (!stepping.isEmpty()) System.out.println("BENCH   FX work, pulses that take a step (new state shown): "
                + percentiles(stepping.stream().mapToLong(Long::longValue).toArray()));
    }
}
