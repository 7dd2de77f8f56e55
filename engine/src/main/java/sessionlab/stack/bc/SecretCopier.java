package sessionlab.stack.bc;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsSecret;

/**
 * Copies one end's secrets into SSLKEYLOGFILE lines without disturbing the connection:
 * {@code TlsSecret.extract()} destroys the secret it is called on, so each secret is first copied
 * with {@code TlsCrypto.adoptSecret} (a fresh secret over a copy of the bytes) and only the copy is
 * extracted. TLS 1.2 gives CLIENT_RANDOM (master secret) at handshake completion. TLS 1.3 replaces
 * its traffic secrets as the handshake goes on, so they are copied as each new one appears at a
 * record hook: per direction the first is the handshake traffic secret, the next the application one.
 */
final class SecretCopier {
    /** Receives one key log line and its label (the line holds the secret; the label does not). */
    interface Sink {
        void line(String label, String line);
    }

    private final TlsCrypto crypto;
    private final Sink sink;
    private final List<TlsSecret> seenClient = new ArrayList<>();
    private final List<TlsSecret> seenServer = new ArrayList<>();
    private boolean masterDone;
    /** Secrets that were already destroyed when we looked (none expected; reported, not hidden). */
    final List<String> missed = new ArrayList<>();

    SecretCopier(TlsCrypto crypto, Sink sink) {
        this.crypto = crypto;
        this.sink = sink;
    }

    /** At every record hook: TLS 1.3 traffic secrets show up here before they are replaced. */
    void look(TlsContext context) {
        SecurityParameters sp = context.getSecurityParametersHandshake();
        if (sp == null) sp = context.getSecurityParametersConnection();
        if (sp == null || sp.getNegotiatedVersion() == null || !TlsUtils.isTLSv13(sp.getNegotiatedVersion())) return;
        traffic(sp, sp.getTrafficSecretClient(), true);
        traffic(sp, sp.getTrafficSecretServer(), false);
    }

    /** Inside notifyHandshakeComplete: the connection's final secrets are in place and still alive. */
    void complete(TlsContext context) {
        SecurityParameters sp = context.getSecurityParametersConnection();
        if (sp == null || sp.getNegotiatedVersion() == null) return;
        if (TlsUtils.isTLSv13(sp.getNegotiatedVersion())) {
            traffic(sp, sp.getTrafficSecretClient(), true);
            traffic(sp, sp.getTrafficSecretServer(), false);
        } else if (!masterDone) {
            masterDone = true;
            byte[] master = copy(sp.getMasterSecret(), "master secret");
            if (master != null) emit("CLIENT_RANDOM", sp.getClientRandom(), master);
        }
    }

    private void traffic(SecurityParameters sp, TlsSecret s, boolean client) {
        if (s == null) return;
        List<TlsSecret> seen = client ? seenClient : seenServer;
        for (TlsSecret k : seen) if (k == s) return;
        seen.add(s);
        String side = client ? "CLIENT" : "SERVER";
        String label = seen.size() == 1 ? side + "_HANDSHAKE_TRAFFIC_SECRET" : side + "_TRAFFIC_SECRET_" + (seen.size() - 2);
        byte[] bytes = copy(s, label);
        if (bytes != null) emit(label, sp.getClientRandom(), bytes);
    }

    private byte[] copy(TlsSecret s, String what) {
        if (s == null || !s.isAlive()) {
            missed.add(what);
            return null;
        }
        return crypto.adoptSecret(s).extract();
    }

    private void emit(String label, byte[] clientRandom, byte[] secret) {
        HexFormat hex = HexFormat.of();
        sink.line(label, label + " " + hex.formatHex(clientRandom) + " " + hex.formatHex(secret));
    }
}
