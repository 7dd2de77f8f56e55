package sessionlab.stack.libssl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.pki.DemoPki;
import sessionlab.run.Lab;
import sessionlab.run.ScenarioRunner;
import sessionlab.scenario.ScenarioParser;
import sessionlab.wire.Direction;
import sessionlab.wire.WireFaults;
import sessionlab.wire.WireFaults.Fault;

/** Dropped, corrupted and cut records end a libssl run with alert and error events, never with a hang. */
class LibsslWireFaultTest {
    private static final DemoPki PKI = DemoPki.generate();
    private static final String LESSON = """
            client = SSL_CTX_new(client, max=tls1.3)
            server = SSL_CTX_new(server)
            c1 = connect(client, server)
            SSL_read(c1)
            note "the run goes on"
            """;

    private static Lab run(Direction direction, int index, Fault fault) throws Exception {
        WireFaults faults = (conn, d, i, type) -> d == direction && i == index ? fault : Fault.DELIVER;
        return new Lab(ScenarioRunner.run(ScenarioParser.parse("f.lab", LESSON), new LibsslStack(PKI, faults), new EventLog()));
    }

    @Test
    void aDroppedServerHelloEndsTheConnectWithAnErrorInsteadOfWaitingForever() throws Exception {
        Lab lab = run(Direction.SERVER_TO_CLIENT, 1, Fault.DROP);
        assertThat(lab.events(Event.Error.class)).extracting(Event.Error::kind).contains("wire-fault", "handshake-failed");
        assertThat(lab.events(Event.Note.class)).hasSize(1);
        assertThat(lab.events(Event.RunFinished.class)).hasSize(1);
    }

    @Test
    void aCorruptedEncryptedRecordFailsItsAuthenticationAndTheReceiverSaysSo() throws Exception {
        // s>c record 3 is the first encrypted one (after ServerHello and ChangeCipherSpec)
        Lab lab = run(Direction.SERVER_TO_CLIENT, 3, Fault.CORRUPT);
        Event.Error failed = lab.events(Event.Error.class).stream().filter(e -> e.kind().equals("handshake-failed")).findFirst().orElseThrow();
        assertThat(failed.message()).contains("c1:").containsIgnoringCase("bad record mac");
        assertThat(lab.events(Event.HandshakeMessage.class)).anySatisfy(m -> assertThat(m.name()).contains("bad_record_mac"));
    }

    @Test
    void aCutCableEndsTheConnectWithAnError() throws Exception {
        Lab lab = run(Direction.CLIENT_TO_SERVER, 2, Fault.CUT);
        assertThat(lab.events(Event.Error.class)).extracting(Event.Error::kind).contains("wire-fault", "handshake-failed");
        assertThat(lab.events(Event.Error.class).stream().filter(e -> e.kind().equals("handshake-failed")).findFirst().orElseThrow().message())
                .contains("stalled");
    }
}
