package sessionlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sessionlab.event.EventJson;
import sessionlab.event.EventLog;
import sessionlab.scenario.ScenarioParser;

/**
 * The ticket-timing lesson's whole event log, against a reviewed golden copy. Only what varies
 * between real handshakes is left out: random ids, record bytes and certificate-dependent lengths.
 * Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenLogTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/01-tls13-ticket-timing.jsonl");
    private static final List<String> VOLATILE = List.of("id", "hex", "length", "messages", "stackVersion", "file");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTicketTimingLessonProducesTheReviewedEventLog() throws Exception {
        Path lesson = Path.of("../samples/01-tls13-ticket-timing.lab");
        EventLog log = new EventLog();
        ScenarioRunner.run(ScenarioParser.parse("01-tls13-ticket-timing.lab", Files.readString(lesson)),
                Stacks.standard().byName("libssl").orElseThrow(), log);
        List<String> actual = log.events().stream().map(e -> normalize(EventJson.toLine(e))).toList();
        if (Boolean.getBoolean("golden.update")) Files.write(GOLDEN, actual);
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(GOLDEN));
    }

    private static String normalize(String line) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            VOLATILE.forEach(node::remove);
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
