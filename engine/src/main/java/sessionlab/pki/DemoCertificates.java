package sessionlab.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds the demo CA and leaf. All randomness (keys, serials, ECDSA nonces) comes from one source.
 * Keys and signatures come from the JDK's own EC provider: setting up Bouncy Castle's provider
 * costs over a second of start-up, and bcpkix only needs to assemble the certificates.
 */
final class DemoCertificates {
    static final X500Name CA_NAME = new X500Name("CN=TLS Session Lab demo CA");
    static final X500Name LEAF_NAME = new X500Name("CN=localhost");
    static final String LEAF_DNS_NAME = "localhost";

    private final SecureRandom random;
    private final Date notBefore;
    private final Date notAfter;
    private final JcaX509ExtensionUtils extensionUtils;

    DemoCertificates(SecureRandom random, Instant notBefore, Instant notAfter) {
        this.random = random;
        this.notBefore = Date.from(notBefore);
        this.notAfter = Date.from(notAfter);
        try {
            this.extensionUtils = new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 for key identifiers is unavailable", e);
        }
    }

    KeyPair p256KeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    X509Certificate selfSignedCa(KeyPair ca) throws GeneralSecurityException, IOException, OperatorCreationException {
        X509v3CertificateBuilder builder = builder(CA_NAME, CA_NAME, ca.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(ca.getPublic()));
        return sign(builder, ca.getPrivate());
    }

    X509Certificate leaf(PublicKey leafKey, X509Certificate caCertificate, PrivateKey caKey)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        X509v3CertificateBuilder builder = builder(CA_NAME, LEAF_NAME, leafKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, LEAF_DNS_NAME)))
                .addExtension(Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(leafKey))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensionUtils.createAuthorityKeyIdentifier(caCertificate));
        return sign(builder, caKey);
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key) {
        // Positive and non-zero, at most 64 bits: well inside RFC 5280's 20-octet limit.
        BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, notBefore, notAfter, subject, key);
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random).build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
