package sessionlab.stack.bc;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerContext;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The server peer: the demo ECDSA P-256 credentials, the scenario's versions, the extended master
 * secret required, and TLS 1.2 session ids answered from the lab's cache. bctls asks the application
 * for a session ({@code getSessionToResume}) and for new ids ({@code getNewSessionID}); it calls
 * {@code notifySession} with a placeholder at ServerHello time, so the session that goes into the
 * cache is the one bctls holds when the handshake completes.
 */
final class LabTlsServer extends DefaultTlsServer {
    private final BcTlsCrypto crypto;
    private final BcEndpoint end;
    private final ProtocolVersion[] versions;
    private final BcCredentials credentials;
    private final SecureRandom random;

    LabTlsServer(BcTlsCrypto crypto, BcEndpoint end, ProtocolVersion[] versions, BcCredentials credentials) {
        super(crypto);
        this.crypto = crypto;
        this.end = end;
        this.versions = versions;
        this.credentials = credentials;
        this.random = crypto.getSecureRandom();
    }

    TlsServerContext context() {
        return context;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return versions;
    }

    /**
     * bctls's own TLS 1.3 suites, then ECDHE_ECDSA ones for TLS 1.2: DefaultTlsServer lists only RSA-based
     * TLS 1.2 suites, which the demo ECDSA certificate cannot serve.
     */
    @Override
    protected int[] getSupportedCipherSuites() {
        return cipherSuites(super.getSupportedCipherSuites());
    }

    /** The suites above, from DefaultTlsServer's own list (the bare benchmark loop offers the same). */
    static int[] cipherSuites(int[] defaults) {
        int[] tls13 = Arrays.stream(defaults).filter(cs -> TlsUtils.getKeyExchangeAlgorithm(cs) == KeyExchangeAlgorithm.NULL).toArray();
        return IntStream.concat(Arrays.stream(tls13), IntStream.of(ECDSA_TLS12)).toArray();
    }

    private static final int[] ECDSA_TLS12 = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    };

    @Override
    public TlsCredentials getCredentials() throws IOException {
        return credentials.signer(crypto, context);
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public TlsSession getSessionToResume(byte[] sessionId) {
        // an empty id offers nothing: libssl does not look it up (or count a miss) either
        if (sessionId == null || sessionId.length == 0) return null;
        return end.ctx.lookup(sessionId);
    }

    @Override
    public byte[] getNewSessionID() {
        return end.ctx.newSessionId(random);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        end.completed(context);
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        end.alert(true, level, description, message, cause);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        end.alert(false, level, description, null, null);
    }
}
