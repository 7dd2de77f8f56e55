package sessionlab.stack.bc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Vector;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.NewSessionTicket;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientContext;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The client peer: bctls's defaults (cipher suites, groups, signature algorithms) with the scenario's
 * versions, SNI localhost, the extended master secret required, the server checked against the demo
 * CA, and the session the scenario gave it offered through {@code getSessionToResume()}.
 */
final class LabTlsClient extends DefaultTlsClient {
    private final BcEndpoint end;
    private final ProtocolVersion[] versions;
    private final BcCredentials trust;
    /** The session to offer; dropped once the handshake is over (then the connection's session is bctls's). */
    private TlsSession offer;

    LabTlsClient(BcTlsCrypto crypto, BcEndpoint end, ProtocolVersion[] versions, BcCredentials trust, TlsSession offer) {
        super(crypto);
        this.end = end;
        this.versions = versions;
        this.trust = trust;
        this.offer = offer;
    }

    TlsClientContext context() {
        return context;
    }

    TlsSession offer() {
        return offer;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return versions;
    }

    @Override
    protected Vector<ServerName> getSNIServerNames() {
        return serverNames();
    }

    /** SNI localhost (the bare benchmark loop sends the same). */
    static Vector<ServerName> serverNames() {
        Vector<ServerName> names = new Vector<>();
        names.add(new ServerName(NameType.host_name, BcCredentials.HOST.getBytes(StandardCharsets.US_ASCII)));
        return names;
    }

    @Override
    public TlsSession getSessionToResume() {
        return offer;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public void notifySessionToResume(TlsSession session) {
        // bctls's own decision: null means it will not offer what it was given (not resumable, wrong version)
        end.bcWillOffer = session != null;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new ServerOnlyTlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                trust.verify(serverCertificate.getCertificate());
                end.certificateChecked = true; // a resumed handshake never gets here: evidence of resumption
            }
        };
    }

    @Override
    public void notifyNewSessionTicket(NewSessionTicket ticket) throws IOException {
        super.notifyNewSessionTicket(ticket);
        end.ticketsReceived++; // TLS 1.2 only: bctls parses a TLS 1.3 ticket and drops it without telling us
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        offer = null;
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
