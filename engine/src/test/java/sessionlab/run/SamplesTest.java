package sessionlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.scenario.ScenarioParser;

/** Every lesson in samples/ passes on the real libssl, with holders that add up. */
class SamplesTest {
    static Stream<Path> lessons() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "samples"))) {
            return s.filter(p -> p.toString().endsWith(".lab")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void lessonPassesOnLibssl(Path lesson) throws Exception {
        var scenario = ScenarioParser.parse(lesson.getFileName().toString(), Files.readString(lesson));
        RunResult r = ScenarioRunner.run(scenario, Stacks.standard().byName("libssl").orElseThrow(), new EventLog());
        Lab lab = new Lab(r);
        assertThat(r.exitCode()).as(lab.problems()).isZero();
        assertThat(r.passed()).as("a lesson proves something").isPositive();
        assertThat(lab.events(Event.RefcountMismatch.class)).as(lab.problems()).isEmpty();
        assertThat(lab.events(Event.Note.class)).as("a lesson explains itself").isNotEmpty();
    }
}
