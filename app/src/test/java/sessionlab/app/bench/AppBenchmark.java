package sessionlab.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.view.map.MemoryMapView;
import sessionlab.event.EventLog;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioParser;

/**
 * Prints figures, asserts nothing: seek time over a 100k-event log, and the memory map's frame time
 * while stepping through a lesson that keeps 1,000 sessions alive.
 * Run: {@code mvn -pl app -am verify -Dbench=true -Dtest=AppBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class AppBenchmark {
    private MemoryMapView map;

    @Start
    void start(Stage stage) {
        map = new MemoryMapView();
        map.animationMillisProperty().set(0);
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
        int note = 0;
        for (int i = 0; i < live.size(); i++) if (live.events().get(i).event() instanceof sessionlab.event.Event.Note) note = i;
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
    }
}
