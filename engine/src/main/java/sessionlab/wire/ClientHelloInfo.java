package sessionlab.wire;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded ClientHello. {@code extensionTypes} keep wire order; {@code serverName} is null
 * without SNI; {@code sessionTicketLength} is -1 without a session_ticket extension, 0 when the
 * client merely asks for a ticket, and the ticket size when it presents one.
 */
public record ClientHelloInfo(
        int legacyVersion,
        byte[] sessionId,
        List<Integer> cipherSuites,
        List<Integer> extensionTypes,
        List<Integer> supportedVersions,
        String serverName,
        List<PskIdentityInfo> pskIdentities,
        int sessionTicketLength,
        boolean earlyData) implements HandshakeInfo {

    public ClientHelloInfo {
        sessionId = sessionId.clone();
        cipherSuites = List.copyOf(cipherSuites);
        extensionTypes = List.copyOf(extensionTypes);
        supportedVersions = List.copyOf(supportedVersions);
        pskIdentities = List.copyOf(pskIdentities);
    }

    /** TLS 1.3 resumption attempt: a pre_shared_key extension with at least one identity. */
    public boolean offersPsk() {
        return !pskIdentities.isEmpty();
    }

    /** TLS 1.2 stateless resumption attempt: a non-empty session_ticket extension. */
    public boolean offersTicket() {
        return sessionTicketLength > 0;
    }

    @Override
    public String name() {
        return "ClientHello";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("legacyVersion", TlsNames.versionName(legacyVersion));
        f.put("sessionId", HexFormat.of().formatHex(sessionId));
        f.put("cipherSuites", cipherSuites.stream().map(TlsNames::cipherSuiteName).toList());
        f.put("extensions", extensionTypes.stream().map(TlsNames::extensionName).toList());
        f.put("supportedVersions", supportedVersions.stream().map(TlsNames::versionName).toList());
        if (serverName != null) {
            f.put("serverName", serverName);
        }
        if (offersPsk()) {
            f.put("pskIdentities", pskIdentities.stream().map(PskIdentityInfo::describe).toList());
        }
        f.put("sessionTicket", switch (sessionTicketLength) {
            case -1 -> "absent";
            case 0 -> "empty (ticket requested)";
            default -> sessionTicketLength + " bytes";
        });
        f.put("earlyData", earlyData);
        return f;
    }
}
