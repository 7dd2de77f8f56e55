package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.SessionLabApp;
import sessionlab.app.model.History;
import sessionlab.app.playback.LessonRunner;
import sessionlab.app.script.Lessons;
import sessionlab.event.Event;
import sessionlab.run.Stacks;

/**
 * The projector test: the window at 1280x720 steps through every statement of every sample lesson, and at each
 * one the subjects of the lesson are in the visible map and the wire lane's labels are legible (see {@link ProjectorFit}).
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorFitTest {
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new LabController(new LessonRunner(Runnable::run, Stacks.standard()), Runnable::run), SAMPLES);
        window.animationsProperty().set(false);
        stage.setScene(SessionLabApp.createScene(window));
        stage.show();
    }

    @Test
    void everyStatementOfEverySampleShowsItsSubjectsInTheVisibleMapWithNoWireLabelOverOrCutByAnother(FxRobot robot) {
        Map<String, List<String>> byLesson = new LinkedHashMap<>();
        int[] steps = {0};
        for (Path lesson : Lessons.list(SAMPLES)) {
            List<String> problems = new ArrayList<>();
            long t0 = System.nanoTime();
            robot.interact(() -> {
                window.open(lesson);
                var p = window.controller().playback();
                History h = p.history();
                int[] starts = h.statementStarts();
                Map<Integer, Integer> passes = new java.util.HashMap<>();
                for (int start : starts) passes.merge(((Event.StatementStarted) h.events().get(start).event()).line(), 1, Integer::sum);
                Map<Integer, Integer> pass = new java.util.HashMap<>();
                for (int k = 0; k < starts.length; k++) {
                    var st = (Event.StatementStarted) h.events().get(starts[k]).event();
                    // a repeat body's line runs hundreds of times alike: its first three passes and its last two are checked
                    int n = pass.merge(st.line(), 1, Integer::sum);
                    if (n > 3 && n <= passes.get(st.line()) - 2) continue;
                    p.seek(h.statementEnd(k));
                    window.applyCss();
                    window.layout();
                    steps[0]++;
                    problems.addAll(ProjectorFit.problems(window, p.state(), st.text(),
                            Lessons.name(lesson) + " line " + st.line() + " (" + st.text() + ")"));
                }
                p.toEnd();
                window.applyCss();
                window.layout();
                problems.addAll(ProjectorFit.problems(window, p.state(), "", Lessons.name(lesson) + " end of the run"));
            });
            System.out.printf("projector fit: %s in %d ms%n", Lessons.name(lesson), (System.nanoTime() - t0) / 1_000_000);
            if (!problems.isEmpty()) byLesson.put(Lessons.name(lesson), problems);
        }
        StringBuilder report = new StringBuilder();
        byLesson.forEach((lesson, ps) -> {
            report.append(lesson).append(": ").append(ps.size()).append(" problems\n");
            ps.stream().limit(4).forEach(p -> report.append("  ").append(p).append('\n'));
        });
        Map<String, Long> kinds = new java.util.TreeMap<>();
        byLesson.values().forEach(ps -> ps.forEach(p -> kinds.merge(ProjectorFit.kind(p), 1L, Long::sum)));
        System.out.println("projector fit: by kind " + kinds);
        System.out.println("projector fit: " + steps[0] + " statements stepped, " + byLesson.values().stream().mapToInt(List::size).sum()
                + " problems in " + byLesson.size() + " lessons");
        assertThat(byLesson).as(report.toString()).isEmpty();
    }
}
