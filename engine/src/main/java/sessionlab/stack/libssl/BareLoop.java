package sessionlab.stack.libssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import sessionlab.pki.DemoPki;

/**
 * The benchmark's baseline: the same TLS 1.3 handshakes and ticket reads straight through FFM,
 * with no wire, no events and no observation. Bytes go BIO to BIO at once.
 */
public final class BareLoop {
    private BareLoop() {}

    /** Runs n handshakes (each followed by a client read that processes the tickets); returns tickets read. */
    public static long run(DemoPki pki, int n) {
        Libssl lib = LibsslStack.library();
        if (lib == null) throw new IllegalStateException("libssl is not available");
        Credentials cred = Credentials.load(lib, new Credentials.Pem(pki.caCertificatePem(), pki.leafCertificatePem(), pki.leafPrivateKeyPem()));
        MemorySegment cctx = lib.SSL_CTX_new(lib.TLS_client_method());
        MemorySegment sctx = lib.SSL_CTX_new(lib.TLS_server_method());
        lib.X509_STORE_add_cert(lib.SSL_CTX_get_cert_store(cctx), cred.ca());
        lib.SSL_CTX_set_verify(cctx, Libssl.SSL_VERIFY_PEER);
        lib.SSL_CTX_use_certificate(sctx, cred.leaf());
        lib.SSL_CTX_use_PrivateKey(sctx, cred.key());
        long tickets = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64 * 1024);
            MemorySegment host = arena.allocateFrom("localhost");
            for (int i = 0; i < n; i++) {
                MemorySegment c = lib.SSL_new(cctx), s = lib.SSL_new(sctx);
                MemorySegment cr = lib.BIO_new_mem(), cw = lib.BIO_new_mem(), sr = lib.BIO_new_mem(), sw = lib.BIO_new_mem();
                lib.SSL_set_bio(c, cr, cw);
                lib.SSL_set_bio(s, sr, sw);
                lib.SSL_set_connect_state(c);
                lib.SSL_set_accept_state(s);
                lib.SSL_ctrl(c, Libssl.SSL_CTRL_SET_TLSEXT_HOSTNAME, 0, host);
                lib.SSL_set1_host(c, host);
                boolean cd = false, sd = false;
                for (int step = 0; step < 20 && !(cd && sd); step++) {
                    if (!cd) cd = lib.SSL_do_handshake(c) == 1;
                    move(lib, cw, sr, buf);
                    if (!sd) sd = lib.SSL_do_handshake(s) == 1;
                    move(lib, sw, cr, buf);
                }
                if (!(cd && sd)) throw new IllegalStateException("bare handshake failed: " + lib.errors());
                lib.SSL_read(c, buf, (int) buf.byteSize());
                if (lib.SSL_SESSION_is_resumable(lib.SSL_get_session(c))) tickets++;
                lib.SSL_free(c);
                lib.SSL_free(s);
            }
        } finally {
            lib.SSL_CTX_free(cctx);
            lib.SSL_CTX_free(sctx);
            cred.free(lib);
        }
        return tickets;
    }

    private static void move(Libssl lib, MemorySegment from, MemorySegment to, MemorySegment buf) {
        int n;
        while ((n = lib.BIO_read(from, buf, (int) buf.byteSize())) > 0) lib.BIO_write(to, buf, n);
    }
}
