package sessionlab.stack.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.pki.DemoPki;

/**
 * A look costs what changed, not what the run has seen: a client cache keeps every ticket, and
 * re-reading every session at every step made long runs quadratic.
 */
class LocalHostLookTest {
    @Test
    void aLookReportsOnlySessionsThatMayHaveChangedSinceThePreviousOne() {
        LocalHost host = new LocalHost(-1);
        host.call(JsseStack.credentials(DemoPki.generate()));
        for (int i = 0; i < 3; i++) assertThat(TicketProbe.count(host)).as("each probe reads its tickets").isPositive();

        Hosted.Snapshot first = host.call(new Hosted.Look());
        Hosted.Snapshot second = host.call(new Hosted.Look());

        assertThat(first.sessions()).as("every session seen so far is new to the first look").hasSizeGreaterThanOrEqualTo(6);
        assertThat(second.sessions()).as("nothing ran between the two looks").isEmpty();
        assertThat(second.engineSessions()).isEmpty();
    }

    @Test
    void sessionsSeenOnceAreNotReportedAgainWhenOnlyNewOnesArrive() {
        LocalHost host = new LocalHost(-1);
        host.call(JsseStack.credentials(DemoPki.generate()));
        TicketProbe.count(host);
        Hosted.Snapshot before = host.call(new Hosted.Look());

        TicketProbe.count(host);
        Hosted.Snapshot after = host.call(new Hosted.Look());

        assertThat(after.sessions().keySet()).as("the second probe's sessions only")
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h).isGreaterThan(before.sessions().keySet().stream().mapToInt(Integer::intValue).max().orElseThrow()));
    }
}
