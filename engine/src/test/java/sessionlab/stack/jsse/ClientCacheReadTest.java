package sessionlab.stack.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import sessionlab.pki.DemoPki;

/**
 * A client cache keeps every ticket of a run, and enumerating it costs a step per entry: it is
 * enumerated only where something could have changed it in a way a lookup of one new id cannot
 * confirm. Every prediction is checked against a real enumeration here (and in every test run with
 * assertions), so a wrong guess about what SunJSSE does to its client cache fails.
 */
class ClientCacheReadTest {
    private static final DemoPki PKI = JsseLab.PKI;

    @Test
    void aFreshPeersHandshakeAndItsTicketsAreSeenInTheClientCacheWithoutEnumeratingIt() {
        LocalHost host = checkingHost();
        HostedConnections lab = new HostedConnections(host, 20480);
        lab.connect(20001).readTickets();
        for (int port = 20002; port < 20008; port++) {
            int before = host.cacheEnumerations(HostedConnections.CLIENT);
            HostedConnections.Connection c = lab.connect(port);

            assertThat(lab.clientCache()).as("the handshake's own session entered the client cache").contains(c.clientSession());
            assertThat(host.cacheEnumerations(HostedConnections.CLIENT)).as("seen with one lookup, not a whole read").isEqualTo(before);

            List<Hosted.SessionView> tickets = c.readTickets();
            assertThat(tickets).as("its tickets are new cache entries").isNotEmpty()
                    .allSatisfy(t -> assertThat(t.peerPort()).isEqualTo(c.port));
            assertThat(lab.clientCache()).contains(tickets.stream().mapToInt(Hosted.SessionView::handle).toArray());
            assertThat(host.cacheEnumerations(HostedConnections.CLIENT)).as("the tickets were found by the ids drawn for them").isEqualTo(before);
        }
    }

    @Test
    void aClientThatOffersASessionIsFollowedByAWholeRead() {
        LocalHost host = checkingHost();
        HostedConnections lab = new HostedConnections(host, 20480);
        List<Hosted.SessionView> tickets = lab.connect(20001).readTickets();
        int before = host.cacheEnumerations(HostedConnections.CLIENT);

        lab.connect(20001); // the same peer: one of its tickets is offered, and leaves the cache (single use)
        List<Integer> cached = Arrays.stream(lab.clientCache()).boxed().toList();

        assertThat(host.cacheEnumerations(HostedConnections.CLIENT)).isEqualTo(before + 1);
        assertThat(tickets).as("one ticket was spent").filteredOn(t -> cached.contains(t.handle())).hasSize(tickets.size() - 1);
    }

    @Test
    void aCacheWithoutRoomForTheNewSessionIsFollowedByAWholeRead() {
        LocalHost host = checkingHost();
        HostedConnections lab = new HostedConnections(host, 2);
        HostedConnections.Connection first = lab.connect(20001);
        lab.clientCache();
        int before = host.cacheEnumerations(HostedConnections.CLIENT);
        HostedConnections.Connection full = lab.connect(20002);
        assertThat(lab.clientCache()).as("room for it").hasSize(2).contains(full.clientSession());
        assertThat(host.cacheEnumerations(HostedConnections.CLIENT)).isEqualTo(before);

        HostedConnections.Connection evicting = lab.connect(20003);
        int[] cached = lab.clientCache();

        assertThat(host.cacheEnumerations(HostedConnections.CLIENT)).as("an eviction is only seen by enumerating").isEqualTo(before + 1);
        assertThat(cached).hasSize(2).contains(evicting.clientSession()).doesNotContain(first.clientSession());
    }

    @Test
    void aChangeThePredictionDidNotForeseeIsAnError() throws Exception {
        SSLContext client = context(false), server = context(true);
        SSLSessionContext cache = client.getClientSessionContext();
        HostSessions seen = new HostSessions(true);
        handshake(client.createSSLEngine("localhost", 1), server, e -> { });
        seen.cached(1, cache, false);
        SSLSession old = cache.getSession(Collections.list(cache.getIds()).getFirst());

        // a fresh peer's handshake, while the older session leaves the cache behind the lab's back
        handshake(client.createSSLEngine("localhost", 2), server, e -> seen.handshaking(1, e));
        old.invalidate();

        assertThatThrownBy(() -> seen.cached(1, cache, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a session left");
    }

    @Test
    void withoutCheckingAPredictionFoundWrongIsNotMadeAgainAndTheCacheIsEnumerated() throws Exception {
        SSLContext client = context(false), server = context(true);
        SSLSessionContext cache = client.getClientSessionContext();
        HostSessions seen = new HostSessions(false);
        handshake(client.createSSLEngine("localhost", 1), server, e -> { });
        seen.cached(1, cache, false);
        SSLSession old = cache.getSession(Collections.list(cache.getIds()).getFirst());
        handshake(client.createSSLEngine("localhost", 2), server, e -> seen.handshaking(1, e));
        old.invalidate();

        int[] read = seen.cached(1, cache, false);

        assertThat(read).as("the first prediction is compared with an enumeration, which wins").hasSize(1);
        assertThat(seen.predicts(ContextCache.Prediction.FRESH_HANDSHAKE)).isFalse();
        assertThat(seen.predicts(ContextCache.Prediction.DRAWN_IDS)).as("the other kind was not disproven").isTrue();
    }

    private static LocalHost checkingHost() {
        LocalHost host = new LocalHost(-1, true);
        host.call(JsseStack.credentials(PKI));
        return host;
    }

    private static SSLContext context(boolean server) throws Exception {
        char[] pw = "test".toCharArray();
        SSLContext c = SSLContext.getInstance("TLS");
        if (server) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(PKI.serverKeyStore(pw), pw);
            c.init(kmf.getKeyManagers(), null, null);
        } else {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(PKI.trustStore());
            c.init(null, tmf.getTrustManagers(), null);
        }
        return c;
    }

    /** A TLS 1.3 handshake in memory; {@code beforeEachClientCall} sees the client engine before each of its calls. */
    private static void handshake(SSLEngine c, SSLContext server, java.util.function.Consumer<SSLEngine> beforeEachClientCall) throws Exception {
        c.setUseClientMode(true);
        c.setEnabledProtocols(new String[] {"TLSv1.3"});
        SSLEngine s = server.createSSLEngine();
        s.setUseClientMode(false);
        ByteBuffer c2s = ByteBuffer.allocate(1 << 16), s2c = ByteBuffer.allocate(1 << 16), app = ByteBuffer.allocate(1 << 16);
        beforeEachClientCall.accept(c);
        c.beginHandshake();
        s.beginHandshake();
        for (int i = 0; i < 50 && !(done(c) && done(s)); i++) {
            beforeEachClientCall.accept(c);
            pump(c, s2c, c2s, app);
            pump(s, c2s, s2c, app);
        }
        assertThat(done(c) && done(s)).as("the handshake finished").isTrue();
    }

    private static boolean done(SSLEngine e) {
        return e.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING || e.getHandshakeStatus() == HandshakeStatus.FINISHED;
    }

    private static void pump(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws Exception {
        Runnable task;
        while ((task = e.getDelegatedTask()) != null) task.run();
        in.flip();
        if (in.hasRemaining() && e.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
            app.clear();
            e.unwrap(in, app);
        }
        in.compact();
        while ((task = e.getDelegatedTask()) != null) task.run();
        while (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) e.wrap(ByteBuffer.allocate(0), out);
    }
}
