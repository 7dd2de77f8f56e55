package sessionlab.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.net.ssl.SSLContext;

import org.bouncycastle.tls.ExtensionType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A full TLS 1.3 handshake followed by a PSK resumption, both between real JSSE engines. */
class Tls13DecodingTest {
    private static Transcript full;
    private static Transcript resumed;

    @BeforeAll
    static void connectTwice() {
        SSLContext client = JsseLoopback.clientContext();
        SSLContext server = JsseLoopback.serverContext();
        full = JsseLoopback.connect(client, server, JsseLoopback.protocols("TLSv1.3"), p -> {});
        resumed = JsseLoopback.connect(client, server, JsseLoopback.protocols("TLSv1.3"), p -> {});
    }

    @Test
    void clientHelloOffersTls13BehindALegacyTls12Version() {
        ClientHelloInfo hello = full.only(ClientHelloInfo.class);

        assertThat(hello.legacyVersion()).isEqualTo(0x0303);
        assertThat(hello.supportedVersions()).containsExactly(0x0304);
        assertThat(hello.cipherSuites()).containsExactly(0x1302, 0x1301, 0x1303);
    }

    @Test
    void clientHelloNamesTheServer() {
        assertThat(full.only(ClientHelloInfo.class).serverName()).isEqualTo("localhost");
    }

    @Test
    void firstClientHelloOffersNoPskAndNoEarlyData() {
        ClientHelloInfo hello = full.only(ClientHelloInfo.class);

        assertThat(hello.offersPsk()).isFalse();
        assertThat(hello.pskIdentities()).isEmpty();
        assertThat(hello.earlyData()).isFalse();
        assertThat(hello.sessionTicketLength()).isEqualTo(-1);
    }

    @Test
    void resumedClientHelloOffersExactlyOnePskIdentityInTheLastExtension() {
        ClientHelloInfo hello = resumed.only(ClientHelloInfo.class);

        assertThat(hello.offersPsk()).isTrue();
        assertThat(hello.pskIdentities()).singleElement()
                .satisfies(psk -> assertThat(psk.identityLength()).isPositive());
        assertThat(hello.extensionTypes().getLast()).isEqualTo(ExtensionType.pre_shared_key);
    }

    @Test
    void resumedServerHelloSelectsTheFirstPskIdentity() {
        ServerHelloInfo hello = resumed.only(ServerHelloInfo.class);

        assertThat(hello.selectedPskIdentity()).isZero();
        assertThat(hello.extensionTypes()).containsExactly(
                ExtensionType.supported_versions, ExtensionType.key_share, ExtensionType.pre_shared_key);
    }

    @Test
    void fullServerHelloSelectsTls13AndNoPsk() {
        ServerHelloInfo hello = full.only(ServerHelloInfo.class);

        assertThat(hello.legacyVersion()).isEqualTo(0x0303);
        assertThat(hello.selectedVersion()).isEqualTo(0x0304);
        assertThat(hello.cipherSuite()).isEqualTo(0x1302);
        assertThat(hello.selectedPskIdentity()).isEqualTo(-1);
        assertThat(hello.helloRetryRequest()).isFalse();
        assertThat(hello.name()).isEqualTo("ServerHello");
    }

    @Test
    void serverHelloEchoesTheCompatibilitySessionId() {
        byte[] offered = full.only(ClientHelloInfo.class).sessionId();

        assertThat(offered).hasSize(32);
        assertThat(full.only(ServerHelloInfo.class).sessionId()).isEqualTo(offered);
    }

    @Test
    void everythingAfterTheHellosExceptChangeCipherSpecIsEncrypted() {
        assertThat(full.labels(true)).containsExactly("ClientHello", "ChangeCipherSpec",
                "ApplicationData (encrypted)", "ApplicationData (encrypted)", "ApplicationData (encrypted)");
        assertThat(full.labels(false)).containsExactly("ServerHello", "ChangeCipherSpec",
                "ApplicationData (encrypted)", "ApplicationData (encrypted)", "ApplicationData (encrypted)");
    }

    @Test
    void encryptedRecordsCarryNoDecodedMessages() {
        List<Transcript.Seen> encrypted = full.decode().stream().filter(s -> s.decoded().encrypted()).toList();

        assertThat(encrypted).hasSize(6);
        assertThat(encrypted).allSatisfy(s -> assertThat(s.decoded().messages()).isEmpty());
    }
}
