package sessionlab.wire;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.ExtensionType;

/** Display names for wire code points; anything unknown is shown as hex rather than guessed. */
public final class TlsNames {
    private TlsNames() {}

    public static String handshakeTypeName(int type) {
        return switch (type) {
            case 0 -> "HelloRequest";
            case 1 -> "ClientHello";
            case 2 -> "ServerHello";
            case 3 -> "HelloVerifyRequest";
            case 4 -> "NewSessionTicket";
            case 5 -> "EndOfEarlyData";
            case 8 -> "EncryptedExtensions";
            case 11 -> "Certificate";
            case 12 -> "ServerKeyExchange";
            case 13 -> "CertificateRequest";
            case 14 -> "ServerHelloDone";
            case 15 -> "CertificateVerify";
            case 16 -> "ClientKeyExchange";
            case 20 -> "Finished";
            case 21 -> "CertificateURL";
            case 22 -> "CertificateStatus";
            case 23 -> "SupplementalData";
            case 24 -> "KeyUpdate";
            case 25 -> "CompressedCertificate";
            case 254 -> "MessageHash";
            default -> "HandshakeType(%d)".formatted(type);
        };
    }

    public static String versionName(int version) {
        return switch (version) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> isGrease(version) ? "GREASE" : hex16(version);
        };
    }

    public static String cipherSuiteName(int suite) {
        return switch (suite) {
            case 0x1301 -> "TLS_AES_128_GCM_SHA256";
            case 0x1302 -> "TLS_AES_256_GCM_SHA384";
            case 0x1303 -> "TLS_CHACHA20_POLY1305_SHA256";
            case 0x1304 -> "TLS_AES_128_CCM_SHA256";
            case 0x1305 -> "TLS_AES_128_CCM_8_SHA256";
            case 0xc02b -> "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
            case 0xc02c -> "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
            case 0xc02f -> "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
            case 0xc030 -> "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
            case 0xcca8 -> "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
            case 0xcca9 -> "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
            case 0xc023 -> "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256";
            case 0xc024 -> "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384";
            case 0xc027 -> "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";
            case 0xc028 -> "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384";
            case 0xc009 -> "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";
            case 0xc00a -> "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA";
            case 0xc013 -> "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA";
            case 0xc014 -> "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA";
            case 0x00ff -> "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
            default -> isGrease(suite) ? "GREASE" : hex16(suite);
        };
    }

    public static String extensionName(int type) {
        if (isGrease(type)) {
            return "GREASE";
        }
        String name = ExtensionType.getName(type);
        return "UNKNOWN".equals(name) ? hex16(type) : name;
    }

    /** "Alert(fatal, handshake_failure)"; numbers stand in for values Bouncy Castle cannot name. */
    public static String alertName(int level, int description) {
        String levelName = AlertLevel.getName((short) level);
        String descriptionName = AlertDescription.getName((short) description);
        return "Alert(%s, %s)".formatted(
                "UNKNOWN".equals(levelName) ? Integer.toString(level) : levelName,
                "UNKNOWN".equals(descriptionName) ? Integer.toString(description) : descriptionName);
    }

    /** RFC 8701 reserves 0x?A?A values (both bytes equal) so clients can exercise tolerance. */
    static boolean isGrease(int value) {
        return (value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff);
    }

    /** "0x%04x", without a Formatter: a JDK ClientHello names a dozen suites this way, every handshake. */
    static String hex16(int value) {
        String h = Integer.toHexString(value);
        return h.length() >= 4 ? "0x" + h : "0x0000".substring(0, 6 - h.length()) + h;
    }
}
