package sessionlab.stack.bc;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Vector;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import sessionlab.pki.DemoPki;

/**
 * The benchmark's bctls baseline: the same handshakes as the bench scenario's (client TLS 1.2-1.3 with
 * SNI and the extended master secret required, the lab's server suites and session ids, the server
 * certificate checked against the demo CA) with bytes handed straight across: no wire, no events, no
 * observation.
 */
public final class BareBcLoop {
    private BareBcLoop() {}

    public static void run(DemoPki pki, int n) throws IOException {
        BcCredentials credentials = new BcCredentials(pki);
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        ProtocolVersion[] versions = ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12);
        for (int i = 0; i < n; i++) {
            TlsClientProtocol client = new TlsClientProtocol();
            TlsServerProtocol server = new TlsServerProtocol();
            server.accept(new DefaultTlsServer(crypto) {
                @Override
                protected ProtocolVersion[] getSupportedVersions() {
                    return versions;
                }

                @Override
                protected int[] getSupportedCipherSuites() {
                    return LabTlsServer.cipherSuites(super.getSupportedCipherSuites());
                }

                @Override
                public boolean requiresExtendedMasterSecret() {
                    return true;
                }

                @Override
                public TlsCredentials getCredentials() throws IOException {
                    return credentials.signer(crypto, context);
                }

                @Override
                public byte[] getNewSessionID() {
                    // the bench scenario's server caches sessions, so the lab gives each one an id (BcContext.newSessionId)
                    byte[] id = new byte[32];
                    crypto.getSecureRandom().nextBytes(id);
                    return id;
                }
            });
            client.connect(new DefaultTlsClient(crypto) {
                @Override
                protected ProtocolVersion[] getSupportedVersions() {
                    return versions;
                }

                @Override
                protected Vector<ServerName> getSNIServerNames() {
                    return LabTlsClient.serverNames();
                }

                @Override
                public boolean requiresExtendedMasterSecret() {
                    return true;
                }

                @Override
                public TlsAuthentication getAuthentication() {
                    return new ServerOnlyTlsAuthentication() {
                        @Override
                        public void notifyServerCertificate(TlsServerCertificate certificate) throws IOException {
                            credentials.verify(certificate.getCertificate());
                        }
                    };
                }
            });
            for (int step = 0; step < 20 && (client.isHandshaking() || server.isHandshaking()); step++) {
                move(client, server);
                move(server, client);
            }
            if (client.isHandshaking() || server.isHandshaking()) throw new IOException("bare bctls handshake did not finish");
            move(server, client);
        }
    }

    private static void move(org.bouncycastle.tls.TlsProtocol from, org.bouncycastle.tls.TlsProtocol to) throws IOException {
        int available = from.getAvailableOutputBytes();
        if (available <= 0) return;
        byte[] bytes = new byte[available];
        from.readOutput(bytes, 0, available);
        to.offerInput(bytes);
    }
}
