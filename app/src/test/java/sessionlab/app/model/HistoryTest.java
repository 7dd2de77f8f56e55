package sessionlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sessionlab.event.EventLog;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioParser;

/** LabState folding and seeking over the real ticket-timing lesson, without any FX. */
class HistoryTest {
    static History history;

    @BeforeAll
    static void runTheDefaultLesson() throws Exception {
        Path lesson = Path.of("../samples/01-tls13-ticket-timing.lab");
        EventLog log = new EventLog();
        ScenarioRunner.run(ScenarioParser.parse("01.lab", Files.readString(lesson)), Stacks.standard().byName("libssl").orElseThrow(), log);
        history = new History(log.events());
    }

    private static int endOfLine(int line) {
        int[] starts = history.statementStarts();
        for (int i = 0; i < starts.length; i++) {
            var e = (sessionlab.event.Event.StatementStarted) history.events().get(starts[i]).event();
            if (e.line() == line) return i + 1 < starts.length ? starts[i + 1] - 1 : history.size() - 1;
        }
        throw new AssertionError("no line " + line);
    }

    @Test
    void afterTheHandshakeTheClientSessionIsNotResumableAndNoTicketWasRead() {
        LabState s = history.stateAt(endOfLine(5));
        var c1 = s.connections().get("c1");
        assertThat(c1.handshakeDone()).isTrue();
        assertThat(c1.ticketsReceived()).isZero();
        var session = s.sessions().get(c1.session());
        assertThat(session.resumable()).isFalse();
        assertThat(session.refcount()).isEqualTo(1);
        assertThat(s.variables().get("s0").owned()).isFalse();
        assertThat(s.variables().get("s0").dangling()).isFalse();
    }

    @Test
    void readingTheTicketsDestroysThePreTicketSessionAndLeavesS0Dangling() {
        LabState s = history.stateAt(endOfLine(7));
        int s0 = s.variables().get("s0").session();
        assertThat(s.sessions().get(s0).alive()).isFalse();
        assertThat(s.variables().get("s0").dangling()).isTrue();
        assertThat(s.contexts().get("client").cache()).hasSize(2);
        assertThat(s.connections().get("c1").ticketsReceived()).isEqualTo(2);
        assertThat(s.connections().get("c1").ticketsReadAt()).isEqualTo(100);
        assertThat(s.connections().get("c1").handshakeDoneAt()).isEqualTo(50);
    }

    @Test
    void holdersShownAddUpToTheCountShown() {
        LabState s = history.stateAt(endOfLine(9));
        var s1 = s.sessions().get(s.variables().get("s1").session());
        assertThat(s1.refcount()).isEqualTo(3);
        assertThat(s1.holders()).containsOnlyKeys("SSL c1", "cache client", "var s1");
        assertThat(s1.holders().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
    }

    @Test
    void seekingBackGivesTheEarlierStateAgain() {
        LabState early = history.stateAt(endOfLine(5));
        history.stateAt(history.size() - 1);
        assertThat(history.stateAt(endOfLine(5))).isEqualTo(early);
    }

    @Test
    void expectationResultsAreKeptByLine() {
        LabState end = history.stateAt(history.size() - 1);
        assertThat(end.expectations()).containsEntry(6, true).containsEntry(10, true).containsEntry(20, true);
        assertThat(end.narration()).anySatisfy(n -> assertThat(n.text()).contains("The remaining ticket had expired"));
    }

    @Test
    void statementSteppingLandsOnStatementBoundaries() {
        int first = history.nextStatementEnd(-1);
        assertThat(history.stateAt(first).line()).isEqualTo(1);
        int second = history.nextStatementEnd(first);
        assertThat(history.stateAt(second).line()).isEqualTo(2);
        assertThat(history.previousStatementEnd(second)).isEqualTo(first);
    }
}
