package sessionlab.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import org.bouncycastle.tls.ClientHello;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.OfferedPsks;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.PskIdentity;
import org.bouncycastle.tls.ServerHello;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsUtils;

/** Turns one complete plaintext handshake message body into a {@link HandshakeInfo}. */
final class HandshakeParser {
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    static final int NEW_SESSION_TICKET = 4;

    private HandshakeParser() {}

    /** @throws IllegalArgumentException if the body does not parse as its type says */
    static HandshakeInfo parse(int type, byte[] body) {
        try {
            return switch (type) {
                case CLIENT_HELLO -> clientHello(body);
                case SERVER_HELLO -> serverHello(body);
                case NEW_SESSION_TICKET -> newSessionTicket(body);
                default -> new OtherHandshakeInfo(type, TlsNames.handshakeTypeName(type));
            };
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "malformed %s (%d bytes): %s".formatted(TlsNames.handshakeTypeName(type), body.length, e), e);
        }
    }

    private static ClientHelloInfo clientHello(byte[] body) throws IOException {
        // A non-null second argument means DTLS to Bouncy Castle: it would read a cookie field.
        ClientHello hello = ClientHello.parse(new ByteArrayInputStream(body), null);
        Hashtable<?, ?> ext = hello.getExtensions();
        byte[] ticket = TlsUtils.getExtensionData(ext, ExtensionType.session_ticket);
        return new ClientHelloInfo(
                hello.getVersion().getFullVersion(),
                hello.getSessionID(),
                Arrays.stream(hello.getCipherSuites()).boxed().toList(),
                ExtensionOrder.ofClientHello(body),
                versions(TlsExtensionsUtils.getSupportedVersionsExtensionClient(ext)),
                hostName(TlsExtensionsUtils.getServerNameExtensionClient(ext)),
                pskIdentities(TlsExtensionsUtils.getPreSharedKeyClientHello(ext)),
                ticket == null ? -1 : ticket.length,
                TlsExtensionsUtils.hasEarlyDataIndication(ext));
    }

    private static ServerHelloInfo serverHello(byte[] body) throws IOException {
        ServerHello hello = ServerHello.parse(new ByteArrayInputStream(body));
        Hashtable<?, ?> ext = hello.getExtensions();
        int legacyVersion = hello.getVersion().getFullVersion();
        ProtocolVersion selected = TlsExtensionsUtils.getSupportedVersionsExtensionServer(ext);
        return new ServerHelloInfo(
                legacyVersion,
                selected == null ? legacyVersion : selected.getFullVersion(),
                hello.getSessionID(),
                hello.getCipherSuite(),
                ExtensionOrder.ofServerHello(body),
                TlsExtensionsUtils.getPreSharedKeyServerHello(ext),
                hello.isHelloRetryRequest());
    }

    private static NewSessionTicketTls12Info newSessionTicket(byte[] body) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        long lifetimeHint = TlsUtils.readUint32(in);
        byte[] ticket = TlsUtils.readOpaque16(in);
        if (in.available() != 0) {
            throw new IOException(in.available() + " trailing bytes after the ticket");
        }
        return new NewSessionTicketTls12Info(lifetimeHint, ticket.length);
    }

    private static List<Integer> versions(ProtocolVersion[] versions) {
        return versions == null ? List.of() : Arrays.stream(versions).map(ProtocolVersion::getFullVersion).toList();
    }

    private static String hostName(List<?> serverNames) {
        if (serverNames == null) {
            return null;
        }
        for (Object o : serverNames) {
            ServerName name = (ServerName) o;
            if (name.getNameType() == NameType.host_name) {
                return new String(name.getNameData(), StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static List<PskIdentityInfo> pskIdentities(OfferedPsks offered) {
        if (offered == null) {
            return List.of();
        }
        List<PskIdentityInfo> identities = new ArrayList<>();
        for (Object o : offered.getIdentities()) {
            PskIdentity identity = (PskIdentity) o;
            identities.add(new PskIdentityInfo(identity.getIdentity().length, identity.getObfuscatedTicketAge()));
        }
        return identities;
    }
}
