package sessionlab.stack.jsse;

import sessionlab.wire.WireFaults;
import sessionlab.wire.WireFaults.Fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sessionlab.event.Event;

/** A broken wire ends in alerts and errors, never in a hang: every loop of the pump is bounded. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JsseWireFaultTest {
    private static final String CONNECT = """
            client = SSL_CTX_new(client, max=tls1.3)
            server = SSL_CTX_new(server)
            c1 = connect(client, server)
            SSL_read(c1)
            expect reused(c1)
            """;

    /** The n-th record (from 1) of the given direction whose content type is 23 (protected). */
    private static WireFaults protectedRecord(String direction, int n, Fault action) {
        int[] seen = {0};
        return (conn, d, index, type) -> d.arrow().equals(direction) && type == 23 && ++seen[0] == n ? action : Fault.DELIVER;
    }

    @Test
    void aCorruptedServerFlightEndsWithTheClientsAlertAndAFailedHandshake() {
        JsseLab lab = JsseLab.run(CONNECT, protectedRecord("s>c", 1, Fault.CORRUPT));
        Event.Error failed = lab.failureAt(3);
        assertThat(failed.kind()).isEqualTo("handshake-failed");
        assertThat(failed.message()).contains("c1");
        assertThat(lab.events(Event.WireRecord.class)).anySatisfy(w -> {
            assertThat(w.direction()).isEqualTo("c>s");
            assertThat(w.label()).containsIgnoringCase("alert");
        });
        assertThat(lab.events(Event.Error.class)).anySatisfy(e -> assertThat(e.kind()).isEqualTo("wire-fault"));
        assertThat(lab.events(Event.RunFinished.class)).hasSize(1);
    }

    @Test
    void aDroppedClientHelloStallsAndIsReportedAsAFailedHandshake() {
        JsseLab lab = JsseLab.run(CONNECT, (conn, d, index, type) -> index == 1 ? Fault.DROP : Fault.DELIVER);
        assertThat(lab.failureAt(3).message()).contains("stalled");
        assertThat(lab.events(Event.RunFinished.class)).hasSize(1);
    }

    @Test
    void aCutLinkEndsTheHandshakeWithAnError() {
        JsseLab lab = JsseLab.run(CONNECT, (conn, d, index, type) -> index == 3 ? Fault.CUT : Fault.DELIVER);
        assertThat(lab.failureAt(3).kind()).isEqualTo("handshake-failed");
        assertThat(lab.events(Event.Error.class)).anySatisfy(e -> assertThat(e.message()).contains("cut the link"));
    }

    @Test
    void aCorruptedTicketRecordFailsTheClientsReadAndTheClientAnswersWithAnAlert() {
        JsseLab lab = JsseLab.run("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_read(c1)
                expect tickets_received(c1) == 0
                """, protectedRecord("s>c", 2, Fault.CORRUPT));
        assertThat(lab.events(Event.WireRecord.class)).filteredOn(w -> w.label().contains("NewSessionTicket")).hasSize(1);
        assertThat(lab.events(Event.Return.class)).filteredOn(r -> r.function().equals("SSL_read"))
                .singleElement().satisfies(r -> assertThat(r.result()).startsWith("-1 ("));
        Event.WireRecord last = lab.events(Event.WireRecord.class).getLast();
        assertThat(last.direction()).isEqualTo("c>s");
        assertThat(last.label()).isEqualTo("{Alert}");
        assertThat(lab.result().passed()).isEqualTo(1);
    }
}
