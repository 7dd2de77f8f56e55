package sessionlab.stack.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;

/** Secrets copied out of bctls without destroying them, as SSLKEYLOGFILE lines; the log shows only their labels. */
class BcKeyLogTest {
    private static String handshake(String max) {
        return """
                client = SSL_CTX_new(client, max=%s)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_write(c1, "ping")
                SSL_read(c1.server)
                expect version(c1) == %s
                """.formatted(max, max);
    }

    @Test
    void aTls12HandshakeLogsTheClientRandomWithTheMasterSecret() {
        BcLab lab = BcLab.passing(handshake("tls1.2"));
        Set<String> lines = new LinkedHashSet<>(lab.result().keyLog());
        assertThat(lines).singleElement().asString().matches("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}");
        String random = lines.iterator().next().split(" ")[1];
        assertThat(random).isEqualTo(clientHelloRandom(lab));
        // both ends copied the same secret, and the application data still flowed: nothing was destroyed
        assertThat(lab.events(Event.KeyLog.class)).extracting(Event.KeyLog::label).containsExactly("CLIENT_RANDOM", "CLIENT_RANDOM");
        assertThat(lab.stream(Event.Return.class).filter(r -> r.function().equals("SSL_read"))).singleElement()
                .extracting(Event.Return::result).isEqualTo("4 (\"ping\")");
    }

    @Test
    void aTls13HandshakeLogsBothHandshakeAndBothApplicationTrafficSecrets() {
        BcLab lab = BcLab.passing(handshake("tls1.3"));
        List<String> lines = List.copyOf(new LinkedHashSet<>(lab.result().keyLog()));
        assertThat(lines).extracting(l -> l.split(" ")[0]).containsExactlyInAnyOrder("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0");
        String random = clientHelloRandom(lab);
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("[A-Z_0-9]+ " + random + " [0-9a-f]{64}([0-9a-f]{32})?"));
        assertThat(lines.stream().map(l -> l.split(" ")[2]).distinct()).hasSize(4);
    }

    @Test
    void theEventLogCarriesLabelsButNeverSecrets() {
        BcLab lab = BcLab.passing(handshake("tls1.3"));
        String secret = lab.result().keyLog().getFirst().split(" ")[2];
        assertThat(lab.result().log().events()).noneSatisfy(e -> assertThat(e.event().toString()).contains(secret));
    }

    /** The ClientHello's random: record header (5), handshake header (4), legacy version (2), then 32 bytes. */
    private static String clientHelloRandom(BcLab lab) {
        Event.WireRecord hello = lab.stream(Event.WireRecord.class).filter(w -> w.label().equals("ClientHello")).findFirst().orElseThrow();
        byte[] raw = HexFormat.of().parseHex(hello.hex());
        return HexFormat.of().formatHex(raw, 11, 43);
    }
}
