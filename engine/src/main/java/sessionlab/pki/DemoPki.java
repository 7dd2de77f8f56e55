package sessionlab.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bouncycastle.operator.OperatorCreationException;

/**
 * A throw-away PKI made at start-up: an ECDSA P-256 CA and a leaf for {@code localhost} that
 * it signed. Keys live only in memory; PEM text is for libssl, key stores are for JSSE.
 */
public final class DemoPki {
    public static final String SERVER_KEY_ALIAS = "localhost";
    public static final String CA_ALIAS = "demo-ca";
    static final Duration BACKDATE = Duration.ofHours(1);
    static final Duration LIFETIME = Duration.ofDays(30);

    private final X509Certificate caCertificate;
    private final X509Certificate leafCertificate;
    private final PrivateKey leafPrivateKey;

    private DemoPki(X509Certificate caCertificate, X509Certificate leafCertificate, PrivateKey leafPrivateKey) {
        this.caCertificate = caCertificate;
        this.leafCertificate = leafCertificate;
        this.leafPrivateKey = leafPrivateKey;
    }

    public static DemoPki generate() {
        return generate(new SecureRandom(), Instant.now());
    }

    /**
     * Valid from {@code now} - 1h (tolerates clock skew between peers) to {@code now} + 30 days,
     * both truncated to whole seconds because X.509 times have no finer resolution.
     */
    public static DemoPki generate(SecureRandom random, Instant now) {
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        // The JDK's providers only: nothing is registered in the JVM-wide provider list.
        var certificates = new DemoCertificates(random, start.minus(BACKDATE), start.plus(LIFETIME));
        try {
            KeyPair caKeys = certificates.p256KeyPair();
            X509Certificate ca = certificates.selfSignedCa(caKeys);
            KeyPair leafKeys = certificates.p256KeyPair();
            X509Certificate leaf = certificates.leaf(leafKeys.getPublic(), ca, caKeys.getPrivate());
            return new DemoPki(ca, leaf, leafKeys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the demo PKI", e);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    public X509Certificate leafCertificate() {
        return leafCertificate;
    }

    public PrivateKey leafPrivateKey() {
        return leafPrivateKey;
    }

    public String caCertificatePem() {
        return Pem.encode("CERTIFICATE", encoded(caCertificate));
    }

    public String leafCertificatePem() {
        return Pem.encode("CERTIFICATE", encoded(leafCertificate));
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY"), the form OpenSSL reads without being told the key type. */
    public String leafPrivateKeyPem() {
        return Pem.encode("PRIVATE KEY", leafPrivateKey.getEncoded());
    }

    /** The leaf key with chain [leaf, CA] under {@link #SERVER_KEY_ALIAS}, for a KeyManagerFactory. */
    public KeyStore serverKeyStore(char[] password) {
        KeyStore store = emptyStore();
        try {
            store.setKeyEntry(SERVER_KEY_ALIAS, leafPrivateKey, password,
                    new Certificate[] {leafCertificate, caCertificate});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot store the leaf key", e);
        }
        return store;
    }

    /** Only the CA, under {@link #CA_ALIAS}, for a TrustManagerFactory. */
    public KeyStore trustStore() {
        KeyStore store = emptyStore();
        try {
            store.setCertificateEntry(CA_ALIAS, caCertificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot store the CA certificate", e);
        }
        return store;
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS12 key stores are unavailable", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate built here always encodes", e);
        }
    }
}
