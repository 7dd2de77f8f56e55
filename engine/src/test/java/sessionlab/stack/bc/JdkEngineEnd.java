package sessionlab.stack.bc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import sessionlab.pki.DemoPki;
import sessionlab.wire.Direction;

/**
 * Test peer: the JDK's own SSLEngine as a {@link WireEnd}, driven purely from its handshake status,
 * so interop pairs (JSSE with bctls, both ways) cross the very same in-memory wire as the lab's stacks.
 */
final class JdkEngineEnd implements WireEnd {
    private static final char[] PASSWORD = "interop".toCharArray();
    private static final int MAX_WRAPS = 50;

    final SSLEngine engine;
    private final boolean client;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final StringBuilder received = new StringBuilder();
    private ByteBuffer outgoing = ByteBuffer.allocate(0);
    boolean finished;
    private String failure;

    private JdkEngineEnd(SSLEngine engine, boolean client) {
        this.engine = engine;
        this.client = client;
    }

    static SSLContext context(DemoPki pki, boolean server) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(pki.trustStore());
            KeyManagerFactory kmf = null;
            if (server) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                KeyStore keys = pki.serverKeyStore(PASSWORD);
                kmf.init(keys, PASSWORD);
            }
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client engine for localhost:443 (the same peer each time, so its context's cache can resume). */
    static JdkEngineEnd client(SSLContext context, String protocol) throws IOException {
        SSLEngine e = context.createSSLEngine(BcCredentials.HOST, 443);
        e.setUseClientMode(true);
        SSLParameters p = e.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        p.setServerNames(List.of(new SNIHostName(BcCredentials.HOST)));
        p.setProtocols(new String[] {protocol});
        e.setSSLParameters(p);
        e.beginHandshake();
        return new JdkEngineEnd(e, true);
    }

    static JdkEngineEnd server(SSLContext context, String protocol) throws IOException {
        SSLEngine e = context.createSSLEngine();
        e.setUseClientMode(false);
        SSLParameters p = e.getSSLParameters();
        p.setProtocols(new String[] {protocol});
        e.setSSLParameters(p);
        e.beginHandshake();
        return new JdkEngineEnd(e, false);
    }

    void write(String text) {
        outgoing = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Direction sends() {
        return client ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
    }

    @Override
    public void receive(byte[] record) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(record);
        while (in.hasRemaining()) {
            ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
            SSLEngineResult r = engine.unwrap(in, app);
            tasks(r);
            received.append(new String(app.array(), 0, app.position(), StandardCharsets.UTF_8));
            if (r.bytesConsumed() == 0) break;
        }
    }

    @Override
    public byte[] takeOutput() {
        try {
            for (int i = 0; i < MAX_WRAPS; i++) {
                boolean wants = engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP || outgoing.hasRemaining();
                if (!wants || engine.isOutboundDone()) break;
                ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                SSLEngineResult r = engine.wrap(outgoing, net);
                tasks(r);
                output.write(net.array(), 0, net.position());
                if (r.bytesProduced() == 0 && !outgoing.hasRemaining()) break;
            }
        } catch (IOException e) {
            fail(WireDriver.describe(e));
        }
        byte[] out = output.toByteArray();
        output.reset();
        return out;
    }

    private void tasks(SSLEngineResult r) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) task.run();
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) finished = true;
    }

    @Override
    public List<String> takeLabels() {
        return new ArrayList<>(); // the JDK does not say what it encrypted
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public void fail(String why) {
        if (failure == null) failure = why;
    }
}
