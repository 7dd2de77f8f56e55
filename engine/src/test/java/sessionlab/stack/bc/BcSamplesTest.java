package sessionlab.stack.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.run.RunResult;
import sessionlab.run.ScenarioRunner;
import sessionlab.scenario.ScenarioParser;

/**
 * Every lesson, written for libssl, also runs on bctls to its end: where bctls differs the
 * expectations fail or the statements are errors that say why, but nothing crashes or hangs.
 */
class BcSamplesTest {
    static Stream<Path> lessons() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "samples"))) {
            return s.filter(p -> p.toString().endsWith(".lab")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void aLessonRunsToItsEndOnBcWithEveryDifferenceExplained(Path lesson) throws Exception {
        var scenario = ScenarioParser.parse(lesson.getFileName().toString(), Files.readString(lesson));
        RunResult r = ScenarioRunner.run(scenario, new BcStack(BcLab.PKI), new EventLog());
        BcLab lab = new BcLab(r);
        assertThat(lab.events(Event.RunFinished.class)).hasSize(1);
        assertThat(lab.errors()).as(lab.problems()).noneSatisfy(e -> assertThat(e.kind()).isIn("internal", "evidence-mismatch", "keylog"));
        // every statement ran (repeat blocks run their body many times, so compare lines, not counts)
        assertThat(lab.events(Event.StatementStarted.class).stream().map(Event.StatementStarted::line).distinct().count())
                .isEqualTo(lines(scenario.statements()));
    }

    private static long lines(java.util.List<sessionlab.scenario.Statement> statements) {
        long n = 0;
        for (var st : statements) {
            n++;
            if (st instanceof sessionlab.scenario.Statement.Repeat r) n += lines(r.body());
        }
        return n;
    }
}
