package sessionlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sessionlab.event.EventLog;
import sessionlab.scenario.ScenarioParser;
import sessionlab.stack.TlsStack;

/** samples/compare/NAME.STACK.lab: the same statements, each stack's own expectations, all passing on that stack. */
class CompareLessonsTest {
    static Stream<Path> lessons() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "samples", "compare"))) {
            return s.filter(p -> p.toString().endsWith(".lab")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void eachVariantPassesOnItsOwnStack(Path lesson) throws Exception {
        String file = lesson.getFileName().toString();
        String stackName = file.substring(file.indexOf('.') + 1, file.lastIndexOf('.'));
        var scenario = ScenarioParser.parse(file, Files.readString(lesson));
        assertThat(scenario.stack()).as("the file names its stack").contains(stackName);
        TlsStack stack = Stacks.standard().byName(stackName).orElse(null);
        assumeTrue(stack != null && stack.availability().available(), stackName + " is not part of this build");
        RunResult r = ScenarioRunner.run(scenario, stack, new EventLog());
        assertThat(r.exitCode()).as(new Lab(r).problems()).isZero();
        assertThat(r.passed()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void theVariantsOfOneLessonRunTheSameStatements(Path lesson) throws Exception {
        String statements = statements(lesson);
        Path libssl = lesson.resolveSibling(lesson.getFileName().toString().replaceFirst("\\.[a-z]+\\.lab$", ".libssl.lab"));
        assertThat(statements).isEqualTo(statements(libssl));
    }

    /** The lesson without its stack line, expectations, notes and comments: what it does, not what it checks. */
    private static String statements(Path p) throws IOException {
        return Files.readAllLines(p).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("expect") && !l.startsWith("note") && !l.startsWith("stack"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
