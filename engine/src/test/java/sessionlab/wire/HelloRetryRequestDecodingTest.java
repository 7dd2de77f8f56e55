package sessionlab.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bouncycastle.tls.ExtensionType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real HelloRetryRequest: JSSE sends key shares for x25519 and secp256r1 only, and the server
 * here accepts nothing but secp384r1, so it must ask the client to try again.
 */
class HelloRetryRequestDecodingTest {
    private static Transcript retried;

    @BeforeAll
    static void connectWithAGroupTheClientSentNoShareFor() {
        retried = JsseLoopback.connect(JsseLoopback.clientContext(), JsseLoopback.serverContext(),
                JsseLoopback.namedGroups("x25519", "secp256r1", "secp384r1"),
                JsseLoopback.namedGroups("secp384r1"));
    }

    @Test
    void serverAnswersTheFirstClientHelloWithAHelloRetryRequest() {
        ServerHelloInfo hrr = retried.messages(ServerHelloInfo.class).getFirst();

        assertThat(hrr.helloRetryRequest()).isTrue();
        assertThat(hrr.name()).isEqualTo("HelloRetryRequest");
        assertThat(hrr.selectedVersion()).isEqualTo(0x0304);
        assertThat(hrr.extensionTypes()).containsExactly(
                ExtensionType.supported_versions, ExtensionType.cookie, ExtensionType.key_share);
    }

    @Test
    void clientRetriesWithASecondClientHelloKeepingItsSessionId() {
        List<ClientHelloInfo> hellos = retried.messages(ClientHelloInfo.class);

        assertThat(hellos).hasSize(2);
        assertThat(hellos.get(1).sessionId()).isEqualTo(hellos.get(0).sessionId());
        assertThat(hellos.get(1).extensionTypes()).contains(ExtensionType.cookie);
    }

    @Test
    void serverHelloAfterTheCompatibilityChangeCipherSpecIsStillDecoded() {
        assertThat(retried.labels(false)).containsExactly("HelloRetryRequest", "ChangeCipherSpec", "ServerHello",
                "ChangeCipherSpec", "ApplicationData (encrypted)", "ApplicationData (encrypted)",
                "ApplicationData (encrypted)");
        assertThat(retried.messages(ServerHelloInfo.class).get(1).helloRetryRequest()).isFalse();
    }

    /*
     * JSSE sends no ChangeCipherSpec before its second ClientHello, but RFC 8446 D.4 allows it and
     * OpenSSL does so in compatibility mode. Re-create that order from this transcript's real
     * records: the client's own ChangeCipherSpec moved in front of its second ClientHello.
     */
    @Test
    void secondClientHelloAfterAChangeCipherSpecIsDecodedWhenTheDecodersShareTheHrr() {
        ConnectionDecoders decoders = ConnectionDecoders.create();
        decoders.serverToClient().decode(serverRecord(0));

        decoders.clientToServer().decode(clientRecord(0));
        decoders.clientToServer().decode(clientChangeCipherSpec());
        DecodedRecord second = decoders.clientToServer().decode(clientRecord(1));

        assertThat(second.encrypted()).isFalse();
        assertThat(second.label()).isEqualTo("ClientHello");
    }

    @Test
    void aLoneClientDecoderTreatsHandshakeRecordsAfterChangeCipherSpecAsEncrypted() {
        DirectionDecoder alone = new DirectionDecoder();

        alone.decode(clientRecord(0));
        alone.decode(clientChangeCipherSpec());
        DecodedRecord second = alone.decode(clientRecord(1));

        assertThat(second.encrypted()).isTrue();
        assertThat(second.label()).isEqualTo("Handshake (encrypted)");
    }

    private static TlsRecord clientRecord(int index) {
        return new RecordSplitter().feed(retried.bytes(true)).get(index);
    }

    private static TlsRecord serverRecord(int index) {
        return new RecordSplitter().feed(retried.bytes(false)).get(index);
    }

    private static TlsRecord clientChangeCipherSpec() {
        return new RecordSplitter().feed(retried.bytes(true)).stream()
                .filter(r -> r.contentType() == TlsRecord.CHANGE_CIPHER_SPEC).findFirst().orElseThrow();
    }
}
