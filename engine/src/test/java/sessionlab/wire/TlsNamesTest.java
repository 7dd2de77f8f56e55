package sessionlab.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsNamesTest {
    @Test
    void versionsAreNamedAndGreaseIsRecognised() {
        assertThat(TlsNames.versionName(0x0303)).isEqualTo("TLS 1.2");
        assertThat(TlsNames.versionName(0x0304)).isEqualTo("TLS 1.3");
        assertThat(TlsNames.versionName(0x3a3a)).isEqualTo("GREASE");
        assertThat(TlsNames.versionName(0x7f1c)).isEqualTo("0x7f1c");
    }

    @Test
    void cipherSuitesOutsideTheTableAreShownAsHex() {
        assertThat(TlsNames.cipherSuiteName(0x1301)).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(TlsNames.cipherSuiteName(0xc02b)).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        assertThat(TlsNames.cipherSuiteName(0x009f)).isEqualTo("0x009f");
    }

    @Test
    void handshakeTypesAreNamedInMessageStyle() {
        assertThat(TlsNames.handshakeTypeName(1)).isEqualTo("ClientHello");
        assertThat(TlsNames.handshakeTypeName(14)).isEqualTo("ServerHelloDone");
        assertThat(TlsNames.handshakeTypeName(16)).isEqualTo("ClientKeyExchange");
        assertThat(TlsNames.handshakeTypeName(200)).isEqualTo("HandshakeType(200)");
    }

    @Test
    void extensionsUseTheirRfcNames() {
        assertThat(TlsNames.extensionName(41)).isEqualTo("pre_shared_key");
        assertThat(TlsNames.extensionName(0x0a0a)).isEqualTo("GREASE");
        assertThat(TlsNames.extensionName(0x7777)).isEqualTo("0x7777");
    }

    @Test
    void alertsShowLevelAndDescription() {
        assertThat(TlsNames.alertName(2, 40)).isEqualTo("Alert(fatal, handshake_failure)");
        assertThat(TlsNames.alertName(1, 0)).isEqualTo("Alert(warning, close_notify)");
        assertThat(TlsNames.alertName(9, 250)).isEqualTo("Alert(9, 250)");
    }
}
