package sessionlab.wire;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded ServerHello or HelloRetryRequest (same wire type, told apart by a fixed random).
 * {@code selectedVersion} comes from supported_versions when present, else the legacy field;
 * {@code selectedPskIdentity} is -1 when the server did not accept a PSK.
 */
public record ServerHelloInfo(
        int legacyVersion,
        int selectedVersion,
        byte[] sessionId,
        int cipherSuite,
        List<Integer> extensionTypes,
        int selectedPskIdentity,
        boolean helloRetryRequest) implements HandshakeInfo {

    public ServerHelloInfo {
        sessionId = sessionId.clone();
        extensionTypes = List.copyOf(extensionTypes);
    }

    @Override
    public String name() {
        return helloRetryRequest ? "HelloRetryRequest" : "ServerHello";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("legacyVersion", TlsNames.versionName(legacyVersion));
        f.put("selectedVersion", TlsNames.versionName(selectedVersion));
        f.put("sessionId", HexFormat.of().formatHex(sessionId));
        f.put("cipherSuite", TlsNames.cipherSuiteName(cipherSuite));
        f.put("extensions", extensionTypes.stream().map(TlsNames::extensionName).toList());
        if (selectedPskIdentity >= 0) {
            f.put("selectedPskIdentity", selectedPskIdentity);
        }
        f.put("helloRetryRequest", helloRetryRequest);
        return f;
    }
}
