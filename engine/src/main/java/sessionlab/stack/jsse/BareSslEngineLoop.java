package sessionlab.stack.jsse;

import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import sessionlab.pki.DemoPki;

/**
 * The benchmark's SSLEngine baseline: the same TLS 1.3 handshakes and ticket reads through two
 * SSLEngines in memory, driven by handshake status, with no wire, events or observation.
 */
public final class BareSslEngineLoop {
    private BareSslEngineLoop() {}

    public static void run(DemoPki pki, int n) throws Exception {
        char[] pw = "bench".toCharArray();
        // the engine's configuration (LocalHost): the default key and trust manager algorithms, SNI on
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(pki.serverKeyStore(pw), pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(pki.trustStore());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        ByteBuffer c2s = ByteBuffer.allocate(64 * 1024), s2c = ByteBuffer.allocate(64 * 1024);
        ByteBuffer app = ByteBuffer.allocate(64 * 1024);
        for (int i = 0; i < n; i++) {
            SSLEngine c = client.createSSLEngine("localhost", 20000 + i);
            c.setUseClientMode(true);
            SSLParameters p = c.getSSLParameters();
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"}); // the bench scenario's client: max=tls1.3, min unset
            p.setEndpointIdentificationAlgorithm("HTTPS");
            p.setServerNames(List.of(new SNIHostName("localhost")));
            c.setSSLParameters(p);
            SSLEngine s = server.createSSLEngine();
            s.setUseClientMode(false);
            c.beginHandshake();
            s.beginHandshake();
            c2s.clear();
            s2c.clear();
            for (int step = 0; step < 100 && !(done(c) && done(s) && c2s.position() == 0 && s2c.position() == 0); step++) {
                pump(c, s2c, c2s, app);
                pump(s, c2s, s2c, app);
            }
            if (!(done(c) && done(s))) throw new IllegalStateException("bare SSLEngine handshake did not finish");
        }
    }

    private static boolean done(SSLEngine e) {
        SSLEngineResult.HandshakeStatus h = e.getHandshakeStatus();
        return h == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || h == SSLEngineResult.HandshakeStatus.FINISHED;
    }

    /** One round for one engine: run tasks, unwrap what the peer sent, wrap what it has to send. */
    private static void pump(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws Exception {
        for (int k = 0; k < 16; k++) {
            boolean progressed = false;
            Runnable task;
            while ((task = e.getDelegatedTask()) != null) task.run();
            in.flip();
            if (in.hasRemaining()) {
                app.clear();
                SSLEngineResult r = e.unwrap(in, app);
                progressed |= r.bytesConsumed() > 0;
            }
            in.compact();
            while ((task = e.getDelegatedTask()) != null) task.run();
            if (e.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                SSLEngineResult r = e.wrap(ByteBuffer.allocate(0), out);
                progressed |= r.bytesProduced() > 0;
            }
            if (!progressed) return;
        }
    }
}
