package sessionlab.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;

class DemoPkiTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.750Z");
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

    private final DemoPki pki = DemoPki.generate(seeded(42), NOW);

    @Test
    void leafValidatesAsAPkixPathUpToTheCa() throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(pki.leafCertificate()));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(pki.caCertificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW));

        CertPathValidator.getInstance("PKIX").validate(path, parameters);
        pki.leafCertificate().verify(pki.caCertificate().getPublicKey());
    }

    @Test
    void caIsSelfSignedWithTheLabName() throws Exception {
        X509Certificate ca = pki.caCertificate();
        ca.verify(ca.getPublicKey());
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=TLS Session Lab demo CA");
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    }

    @Test
    void leafNamesLocalhostAsItsOnlySubjectAlternativeName() throws Exception {
        assertThat(pki.leafCertificate().getSubjectAlternativeNames())
                .containsExactly(List.of(2, "localhost"));
        assertThat(pki.leafCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    }

    @Test
    void leafMaySignHandshakesForServerAuthenticationOnly() throws Exception {
        X509Certificate leaf = pki.leafCertificate();
        assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(leaf.getKeyUsage()).containsExactly(true, false, false, false, false, false, false, false, false);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void caIsACaThatMaySignCertificates() {
        X509Certificate ca = pki.caCertificate();
        assertThat(ca.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
    }

    @Test
    void leafAuthorityKeyIdentifierIsTheCaSubjectKeyIdentifier() throws Exception {
        byte[] caSki = SubjectKeyIdentifier.getInstance(extension(pki.caCertificate(), Extension.subjectKeyIdentifier.getId()))
                .getKeyIdentifier();
        byte[] leafAki = AuthorityKeyIdentifier.getInstance(extension(pki.leafCertificate(), Extension.authorityKeyIdentifier.getId()))
                .getKeyIdentifierObject().getOctets();

        assertThat(leafAki).hasSize(20).isEqualTo(caSki);
        assertThat(extension(pki.leafCertificate(), Extension.subjectKeyIdentifier.getId())).isNotNull();
    }

    @Test
    void bothCertificatesAreEcdsaP256SignedWithSha256() {
        for (X509Certificate c : List.of(pki.caCertificate(), pki.leafCertificate())) {
            assertThat(c.getSigAlgOID()).isEqualTo(ECDSA_WITH_SHA256);
            assertThat(((ECPublicKey) c.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        }
        assertThat(pki.leafPrivateKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void validityRunsFromAnHourBeforeNowToThirtyDaysAfterInWholeSeconds() {
        for (X509Certificate c : List.of(pki.caCertificate(), pki.leafCertificate())) {
            assertThat(c.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
            assertThat(c.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-03-31T12:00:00Z"));
        }
    }

    @Test
    void certificatePemsRoundTripThroughPemParser() throws Exception {
        var ca = (X509CertificateHolder) parsePem(pki.caCertificatePem());
        var leaf = (X509CertificateHolder) parsePem(pki.leafCertificatePem());

        assertThat(ca.getEncoded()).isEqualTo(pki.caCertificate().getEncoded());
        assertThat(leaf.getEncoded()).isEqualTo(pki.leafCertificate().getEncoded());
        assertThat(pki.leafCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void privateKeyPemIsPkcs8AndRoundTripsThroughPemParser() throws Exception {
        String pem = pki.leafPrivateKeyPem();

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        var info = (PrivateKeyInfo) parsePem(pem);
        assertThat(info.getEncoded()).isEqualTo(pki.leafPrivateKey().getEncoded());
        assertThat(new JcaPEMKeyConverter().getPrivateKey(info).getEncoded()).isEqualTo(pki.leafPrivateKey().getEncoded());
    }

    @Test
    void serverKeyStoreHoldsTheLeafKeyWithItsChain() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore store = pki.serverKeyStore(password);

        assertThat(store.isKeyEntry(DemoPki.SERVER_KEY_ALIAS)).isTrue();
        assertThat(store.getCertificateChain(DemoPki.SERVER_KEY_ALIAS))
                .containsExactly(pki.leafCertificate(), pki.caCertificate());
        assertThat(store.getKey(DemoPki.SERVER_KEY_ALIAS, password).getEncoded())
                .isEqualTo(pki.leafPrivateKey().getEncoded());
    }

    @Test
    void trustStoreHoldsOnlyTheCa() throws Exception {
        KeyStore store = pki.trustStore();

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.getCertificate(DemoPki.CA_ALIAS)).isEqualTo(pki.caCertificate());
    }

    @Test
    void sameRandomnessAndTimeGiveTheSamePki() {
        DemoPki again = DemoPki.generate(seeded(42), NOW);

        assertThat(again.caCertificatePem()).isEqualTo(pki.caCertificatePem());
        assertThat(again.leafCertificatePem()).isEqualTo(pki.leafCertificatePem());
        assertThat(again.leafPrivateKeyPem()).isEqualTo(pki.leafPrivateKeyPem());
    }

    @Test
    void generatingRegistersNoGlobalProvider() {
        DemoPki.generate();

        assertThat(Security.getProvider("BC")).isNull();
    }

    private static SecureRandom seeded(long seed) {
        try {
            // SHA1PRNG seeded before first use is a deterministic stream: repeatable test PKIs.
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parsePem(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object first = parser.readObject();
            assertThat(parser.readObject()).as("a single PEM object").isNull();
            return first;
        }
    }

    private static byte[] extension(X509Certificate certificate, String oid) throws Exception {
        byte[] value = certificate.getExtensionValue(oid);
        return value == null ? null : JcaX509ExtensionUtils.parseExtensionValue(value).getEncoded();
    }
}
