package sessionlab.stack.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;

/** Real bctls handshakes driven by scenarios: TLS 1.2 full and resumed by session id, TLS 1.3 without tickets. */
class BcHandshakeTest {
    private static final String TLS12 = """
            client = SSL_CTX_new(client, max=tls1.2)
            server = SSL_CTX_new(server)
            c1 = connect(client, server)
            k1 = SSL_get1_session(c1)
            s1 = SSL_get1_session(c1.server)
            """;

    @Test
    void aTls12FullHandshakeCompletesAndTheServerSessionGoesIntoTheLabsCache() {
        BcLab lab = BcLab.passing(TLS12 + """
                expect version(c1) == tls1.2
                expect version(c1.server) == tls1.2
                expect !reused(c1)
                expect !offered(c1)
                expect resumable(k1)
                expect in_cache(server, s1)
                expect cache_size(server) == 1
                expect cache_size(client) == 0
                expect stat(server, accept_good) == 1
                expect stat(client, connect_good) == 1
                """);
        assertThat(lab.events(Event.HandshakeDone.class)).hasSize(2).allSatisfy(d -> {
            assertThat(d.version()).isEqualTo("tls1.2");
            assertThat(d.cipher()).contains("ECDHE_ECDSA");
            assertThat(d.resumed()).isFalse();
        });
        assertThat(lab.events(Event.CacheInsert.class)).extracting(Event.CacheInsert::ctx).containsExactly("server");
    }

    @Test
    void aTls12SessionResumesByItsIdAndTheServerHelloEchoesTheOfferedId() {
        BcLab lab = BcLab.passing(TLS12 + """
                SSL_shutdown(c1)
                SSL_shutdown(c1.server)
                c2 = connect(client, server, session=k1)
                expect offered(c2)
                expect reused(c2)
                expect reused(c2.server)
                k2 = SSL_get1_session(c2)
                expect same(k1, k2)
                s2 = SSL_get1_session(c2.server)
                expect same(s1, s2)
                expect stat(server, hits) == 1
                expect stat(server, misses) == 0
                """);
        String hello = sessionIdOf(lab, "c2", "c>s", "ClientHello");
        String serverHello = sessionIdOf(lab, "c2", "s>c", "ServerHello");
        assertThat(hello).isNotEmpty().isEqualTo(serverHello);
        String serverSessionId = lab.stream(Event.SessionState.class).filter(s -> s.side().equals("server")).findFirst().orElseThrow().id();
        assertThat(serverHello).isEqualTo(serverSessionId);
        // an abbreviated handshake: the server sent no certificate, the client checked none
        assertThat(lab.stream(Event.HandshakeMessage.class).filter(m -> m.conn().equals("c2") && m.sent() && m.side().equals("server")))
                .extracting(Event.HandshakeMessage::name).containsExactly("ServerHello", "Finished");
        assertThat(lab.stream(Event.Return.class).filter(r -> r.target().equals("c2") && r.function().equals("SSL_connect")))
                .singleElement().extracting(Event.Return::result).asString().contains("resumed").contains("not checked again");
        assertThat(lab.events(Event.ResumeExplained.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("resumed");
            assertThat(e.offered()).isTrue();
        });
        assertThat(lab.errors()).isEmpty();
    }

    private static String sessionIdOf(BcLab lab, String conn, String direction, String message) {
        return lab.stream(Event.WireRecord.class).filter(w -> w.conn().equals(conn) && w.direction().equals(direction))
                .flatMap(w -> w.messages().stream()).filter(m -> m.name().equals(message))
                .map(m -> (String) m.fields().get("sessionId")).findFirst().orElseThrow();
    }

