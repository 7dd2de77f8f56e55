package sessionlab.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import sessionlab.pki.DemoPki;

/**
 * Runs a JDK client SSLEngine against a JDK server SSLEngine in memory and records every byte
 * each one puts on the "wire", in emission order. The client says "ping", the server answers
 * "pong", then the client closes, so a transcript also holds application data and close_notify.
 * No sockets, no threads, no sleeps: each round wraps and unwraps until nothing moves.
 */
final class JsseLoopback {
    static final DemoPki PKI = DemoPki.generate();
    static final String HOST = "localhost";
    static final int PORT = 443;
    private static final char[] PASSWORD = "loopback".toCharArray();
    private static final int MAX_ROUNDS = 200;

    /** Bytes one side's wrap() produced. */
    record Chunk(boolean fromClient, byte[] bytes) {}

    private JsseLoopback() {}

    static SSLContext clientContext() {
        return context(false);
    }

    static SSLContext serverContext() {
        return context(true);
    }

    /** Client engines always name the same peer, so the client context's session cache resumes. */
    static Transcript connect(SSLContext client, SSLContext server,
                              Consumer<SSLParameters> clientSetup, Consumer<SSLParameters> serverSetup) {
        SSLEngine c = client.createSSLEngine(HOST, PORT);
        c.setUseClientMode(true);
        SSLParameters cp = c.getSSLParameters();
        cp.setEndpointIdentificationAlgorithm("HTTPS"); // checks the SAN against "localhost"
        cp.setServerNames(List.of(new SNIHostName(HOST))); // JSSE sends no SNI for dotless names by itself
        clientSetup.accept(cp);
        c.setSSLParameters(cp);

        SSLEngine s = server.createSSLEngine();
        s.setUseClientMode(false);
        SSLParameters sp = s.getSSLParameters();
        serverSetup.accept(sp);
        s.setSSLParameters(sp);

        return new Pump(c, s).run();
    }

    static Consumer<SSLParameters> protocols(String... protocols) {
        return p -> p.setProtocols(protocols);
    }

    static Consumer<SSLParameters> namedGroups(String... groups) {
        return p -> p.setNamedGroups(groups);
    }

    private static SSLContext context(boolean server) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(PKI.trustStore());
            KeyManagerFactory kmf = null;
            if (server) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                KeyStore keys = PKI.serverKeyStore(PASSWORD);
                kmf.init(keys, PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One connection's in-memory exchange. */
    private static final class Pump {
        private final Side client;
        private final Side server;
        private final List<Chunk> chunks = new ArrayList<>();

        Pump(SSLEngine client, SSLEngine server) {
            this.client = new Side(client, true);
            this.server = new Side(server, false);
        }

        Transcript run() {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                if (client.handshakeDone && !client.messageQueued) {
                    client.queue("ping");
                    client.messageQueued = true;
                }
                if (server.received.toString().equals("ping") && !server.messageQueued) {
                    server.queue("pong");
                    server.messageQueued = true;
                }
                if (client.received.toString().equals("pong") && !client.engine.isOutboundDone()) {
                    client.engine.closeOutbound();
                }
                boolean progress = wrap(client) | wrap(server);
                progress |= unwrap(server, client.toPeer) | unwrap(client, server.toPeer);
                if (!progress) {
                    return new Transcript(chunks, client.failure, server.failure);
                }
            }
            throw new IllegalStateException("loopback did not settle in " + MAX_ROUNDS + " rounds");
        }

        private boolean wrap(Side side) {
            if (side.engine.isOutboundDone()) {
                return false;
            }
            ByteBuffer net = ByteBuffer.allocate(side.engine.getSession().getPacketBufferSize());
            SSLEngineResult result;
            try {
                result = side.engine.wrap(side.outgoing, net);
            } catch (SSLException e) {
                side.failure = e;
                return true;
            }
            side.observe(result);
            if (result.bytesProduced() == 0) {
                return false;
            }
            byte[] bytes = Arrays.copyOf(net.array(), net.position());
            chunks.add(new Chunk(side.isClient, bytes));
            side.toPeer.put(bytes);
            return true;
        }

        private boolean unwrap(Side side, ByteBuffer fromPeer) {
            fromPeer.flip();
            boolean progress = false;
            try {
                while (fromPeer.hasRemaining() && !side.engine.isInboundDone()) {
                    ByteBuffer app = ByteBuffer.allocate(side.engine.getSession().getApplicationBufferSize());
                    SSLEngineResult result = side.engine.unwrap(fromPeer, app);
                    side.observe(result);
                    side.received.append(new String(app.array(), 0, app.position(), StandardCharsets.US_ASCII));
                    if (result.bytesConsumed() == 0) {
                        break;
                    }
                    progress = true;
                }
            } catch (SSLException e) {
                side.failure = e;
                fromPeer.position(fromPeer.limit()); // the connection is dead: drop what is left
                progress = true;
            } finally {
                fromPeer.compact();
            }
            return progress;
        }
    }

    private static final class Side {
        final SSLEngine engine;
        final boolean isClient;
        final ByteBuffer toPeer = ByteBuffer.allocate(1 << 18);
        final StringBuilder received = new StringBuilder();
        ByteBuffer outgoing = ByteBuffer.allocate(0);
        boolean handshakeDone;
        boolean messageQueued;
        SSLException failure;

        Side(SSLEngine engine, boolean isClient) {
            this.engine = engine;
            this.isClient = isClient;
        }

        void queue(String text) {
            outgoing = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        }

        void observe(SSLEngineResult result) {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
            if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED) {
                handshakeDone = true;
            }
        }
    }
}
