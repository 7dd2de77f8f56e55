package sessionlab.stack.jsse;

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
 * Every lesson (written for libssl) runs to its end on jsse: expectations may differ and calls jsse
 * has no equivalent for are errors, but nothing is an internal error and no evidence disagrees.
 */
class JsseSamplesTest {
    static Stream<Path> lessons() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "samples"))) {
            return s.filter(p -> p.toString().endsWith(".lab")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void aLessonRunsToItsEndOnJsse(Path lesson) throws Exception {
        var scenario = ScenarioParser.parse(lesson.getFileName().toString(), Files.readString(lesson));
        RunResult r = ScenarioRunner.run(scenario, new JsseStack(JsseLab.PKI), new EventLog());
        JsseLab lab = new JsseLab(r);
        assertThat(lab.events(Event.Error.class)).extracting(Event.Error::kind).doesNotContain("internal", "evidence", "host-failed");
        assertThat(lab.events(Event.RunFinished.class)).hasSize(1);
    }
}
