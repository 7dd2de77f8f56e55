package sessionlab.stack.bc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.wire.WireFaults;
import sessionlab.wire.WireFaults.Fault;
import sessionlab.wire.Direction;

/**
 * A broken wire (a record dropped, corrupted, or the cable cut) ends the statement with alert and
 * error events, never with a hang; the run goes on with the next statement. Only c1 is faulted:
 * c2 shows that the run is still usable afterwards.
 */
class BcWireFaultTest {
    private static final String TWO_CONNECTIONS = """
            client = SSL_CTX_new(client)
            server = SSL_CTX_new(server)
            c1 = connect(client, server)
            c2 = connect(client, server)
            expect version(c2) == tls1.3
            """;

    /** Faults the {@code index}-th record reaching the receiver in {@code direction} of c1 only. */
    private static WireFaults on(Direction direction, int index, Fault fault) {
        return (conn, d, i, type) -> conn.equals("c1") && d == direction && i == index ? fault : Fault.DELIVER;
    }

    private static BcLab run(String source, WireFaults faults) {
        BcLab lab = BcLab.run(source, faults);
        assertThat(lab.events(Event.RunFinished.class)).as("the run finished").hasSize(1);
        assertThat(lab.events(Event.ExpectPass.class)).as("c2 still worked: " + lab.problems()).isNotEmpty();
        assertThat(lab.stream(Event.Error.class).filter(e -> e.kind().equals("wire-fault"))).hasSize(1);
        return lab;
    }

    private static Event.Error failure(BcLab lab) {
        return lab.stream(Event.Error.class).filter(e -> e.kind().equals("handshake-failed")).findFirst().orElseThrow();
    }

    @Test
    void aLostClientHelloEndsTheConnectWithAnErrorInsteadOfWaitingForever() {
        BcLab lab = run(TWO_CONNECTIONS, on(Direction.CLIENT_TO_SERVER, 1, Fault.DROP));
        assertThat(failure(lab).message()).contains("c1").contains("stalled");
    }

    @Test
    void aLostEncryptedRecordShiftsTheSequenceNumbersSoTheNextOneFailsAuthentication() {
        // TLS 1.3 nonces count records: after the lost EncryptedExtensions the Certificate record decrypts with the wrong one
        BcLab lab = run(TWO_CONNECTIONS, on(Direction.SERVER_TO_CLIENT, 3, Fault.DROP));
        assertThat(failure(lab).message()).contains("bad_record_mac");
        assertThat(alerts(lab, "c1")).containsExactly("client sent Alert(fatal, bad_record_mac)", "server read Alert(fatal, bad_record_mac)");
    }

    @Test
    void aCorruptedEncryptedRecordFailsItsAuthenticationAndTheReceiverSaysSo() {
        BcLab lab = run(TWO_CONNECTIONS, on(Direction.SERVER_TO_CLIENT, 3, Fault.CORRUPT));
        assertThat(failure(lab).message()).contains("bad_record_mac");
        assertThat(alerts(lab, "c1")).containsExactly("client sent Alert(fatal, bad_record_mac)", "server read Alert(fatal, bad_record_mac)");
        assertThat(lab.stream(Event.Return.class).filter(r -> r.target().equals("c1") && r.function().equals("SSL_connect")))
                .singleElement().extracting(Event.Return::result).asString().startsWith("-1 (sent fatal alert bad_record_mac");
    }

    @Test
    void aCorruptedTls12ClientHelloIsCaughtAndTheHandshakeFails() {
        BcLab lab = run("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                c2 = connect(client, server)
                expect version(c2) == tls1.2
                """, on(Direction.CLIENT_TO_SERVER, 1, Fault.CORRUPT));
        assertThat(failure(lab).message()).contains("c1");
        assertThat(alerts(lab, "c1")).anySatisfy(a -> assertThat(a).contains("sent Alert(fatal"));
    }

    @Test
    void corruptedApplicationDataFailsTheReadWithAnAlert() {
        BcLab lab = BcLab.run("""
                client = SSL_CTX_new(client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_write(c1, "ping")
                SSL_read(c1.server)
                SSL_read(c1)
                c2 = connect(client, server)
                expect version(c2) == tls1.3
                """, on(Direction.CLIENT_TO_SERVER, 4, Fault.CORRUPT));
        assertThat(lab.stream(Event.Return.class).filter(r -> r.target().equals("c1.server") && r.function().equals("SSL_read")))
                .singleElement().extracting(Event.Return::result).asString().startsWith("-1 (sent fatal alert bad_record_mac");
        // the alert waits on the wire until the client reads
        assertThat(lab.stream(Event.Return.class).filter(r -> r.target().equals("c1") && r.function().equals("SSL_read")))
                .singleElement().extracting(Event.Return::result).asString().startsWith("-1 (received fatal alert bad_record_mac");
        assertThat(alerts(lab, "c1")).containsExactly("server sent Alert(fatal, bad_record_mac)", "client read Alert(fatal, bad_record_mac)");
        assertThat(lab.result().passed()).isEqualTo(1);
    }

    @Test
    void aCutCableEndsTheConnectWithAnError() {
        BcLab lab = run(TWO_CONNECTIONS, on(Direction.SERVER_TO_CLIENT, 2, Fault.CUT));
        assertThat(failure(lab).message()).contains("stalled");
        assertThat(lab.stream(Event.Error.class).filter(e -> e.kind().equals("wire-fault")))
                .singleElement().extracting(Event.Error::message).asString().contains("cable was cut");
    }

    private static java.util.List<String> alerts(BcLab lab, String conn) {
        return lab.stream(Event.HandshakeMessage.class).filter(m -> m.conn().equals(conn) && m.name().startsWith("Alert"))
                .map(m -> m.side() + (m.sent() ? " sent " : " read ") + m.name()).toList();
    }
}
