package sessionlab.stack.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sessionlab.event.Event;
import sessionlab.scenario.TlsVersion;
import sessionlab.wire.TlsNames;

/**
 * Interop pairs over the lab's own in-memory wire: the JDK's SSLEngine as client against the bctls
 * server, and the bctls client against an SSLEngine server, in TLS 1.2 and TLS 1.3.
 */
class BcInteropTest {
    private static final SSLContext JDK_CLIENT = JdkEngineEnd.context(BcLab.PKI, false);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TLSv1.2, TLS1_2", "TLSv1.3, TLS1_3"})
    void aJdkClientCompletesAHandshakeWithTheBcServer(String protocol, TlsVersion version) throws Exception {
        InteropBench bench = new InteropBench();
        JdkEngineEnd jdk = JdkEngineEnd.client(JDK_CLIENT, protocol);
        BcEndpoint bc = bench.bcServer();
        InteropBench.Connection c = bench.connect(jdk, bc);
        assertThat(c.failure()).isNull();
        assertThat(bc.version()).contains(version);
        assertThat(jdk.engine.getSession().getProtocol()).isEqualTo(protocol);
        assertThat(jdk.engine.getSession().getCipherSuite()).isEqualTo(TlsNames.cipherSuiteName(bc.params().getCipherSuite()));
        assertThat(bc.ticketsSent).as("bctls 1.84 sends no tickets").isZero();
        assertThat(bench.keyLog).isNotEmpty();
        // application data both ways through the same wire
        jdk.write("ping");
        c.driver().drain(jdk);
        assertThat(c.driver().awaitAndDeliver(bc)).isTrue();
        assertThat(read(bc)).isEqualTo("ping");
        bc.protocol.writeApplicationData("pong".getBytes(StandardCharsets.UTF_8), 0, 4);
        c.driver().drain(bc);
        assertThat(c.driver().awaitAndDeliver(jdk)).isTrue();
        assertThat(jdk.received).hasToString("pong");
    }

    @Test
    void aJdkClientResumesItsTls12SessionWithTheBcServerFromTheLabsCache() throws Exception {
        SSLContext client = JdkEngineEnd.context(BcLab.PKI, false);
        InteropBench bench = new InteropBench();
        InteropBench.Connection first = bench.connect(JdkEngineEnd.client(client, "TLSv1.2"), bench.bcServer());
        assertThat(first.failure()).isNull();
        assertThat(bench.server.cache.size()).isEqualTo(1);
        BcEndpoint second = bench.bcServer();
        InteropBench.Connection c = bench.connect(JdkEngineEnd.client(client, "TLSv1.2"), second);
        assertThat(c.failure()).isNull();
        assertThat(second.resumed()).isTrue();
        assertThat(second.helloSessionId).isNotEmpty().isEqualTo(second.serverHelloSessionId);
        assertThat(bench.server.stats().get("hits")).isEqualTo(1L);
        assertThat(bench.log.ofType(Event.HandshakeMessage.class).stream()
                .filter(m -> m.conn().equals("c2") && m.side().equals("server") && m.sent()))
                .extracting(Event.HandshakeMessage::name).containsExactly("ServerHello", "Finished");
    }

    @Test
    void theBcClientCompletesATls12HandshakeWithAJdkServerAndResumesItsSession() throws Exception {
        SSLContext server = JdkEngineEnd.context(BcLab.PKI, true);
        InteropBench bench = new InteropBench();
        BcEndpoint first = bench.bcClient(null);
        InteropBench.Connection c1 = bench.connect(first, JdkEngineEnd.server(server, "TLSv1.2"));
        assertThat(c1.failure()).isNull();
        assertThat(first.version()).contains(TlsVersion.TLS1_2);
        assertThat(first.certificateChecked).isTrue();
        BcEndpoint second = bench.bcClient(first.session());
        InteropBench.Connection c2 = bench.connect(second, JdkEngineEnd.server(server, "TLSv1.2"));
        assertThat(c2.failure()).isNull();
        assertThat(second.offeredOnWire()).isTrue();
        assertThat(second.resumed()).isTrue();
        assertThat(second.wireResumed()).isTrue();
        assertThat(second.certificateChecked).as("a resumed client checks no certificate").isFalse();
        assertThat(second.session()).isSameAs(first.session());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBcClientCompletesATls13HandshakeWithAJdkServerThatSendsNoTicketBecauseBctlsNeverAsksForOne() throws Exception {
        SSLContext server = JdkEngineEnd.context(BcLab.PKI, true);
        InteropBench bench = new InteropBench();
        BcEndpoint bc = bench.bcClient(null);
        JdkEngineEnd jdk = JdkEngineEnd.server(server, "TLSv1.3");
        InteropBench.Connection c = bench.connect(bc, jdk);
        assertThat(c.failure()).isNull();
        assertThat(bc.version()).contains(TlsVersion.TLS1_3);
        // a ticket would go out with the server's next wrap: none comes, as RFC 8446 says without psk_key_exchange_modes
        jdk.write("welcome");
        c.driver().drain(jdk);
        for (int i = 0; i < 5 && c.driver().awaitAndDeliver(bc); i++) { }
        assertThat(read(bc)).isEqualTo("welcome");
        Event.WireRecord hello = bench.log.ofType(Event.WireRecord.class).getFirst();
        assertThat((java.util.List<Object>) hello.messages().getFirst().fields().get("extensions"))
                .contains("supported_versions", "key_share").doesNotContain("psk_key_exchange_modes", "pre_shared_key");
        assertThat(bench.log.ofType(Event.HandshakeMessage.class)).extracting(Event.HandshakeMessage::name).doesNotContain("NewSessionTicket");
        assertThat(bc.ticketsReceived + bc.ticketsDropped).isZero();
        assertThat(bc.session().isResumable()).isFalse();
        assertThat(bench.keyLog).anySatisfy(l -> assertThat(l).startsWith("CLIENT_TRAFFIC_SECRET_0 "));
    }

    @Test
    void theBcClientRejectsAServerWhoseCertificateTheDemoCaDidNotSign() throws Exception {
        SSLContext stranger = JdkEngineEnd.context(sessionlab.pki.DemoPki.generate(), true);
        InteropBench bench = new InteropBench();
        BcEndpoint bc = bench.bcClient(null);
        InteropBench.Connection c = bench.connect(bc, JdkEngineEnd.server(stranger, "TLSv1.3"));
        assertThat(c.failure()).contains("bad_certificate").contains("not signed by the demo CA");
        assertThat(bc.certificateChecked).isFalse();
        assertThat(bench.log.ofType(Event.HandshakeMessage.class)).extracting(Event.HandshakeMessage::name)
                .contains("Alert(fatal, bad_certificate)");
    }

    private static String read(BcEndpoint e) {
        int n = e.protocol.getAvailableInputBytes();
        byte[] b = new byte[n];
        e.protocol.readInput(b, 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }
}
