package sessionlab.stack.bc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import sessionlab.pki.DemoPki;

/**
 * The demo PKI as bctls objects: the server's ECDSA P-256 key and chain [leaf, CA], and the client's
 * check of a presented chain against the demo CA (PKIX path validation, then the name localhost).
 */
final class BcCredentials {
    static final String HOST = "localhost";

    private final DemoPki pki;
    private final AsymmetricKeyParameter key;

    BcCredentials(DemoPki pki) {
        this.pki = pki;
        try {
            this.key = PrivateKeyFactory.createKey(pki.leafPrivateKey().getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("bctls cannot read the demo key", e);
        }
    }

    /**
     * The server's signer for the version being negotiated: TLS 1.3 wants certificate entries with an
     * empty request context, TLS 1.2 a plain list. ecdsa_secp256r1_sha256 has the same code point in both.
     */
    TlsCredentialedSigner signer(BcTlsCrypto crypto, TlsContext context) throws IOException {
        TlsCertificate leaf = crypto.createCertificate(encoded(pki.leafCertificate()));
        TlsCertificate ca = crypto.createCertificate(encoded(pki.caCertificate()));
        Certificate chain = TlsUtils.isTLSv13(context)
                ? new Certificate(TlsUtils.EMPTY_BYTES, new CertificateEntry[] {new CertificateEntry(leaf, null), new CertificateEntry(ca, null)})
                : new Certificate(new TlsCertificate[] {leaf, ca});
        SignatureAndHashAlgorithm alg = new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key, chain, alg);
    }

    /** Throws bad_certificate unless the chain leads to the demo CA and names localhost. */
    void verify(Certificate presented) throws IOException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (TlsCertificate c : presented.getCertificateList()) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(c.getEncoded())));
            }
            if (chain.isEmpty()) throw new TlsFatalAlert(AlertDescription.bad_certificate, "the server sent no certificate");
            // the anchor is the demo CA: drop it from the path if the server sent it along
            List<X509Certificate> path = chain.stream().filter(c -> !c.equals(pki.caCertificate())).toList();
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.caCertificate(), null)));
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), params);
            if (!namesHost(chain.getFirst())) {
                throw new TlsFatalAlert(AlertDescription.bad_certificate, "the certificate does not name " + HOST);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "not signed by the demo CA: " + e.getMessage(), e);
        }
    }

    private static boolean namesHost(X509Certificate leaf) throws GeneralSecurityException {
        var names = leaf.getSubjectAlternativeNames();
        if (names == null) return false;
        for (List<?> n : names) {
            if (n.size() == 2 && Integer.valueOf(2).equals(n.get(0)) && HOST.equalsIgnoreCase(String.valueOf(n.get(1)))) return true;
        }
        return false;
    }

    private static byte[] encoded(X509Certificate c) throws IOException {
        try {
            return c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
