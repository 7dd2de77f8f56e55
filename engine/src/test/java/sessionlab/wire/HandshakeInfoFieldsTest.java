package sessionlab.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** fields() feeds the UI as JSON: exact key order and plain values. */
class HandshakeInfoFieldsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void clientHelloFieldsRenderAsJson() throws Exception {
        var hello = new ClientHelloInfo(0x0303, new byte[] {0x0a, (byte) 0xbc}, List.of(0x1301, 0x0a0a),
                List.of(0, 43, 41), List.of(0x0304), "localhost", List.of(new PskIdentityInfo(163, 42)), -1, true);

        assertThat(json.writeValueAsString(hello.fields())).isEqualTo("""
                {"legacyVersion":"TLS 1.2","sessionId":"0abc",\
                "cipherSuites":["TLS_AES_128_GCM_SHA256","GREASE"],\
                "extensions":["server_name","supported_versions","pre_shared_key"],\
                "supportedVersions":["TLS 1.3"],"serverName":"localhost",\
                "pskIdentities":["identity 163 bytes, obfuscated_ticket_age 42"],\
                "sessionTicket":"absent","earlyData":true}""");
    }

    @Test
    void helloRetryRequestFieldsRenderAsJson() throws Exception {
        var hrr = new ServerHelloInfo(0x0303, 0x0304, new byte[0], 0x1302, List.of(43, 51), -1, true);

        assertThat(hrr.name()).isEqualTo("HelloRetryRequest");
        assertThat(json.writeValueAsString(hrr.fields())).isEqualTo("""
                {"legacyVersion":"TLS 1.2","selectedVersion":"TLS 1.3","sessionId":"",\
                "cipherSuite":"TLS_AES_256_GCM_SHA384","extensions":["supported_versions","key_share"],\
                "helloRetryRequest":true}""");
    }

    @Test
    void ticketAndOtherMessagesRenderAsJson() throws Exception {
        assertThat(json.writeValueAsString(new NewSessionTicketTls12Info(86400, 174).fields()))
                .isEqualTo("{\"lifetimeHintSeconds\":86400,\"ticketLength\":174}");
        assertThat(json.writeValueAsString(new OtherHandshakeInfo(11, "Certificate").fields()))
                .isEqualTo("{\"type\":11}");
    }

    @Test
    void ticketOfferTellsARequestFromAPresentation() {
        assertThat(clientHelloWithTicket(-1).offersTicket()).isFalse();
        assertThat(clientHelloWithTicket(0).offersTicket()).isFalse();
        assertThat(clientHelloWithTicket(174).offersTicket()).isTrue();
        assertThat(clientHelloWithTicket(0).fields()).containsEntry("sessionTicket", "empty (ticket requested)");
        assertThat(clientHelloWithTicket(174).fields()).containsEntry("sessionTicket", "174 bytes");
    }

    private static ClientHelloInfo clientHelloWithTicket(int length) {
        return new ClientHelloInfo(0x0303, new byte[0], List.of(), List.of(), List.of(), null, List.of(), length, false);
    }
}
