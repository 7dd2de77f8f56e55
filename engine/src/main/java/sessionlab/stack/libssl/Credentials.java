package sessionlab.stack.libssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/** The demo CA and server key as libssl objects, read from PEM through memory BIOs (nothing on disk). */
record Credentials(MemorySegment ca, MemorySegment leaf, MemorySegment key) {
    /** PEM text of the demo PKI. */
    record Pem(String caCertificate, String leafCertificate, String leafPrivateKey) {}

    static Credentials load(Libssl lib, Pem pem) {
        return new Credentials(read(lib, pem.caCertificate(), false), read(lib, pem.leafCertificate(), false),
                read(lib, pem.leafPrivateKey(), true));
    }

    private static MemorySegment read(Libssl lib, String text, boolean key) {
        try (Arena a = Arena.ofConfined()) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            MemorySegment buf = a.allocate(bytes.length);
            buf.copyFrom(MemorySegment.ofArray(bytes));
            MemorySegment bio = lib.BIO_new_mem_buf(buf, bytes.length);
            try {
                MemorySegment obj = key ? lib.PEM_read_bio_PrivateKey(bio) : lib.PEM_read_bio_X509(bio);
                if (obj.address() == 0) throw new IllegalStateException("libssl could not read the demo PKI: " + lib.errors());
                return obj;
            } finally {
                lib.BIO_free(bio);
            }
        }
    }

    void free(Libssl lib) {
        lib.X509_free(ca);
        lib.X509_free(leaf);
        lib.EVP_PKEY_free(key);
    }
}