    @Test
    void aTls13FullHandshakeSendsNoTicketAndTheClientReceivesNone() {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client, cache=client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                expect version(c1) == tls1.3
                expect tickets_received(c1) == 0
                SSL_read(c1)
                expect tickets_received(c1) == 0
                s1 = SSL_get1_session(c1)
                expect !resumable(s1)
                expect cache_size(client) == 0
                expect cache_size(server) == 0
                """);
        assertThat(lab.events(Event.TicketSent.class)).isEmpty();
        assertThat(lab.events(Event.TicketReceived.class)).isEmpty();
        assertThat(lab.events(Event.HandshakeMessage.class)).extracting(Event.HandshakeMessage::name).doesNotContain("NewSessionTicket");
        assertThat(lab.stream(Event.Return.class).filter(r -> r.function().equals("SSL_accept")))
                .singleElement().extracting(Event.Return::result).asString().contains("no NewSessionTicket sent");
        assertThat(lab.stream(Event.Return.class).filter(r -> r.function().equals("SSL_read")))
                .singleElement().extracting(Event.Return::result).asString().contains("Bouncy Castle 1.84 sends none");
    }

    @Test
    void encryptedTls13RecordsAreLabelledWithWhatBctlsPutInsideThem() {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_write(c1, "ping")
                SSL_read(c1.server)
                expect version(c1) == tls1.3
                """);
        List<String> serverEncrypted = lab.stream(Event.WireRecord.class).filter(w -> w.direction().equals("s>c") && w.encrypted())
                .map(Event.WireRecord::label).toList();
        assertThat(serverEncrypted).containsExactly("{EncryptedExtensions}", "{Certificate}", "{CertificateVerify}", "{Finished}");
        List<String> clientEncrypted = lab.stream(Event.WireRecord.class).filter(w -> w.direction().equals("c>s") && w.encrypted())
                .map(Event.WireRecord::label).toList();
        assertThat(clientEncrypted).containsExactly("{Finished}", "{ApplicationData}");
        assertThat(lab.stream(Event.WireRecord.class).filter(Event.WireRecord::encrypted)).allSatisfy(w -> assertThat(w.contentType()).isEqualTo(23));
        assertThat(lab.stream(Event.Return.class).filter(r -> r.function().equals("SSL_read")))
                .singleElement().extracting(Event.Return::result).isEqualTo("4 (\"ping\")");
    }

    @Test
    void aTls13SessionIsNotOfferedAndTheRunSaysBouncyCastleHasNoTickets() {
        BcLab lab = BcLab.passing("""
                client = SSL_CTX_new(client)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                s1 = SSL_get1_session(c1)
                c2 = connect(client, server, session=s1)
                expect !offered(c2)
                expect !reused(c2)
                expect version(c2) == tls1.3
                """);
        assertThat(lab.events(Event.ResumeExplained.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("no-tickets-sent");
            assertThat(e.explanation()).contains("not supported by Bouncy Castle 1.84");
        });
        assertThat(lab.events(Event.RunStarted.class).getFirst().caveats())
                .anySatisfy(c -> assertThat(c).contains("Bouncy Castle 1.84 has no TLS 1.3 session tickets"));
    }

    @Test
    void versionsThatDoNotOverlapEndInAnAlertAndAnErrorNotAHang() {
        BcLab lab = BcLab.run("""
                client = SSL_CTX_new(client, min=tls1.3)
                server = SSL_CTX_new(server, max=tls1.2)
                c1 = connect(client, server)
                expect version(c1) == tls1.3
                """);
        assertThat(lab.errors()).extracting(Event.Error::kind).containsExactly("handshake-failed");
        assertThat(lab.stream(Event.HandshakeMessage.class).filter(m -> m.name().startsWith("Alert(fatal"))).hasSize(2);
        assertThat(lab.events(Event.ExpectFail.class)).hasSize(1);
        assertThat(lab.events(Event.RunFinished.class)).hasSize(1);
    }

    @Test
    void shutdownSendsCloseNotifyAndThePeerAnswersItByItself() {
        BcLab lab = BcLab.passing(TLS12 + """
                SSL_shutdown(c1)
                SSL_read(c1.server)
                SSL_shutdown(c1.server)
                expect resumable(s1)
                """);
        Map<String, String> results = new java.util.LinkedHashMap<>();
        lab.stream(Event.Return.class).filter(r -> r.function().startsWith("SSL_shutdown") || r.function().equals("SSL_read"))
                .forEach(r -> results.put(r.target() + " " + r.function(), r.result()));
        assertThat(results.get("c1 SSL_shutdown")).startsWith("0 (close_notify sent");
        assertThat(results.get("c1.server SSL_read")).startsWith("0 (closed");
        assertThat(results.get("c1.server SSL_shutdown")).startsWith("1 (already closed");
        assertThat(lab.stream(Event.HandshakeMessage.class).filter(m -> m.name().contains("close_notify")))
                .extracting(m -> m.side() + (m.sent() ? " sent" : " read")).containsExactly("client sent", "server read", "server sent");
    }

    @Test
    void sslFreeWithoutShutdownSpoilsNothingOnBc() {
        BcLab lab = BcLab.passing(TLS12 + """
                SSL_free(c1)
                SSL_free(c1.server)
                expect in_cache(server, s1)
                expect resumable(s1)
                expect resumable(k1)
                c2 = connect(client, server, session=k1)
                expect reused(c2)
                """);
        assertThat(lab.events(Event.SessionFlag.class)).isEmpty();
        assertThat(lab.events(Event.RunStarted.class).getFirst().caveats())
                .anySatisfy(c -> assertThat(c).contains("no unclean-shutdown rule"));
    }
}
