package sessionlab.wire;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A full TLS 1.2 handshake that issues an RFC 5077 ticket, then a resumption that presents it. */
class Tls12DecodingTest {
    private static Transcript full;
    private static Transcript resumed;

    @BeforeAll
    static void connectTwice() {
        SSLContext client = JsseLoopback.clientContext();
        SSLContext server = JsseLoopback.serverContext();
        full = JsseLoopback.connect(client, server, JsseLoopback.protocols("TLSv1.2"), p -> {});
        resumed = JsseLoopback.connect(client, server, JsseLoopback.protocols("TLSv1.2"), p -> {});
    }

    @Test
    void serverFirstFlightIsNamedMessageByMessage() {
        Transcript.Seen flight = full.decode().get(1);

        assertThat(flight.fromClient()).isFalse();
        assertThat(flight.label()).isEqualTo("ServerHello, Certificate, ServerKeyExchange, ServerHelloDone");
        assertThat(flight.decoded().messages()).extracting(HandshakeInfo::name)
                .containsExactly("ServerHello", "Certificate", "ServerKeyExchange", "ServerHelloDone");
    }

    @Test
    void firstClientHelloAsksForATicketWithAnEmptyExtension() {
        ClientHelloInfo hello = full.only(ClientHelloInfo.class);

        assertThat(hello.sessionTicketLength()).isZero();
        assertThat(hello.offersTicket()).isFalse();
        assertThat(hello.supportedVersions()).containsExactly(0x0303);
        assertThat(hello.sessionId()).isEmpty();
    }

    @Test
    void ticketLengthIsDecodedFromTls12NewSessionTicket() {
        NewSessionTicketTls12Info ticket = full.only(NewSessionTicketTls12Info.class);
        int presented = resumed.only(ClientHelloInfo.class).sessionTicketLength();

        assertThat(ticket.ticketLength()).isPositive().isEqualTo(presented);
        assertThat(ticket.lifetimeHint()).isEqualTo(86_400); // JSSE's default session timeout
    }

    @Test
    void resumedClientHelloPresentsTheTicket() {
        assertThat(resumed.only(ClientHelloInfo.class).offersTicket()).isTrue();
    }

    @Test
    void resumedServerHelloEchoesTheSessionIdTheClientOffered() {
        byte[] original = full.only(ServerHelloInfo.class).sessionId();
        byte[] offered = resumed.only(ClientHelloInfo.class).sessionId();

        assertThat(offered).hasSize(32).isEqualTo(original);
        assertThat(resumed.only(ServerHelloInfo.class).sessionId()).isEqualTo(offered);
    }

    @Test
    void resumedServerSendsNewSessionTicketInsteadOfCertificate() {
        assertThat(resumed.labels(false)).containsExactly("ServerHello, NewSessionTicket", "ChangeCipherSpec",
                "Handshake (encrypted)", "ApplicationData (encrypted)", "Alert (encrypted)");
    }

    @Test
    void finishedAfterChangeCipherSpecIsNotDecoded() {
        assertThat(full.labels(true)).containsExactly("ClientHello", "ClientKeyExchange", "ChangeCipherSpec",
                "Handshake (encrypted)", "ApplicationData (encrypted)", "Alert (encrypted)");

        DecodedRecord finished = full.decode().stream().filter(Transcript.Seen::fromClient)
                .map(Transcript.Seen::decoded).toList().get(3);
        assertThat(finished.record().contentType()).isEqualTo(TlsRecord.HANDSHAKE);
        assertThat(finished.encrypted()).isTrue();
        assertThat(finished.messages()).isEmpty();
        // 8-byte explicit nonce + 16-byte Finished message + 16-byte GCM tag, not the 16 plaintext bytes
        assertThat(finished.record().fragment()).hasSize(40);
    }

    @Test
    void serverSelectsTls12FromTheLegacyVersionField() {
        ServerHelloInfo hello = full.only(ServerHelloInfo.class);

        assertThat(hello.selectedVersion()).isEqualTo(0x0303);
        assertThat(hello.cipherSuite()).isEqualTo(0xc02c);
        assertThat(hello.selectedPskIdentity()).isEqualTo(-1);
    }
}
