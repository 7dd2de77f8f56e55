package sessionlab.stack.libssl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * Downcalls into libssl/libcrypto 3. One Java method per C function; names and argument order
 * as in C, so the engine reads like the C it stands for. Pointers are {@link MemorySegment}s of size 0.
 */
@SuppressWarnings("checkstyle:MethodName")
public final class Libssl {
    // constants from ssl.h / tls1.h / ssl3.h / bio.h / crypto.h (OpenSSL 3.0)
    public static final int SSL_CTRL_SESS_NUMBER = 20;
    public static final int SSL_CTRL_SET_SESS_CACHE_SIZE = 42;
    public static final int SSL_CTRL_SET_SESS_CACHE_MODE = 44;
    public static final int SSL_CTRL_SET_TLSEXT_HOSTNAME = 55;
    public static final int SSL_CTRL_SET_MIN_PROTO_VERSION = 123;
    public static final int SSL_CTRL_SET_MAX_PROTO_VERSION = 124;
    public static final int SSL_SESS_CACHE_CLIENT = 0x1;
    public static final int SSL_SESS_CACHE_SERVER = 0x2;
    public static final int SSL_SESS_CACHE_NO_AUTO_CLEAR = 0x80;
    public static final int SSL_SESS_CACHE_NO_INTERNAL_STORE = 0x200;
    public static final long SSL_OP_NO_TICKET = 1L << 14;
    public static final long SSL_OP_NO_ANTI_REPLAY = 1L << 24;
    public static final int SSL_VERIFY_PEER = 1;
    public static final int TLS1_2_VERSION = 0x0303;
    public static final int TLS1_3_VERSION = 0x0304;
    public static final int SSL_ERROR_NONE = 0;
    public static final int SSL_ERROR_SSL = 1;
    public static final int SSL_ERROR_WANT_READ = 2;
    public static final int SSL_ERROR_WANT_WRITE = 3;
    public static final int SSL_ERROR_SYSCALL = 5;
    public static final int SSL_ERROR_ZERO_RETURN = 6;
    public static final int SSL3_RT_HEADER = 0x100;
    public static final int SSL3_RT_INNER_CONTENT_TYPE = 0x101;
    public static final int CRYPTO_EX_INDEX_SSL = 0;
    public static final int CRYPTO_EX_INDEX_SSL_CTX = 1;
    public static final int CRYPTO_EX_INDEX_SSL_SESSION = 2;
    public static final int BIO_C_SET_BUF_MEM_EOF_RETURN = 130;

    private static final Linker LINKER = Linker.nativeLinker();

    public final String sslPath;
    private final SymbolLookup ssl;
    private final SymbolLookup crypto;

    private final MethodHandle TLS_client_method, TLS_server_method, SSL_CTX_new, SSL_CTX_free, SSL_CTX_ctrl,
            SSL_CTX_set_timeout, SSL_CTX_get_timeout, SSL_CTX_get_num_tickets, SSL_CTX_set_num_tickets, SSL_CTX_set_options, SSL_CTX_set_max_early_data,
            SSL_CTX_sess_set_new_cb, SSL_CTX_sess_set_remove_cb, SSL_CTX_set_keylog_callback,
            SSL_CTX_use_certificate, SSL_CTX_use_PrivateKey, SSL_CTX_get_cert_store, SSL_CTX_set_verify,
            SSL_CTX_sessions, SSL_CTX_add_session, SSL_CTX_remove_session, SSL_CTX_flush_sessions,
            SSL_new, SSL_free, SSL_set_bio, SSL_set_connect_state, SSL_set_accept_state, SSL_do_handshake,
            SSL_get_error, SSL_read, SSL_write, SSL_shutdown, SSL_clear, SSL_set_session, SSL_get_session,
            SSL_get1_session, SSL_session_reused, SSL_version, SSL_get_current_cipher, SSL_CIPHER_get_name,
            SSL_set1_host, SSL_ctrl, SSL_set_msg_callback,
            SSL_SESSION_new, SSL_SESSION_free, SSL_SESSION_up_ref, SSL_SESSION_is_resumable, SSL_SESSION_get_id,
            SSL_SESSION_set1_id, SSL_SESSION_get_time, SSL_SESSION_set_time, SSL_SESSION_get_timeout,
            SSL_SESSION_get0_ticket, SSL_SESSION_get_ticket_lifetime_hint, SSL_SESSION_get_protocol_version,
            SSL_SESSION_set_ex_data,
            BIO_new, BIO_s_mem, BIO_read, BIO_write, BIO_ctrl_pending, BIO_free, BIO_new_mem_buf, BIO_ctrl,
            PEM_read_bio_X509, PEM_read_bio_PrivateKey, X509_free, EVP_PKEY_free, X509_STORE_add_cert,
            CRYPTO_get_ex_new_index, ERR_get_error, ERR_error_string_n, ERR_clear_error,
            OPENSSL_LH_doall_arg, OPENSSL_LH_retrieve, OpenSSL_version, malloc_usable_size;

    public Libssl(LibsslLoader.Loaded libs) {
        this.ssl = libs.ssl();
        this.crypto = libs.crypto();
        this.sslPath = libs.sslPath();
        TLS_client_method = s("TLS_client_method", FunctionDescriptor.of(ADDRESS));
        TLS_server_method = s("TLS_server_method", FunctionDescriptor.of(ADDRESS));
        SSL_CTX_new = s("SSL_CTX_new", FunctionDescriptor.of(ADDRESS, ADDRESS));
        SSL_CTX_free = s("SSL_CTX_free", FunctionDescriptor.ofVoid(ADDRESS));
        SSL_CTX_ctrl = s("SSL_CTX_ctrl", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS));
        SSL_CTX_set_timeout = s("SSL_CTX_set_timeout", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG));
        SSL_CTX_get_timeout = s("SSL_CTX_get_timeout", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        SSL_CTX_get_num_tickets = s("SSL_CTX_get_num_tickets", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        SSL_CTX_set_num_tickets = s("SSL_CTX_set_num_tickets", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        SSL_CTX_set_options = s("SSL_CTX_set_options", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG));
        SSL_CTX_set_max_early_data = s("SSL_CTX_set_max_early_data", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        SSL_CTX_sess_set_new_cb = s("SSL_CTX_sess_set_new_cb", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        SSL_CTX_sess_set_remove_cb = s("SSL_CTX_sess_set_remove_cb", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        SSL_CTX_set_keylog_callback = s("SSL_CTX_set_keylog_callback", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        SSL_CTX_use_certificate = s("SSL_CTX_use_certificate", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        SSL_CTX_use_PrivateKey = s("SSL_CTX_use_PrivateKey", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        SSL_CTX_get_cert_store = s("SSL_CTX_get_cert_store", FunctionDescriptor.of(ADDRESS, ADDRESS));
        SSL_CTX_set_verify = s("SSL_CTX_set_verify", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS));
        SSL_CTX_sessions = s("SSL_CTX_sessions", FunctionDescriptor.of(ADDRESS, ADDRESS));
        SSL_CTX_add_session = s("SSL_CTX_add_session", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        SSL_CTX_remove_session = s("SSL_CTX_remove_session", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        SSL_CTX_flush_sessions = s("SSL_CTX_flush_sessions", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG));
        SSL_new = s("SSL_new", FunctionDescriptor.of(ADDRESS, ADDRESS));
        SSL_free = s("SSL_free", FunctionDescriptor.ofVoid(ADDRESS));
        SSL_set_bio = s("SSL_set_bio", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        SSL_set_connect_state = s("SSL_set_connect_state", FunctionDescriptor.ofVoid(ADDRESS));
        SSL_set_accept_state = s("SSL_set_accept_state", FunctionDescriptor.ofVoid(ADDRESS));
        SSL_do_handshake = s("SSL_do_handshake", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SSL_get_error = s("SSL_get_error", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        SSL_read = s("SSL_read", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        SSL_write = s("SSL_write", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        SSL_shutdown = s("SSL_shutdown", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SSL_clear = s("SSL_clear", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SSL_set_session = s("SSL_set_session", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        SSL_get_session = s("SSL_get_session", FunctionDescriptor.of(ADDRESS, ADDRESS));
        SSL_get1_session = s("SSL_get1_session", FunctionDescriptor.of(ADDRESS, ADDRESS));
        SSL_session_reused = s("SSL_session_reused", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SSL_version = s("SSL_version", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SSL_get_current_cipher = s("SSL_get_current_cipher", FunctionDescriptor.of(ADDRESS, ADDRESS));
        SSL_CIPHER_get_name = s("SSL_CIPHER_get_name", FunctionDescriptor.of(ADDRESS, ADDRESS));
        SSL_set1_host = s("SSL_set1_host", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        SSL_ctrl = s("SSL_ctrl", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS));
        SSL_set_msg_callback = s("SSL_set_msg_callback", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        SSL_SESSION_new = s("SSL_SESSION_new", FunctionDescriptor.of(ADDRESS));
        SSL_SESSION_free = s("SSL_SESSION_free", FunctionDescriptor.ofVoid(ADDRESS));
        SSL_SESSION_up_ref = s("SSL_SESSION_up_ref", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SSL_SESSION_is_resumable = s("SSL_SESSION_is_resumable", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SSL_SESSION_get_id = s("SSL_SESSION_get_id", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        SSL_SESSION_set1_id = s("SSL_SESSION_set1_id", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        SSL_SESSION_get_time = s("SSL_SESSION_get_time", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        SSL_SESSION_set_time = s("SSL_SESSION_set_time", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG));
        SSL_SESSION_get_timeout = s("SSL_SESSION_get_timeout", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        SSL_SESSION_get0_ticket = s("SSL_SESSION_get0_ticket", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        SSL_SESSION_get_ticket_lifetime_hint = s("SSL_SESSION_get_ticket_lifetime_hint", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        SSL_SESSION_get_protocol_version = s("SSL_SESSION_get_protocol_version", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SSL_SESSION_set_ex_data = s("SSL_SESSION_set_ex_data", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        BIO_new = c("BIO_new", FunctionDescriptor.of(ADDRESS, ADDRESS));
        BIO_s_mem = c("BIO_s_mem", FunctionDescriptor.of(ADDRESS));
        BIO_read = c("BIO_read", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        BIO_write = c("BIO_write", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        BIO_ctrl_pending = c("BIO_ctrl_pending", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        BIO_free = c("BIO_free", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        BIO_new_mem_buf = c("BIO_new_mem_buf", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        BIO_ctrl = c("BIO_ctrl", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS));
        PEM_read_bio_X509 = c("PEM_read_bio_X509", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        PEM_read_bio_PrivateKey = c("PEM_read_bio_PrivateKey", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        X509_free = c("X509_free", FunctionDescriptor.ofVoid(ADDRESS));
        EVP_PKEY_free = c("EVP_PKEY_free", FunctionDescriptor.ofVoid(ADDRESS));
        X509_STORE_add_cert = c("X509_STORE_add_cert", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        CRYPTO_get_ex_new_index = c("CRYPTO_get_ex_new_index",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        ERR_get_error = c("ERR_get_error", FunctionDescriptor.of(JAVA_LONG));
        ERR_error_string_n = c("ERR_error_string_n", FunctionDescriptor.ofVoid(JAVA_LONG, ADDRESS, JAVA_LONG));
        ERR_clear_error = c("ERR_clear_error", FunctionDescriptor.ofVoid());
        OPENSSL_LH_doall_arg = c("OPENSSL_LH_doall_arg", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        OPENSSL_LH_retrieve = c("OPENSSL_LH_retrieve", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        OpenSSL_version = c("OpenSSL_version", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        malloc_usable_size = LINKER.defaultLookup().find("malloc_usable_size")
                .map(a -> LINKER.downcallHandle(a, FunctionDescriptor.of(JAVA_LONG, ADDRESS))).orElse(null);
    }

    private MethodHandle s(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(ssl.find(name).orElseThrow(() -> new IllegalStateException("libssl lacks " + name)), fd);
    }

    private MethodHandle c(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(crypto.find(name).orElseThrow(() -> new IllegalStateException("libcrypto lacks " + name)), fd);
    }

    public static MemorySegment upcall(MethodHandle target, FunctionDescriptor fd) {
        return LINKER.upcallStub(target, fd, Arena.global());
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    // ---- SSL_CTX ----
    public MemorySegment TLS_client_method() { try { return (MemorySegment) TLS_client_method.invokeExact(); } catch (Throwable t) { throw rethrow(t); } }
    public MemorySegment TLS_server_method() { try { return (MemorySegment) TLS_server_method.invokeExact(); } catch (Throwable t) { throw rethrow(t); } }
    public MemorySegment SSL_CTX_new(MemorySegment method) { try { return (MemorySegment) SSL_CTX_new.invokeExact(method); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_CTX_free(MemorySegment ctx) { try { SSL_CTX_free.invokeExact(ctx); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_CTX_ctrl(MemorySegment ctx, int cmd, long larg) { try { return (long) SSL_CTX_ctrl.invokeExact(ctx, cmd, larg, MemorySegment.NULL); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_CTX_set_timeout(MemorySegment ctx, long t0) { try { return (long) SSL_CTX_set_timeout.invokeExact(ctx, t0); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_CTX_get_timeout(MemorySegment ctx) { try { return (long) SSL_CTX_get_timeout.invokeExact(ctx); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_CTX_get_num_tickets(MemorySegment ctx) { try { return (long) SSL_CTX_get_num_tickets.invokeExact(ctx); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_CTX_set_num_tickets(MemorySegment ctx, long n) { try { return (int) SSL_CTX_set_num_tickets.invokeExact(ctx, n); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_CTX_set_options(MemorySegment ctx, long op) { try { return (long) SSL_CTX_set_options.invokeExact(ctx, op); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_CTX_set_max_early_data(MemorySegment ctx, int n) { try { return (int) SSL_CTX_set_max_early_data.invokeExact(ctx, n); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_CTX_sess_set_new_cb(MemorySegment ctx, MemorySegment cb) { try { SSL_CTX_sess_set_new_cb.invokeExact(ctx, cb); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_CTX_sess_set_remove_cb(MemorySegment ctx, MemorySegment cb) { try { SSL_CTX_sess_set_remove_cb.invokeExact(ctx, cb); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_CTX_set_keylog_callback(MemorySegment ctx, MemorySegment cb) { try { SSL_CTX_set_keylog_callback.invokeExact(ctx, cb); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_CTX_use_certificate(MemorySegment ctx, MemorySegment x509) { try { return (int) SSL_CTX_use_certificate.invokeExact(ctx, x509); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_CTX_use_PrivateKey(MemorySegment ctx, MemorySegment key) { try { return (int) SSL_CTX_use_PrivateKey.invokeExact(ctx, key); } catch (Throwable t) { throw rethrow(t); } }
    public MemorySegment SSL_CTX_get_cert_store(MemorySegment ctx) { try { return (MemorySegment) SSL_CTX_get_cert_store.invokeExact(ctx); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_CTX_set_verify(MemorySegment ctx, int mode) { try { SSL_CTX_set_verify.invokeExact(ctx, mode, MemorySegment.NULL); } catch (Throwable t) { throw rethrow(t); } }
    public MemorySegment SSL_CTX_sessions(MemorySegment ctx) { try { return (MemorySegment) SSL_CTX_sessions.invokeExact(ctx); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_CTX_add_session(MemorySegment ctx, MemorySegment s) { try { return (int) SSL_CTX_add_session.invokeExact(ctx, s); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_CTX_remove_session(MemorySegment ctx, MemorySegment s) { try { return (int) SSL_CTX_remove_session.invokeExact(ctx, s); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_CTX_flush_sessions(MemorySegment ctx, long tm) { try { SSL_CTX_flush_sessions.invokeExact(ctx, tm); } catch (Throwable t) { throw rethrow(t); } }

    // ---- SSL ----
    public MemorySegment SSL_new(MemorySegment ctx) { try { return (MemorySegment) SSL_new.invokeExact(ctx); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_free(MemorySegment s) { try { SSL_free.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_set_bio(MemorySegment s, MemorySegment rbio, MemorySegment wbio) { try { SSL_set_bio.invokeExact(s, rbio, wbio); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_set_connect_state(MemorySegment s) { try { SSL_set_connect_state.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_set_accept_state(MemorySegment s) { try { SSL_set_accept_state.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_do_handshake(MemorySegment s) { try { return (int) SSL_do_handshake.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_get_error(MemorySegment s, int ret) { try { return (int) SSL_get_error.invokeExact(s, ret); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_read(MemorySegment s, MemorySegment buf, int n) { try { return (int) SSL_read.invokeExact(s, buf, n); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_write(MemorySegment s, MemorySegment buf, int n) { try { return (int) SSL_write.invokeExact(s, buf, n); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_shutdown(MemorySegment s) { try { return (int) SSL_shutdown.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_clear(MemorySegment s) { try { return (int) SSL_clear.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_set_session(MemorySegment s, MemorySegment sess) { try { return (int) SSL_set_session.invokeExact(s, sess); } catch (Throwable t) { throw rethrow(t); } }
    public MemorySegment SSL_get_session(MemorySegment s) { try { return (MemorySegment) SSL_get_session.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public MemorySegment SSL_get1_session(MemorySegment s) { try { return (MemorySegment) SSL_get1_session.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_session_reused(MemorySegment s) { try { return (int) SSL_session_reused.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_version(MemorySegment s) { try { return (int) SSL_version.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public String SSL_get_current_cipher_name(MemorySegment s) {
        try {
            MemorySegment c = (MemorySegment) SSL_get_current_cipher.invokeExact(s);
            if (c.address() == 0) return null;
            return cstring((MemorySegment) SSL_CIPHER_get_name.invokeExact(c));
        } catch (Throwable t) { throw rethrow(t); }
    }
    public int SSL_set1_host(MemorySegment s, MemorySegment host) { try { return (int) SSL_set1_host.invokeExact(s, host); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_ctrl(MemorySegment s, int cmd, long larg, MemorySegment parg) { try { return (long) SSL_ctrl.invokeExact(s, cmd, larg, parg); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_set_msg_callback(MemorySegment s, MemorySegment cb) { try { SSL_set_msg_callback.invokeExact(s, cb); } catch (Throwable t) { throw rethrow(t); } }

    // ---- SSL_SESSION ----
    public MemorySegment SSL_SESSION_new() { try { return (MemorySegment) SSL_SESSION_new.invokeExact(); } catch (Throwable t) { throw rethrow(t); } }
    public void SSL_SESSION_free(MemorySegment s) { try { SSL_SESSION_free.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_SESSION_up_ref(MemorySegment s) { try { return (int) SSL_SESSION_up_ref.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public boolean SSL_SESSION_is_resumable(MemorySegment s) { try { return (int) SSL_SESSION_is_resumable.invokeExact(s) != 0; } catch (Throwable t) { throw rethrow(t); } }
    /** SSL_SESSION_get_id with a caller-owned length cell, for frequent reads. */
    public byte[] SSL_SESSION_get_id(MemorySegment s, MemorySegment lenCell) {
        try {
            MemorySegment id = (MemorySegment) SSL_SESSION_get_id.invokeExact(s, lenCell);
            int n = lenCell.get(JAVA_INT, 0);
            return n == 0 ? new byte[0] : id.reinterpret(n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        } catch (Throwable t) { throw rethrow(t); }
    }
    /** SSL_SESSION_get0_ticket's length, with caller-owned cells. */
    public int SSL_SESSION_ticket_length(MemorySegment s, MemorySegment tickCell, MemorySegment lenCell) {
        try {
            SSL_SESSION_get0_ticket.invokeExact(s, tickCell, lenCell);
            return (int) lenCell.get(JAVA_LONG, 0);
        } catch (Throwable t) { throw rethrow(t); }
    }
    /** The ticket a client session holds (a TLS 1.3 stateful ticket is the server's session id). */
    public byte[] SSL_SESSION_ticket(MemorySegment s) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment tick = a.allocate(ADDRESS);
            MemorySegment len = a.allocate(JAVA_LONG);
            SSL_SESSION_get0_ticket.invokeExact(s, tick, len);
            long n = len.get(JAVA_LONG, 0);
            MemorySegment p = tick.get(ADDRESS, 0);
            return n == 0 || p.address() == 0 ? new byte[0] : p.reinterpret(n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        } catch (Throwable t) { throw rethrow(t); }
    }
    public int SSL_SESSION_set1_id(MemorySegment s, MemorySegment id, int len) { try { return (int) SSL_SESSION_set1_id.invokeExact(s, id, len); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_SESSION_get_time(MemorySegment s) { try { return (long) SSL_SESSION_get_time.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_SESSION_set_time(MemorySegment s, long tm) { try { return (long) SSL_SESSION_set_time.invokeExact(s, tm); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_SESSION_get_timeout(MemorySegment s) { try { return (long) SSL_SESSION_get_timeout.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public long SSL_SESSION_get_ticket_lifetime_hint(MemorySegment s) { try { return (long) SSL_SESSION_get_ticket_lifetime_hint.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }
    public int SSL_SESSION_get_protocol_version(MemorySegment s) { try { return (int) SSL_SESSION_get_protocol_version.invokeExact(s); } catch (Throwable t) { throw rethrow(t); } }

    /** Stores a non-NULL marker at {@code idx}; the value itself means nothing. */
    public int SSL_SESSION_set_ex_data(MemorySegment s, int idx) { try { return (int) SSL_SESSION_set_ex_data.invokeExact(s, idx, MemorySegment.ofAddress(1)); } catch (Throwable t) { throw rethrow(t); } }

    // ---- BIO, PEM, X509 ----
    public MemorySegment BIO_new_mem() {
        try {
            MemorySegment bio = (MemorySegment) BIO_new.invokeExact((MemorySegment) BIO_s_mem.invokeExact());
            // an empty memory BIO reports "retry" rather than EOF, like a non-blocking socket
            long unused = (long) BIO_ctrl.invokeExact(bio, BIO_C_SET_BUF_MEM_EOF_RETURN, -1L, MemorySegment.NULL);
            return bio;
        } catch (Throwable t) { throw rethrow(t); }
    }
    public int BIO_read(MemorySegment bio, MemorySegment buf, int n) { try { return (int) BIO_read.invokeExact(bio, buf, n); } catch (Throwable t) { throw rethrow(t); } }
    public int BIO_write(MemorySegment bio, MemorySegment buf, int n) { try { return (int) BIO_write.invokeExact(bio, buf, n); } catch (Throwable t) { throw rethrow(t); } }
    public long BIO_ctrl_pending(MemorySegment bio) { try { return (long) BIO_ctrl_pending.invokeExact(bio); } catch (Throwable t) { throw rethrow(t); } }
    public int BIO_free(MemorySegment bio) { try { return (int) BIO_free.invokeExact(bio); } catch (Throwable t) { throw rethrow(t); } }
    public MemorySegment BIO_new_mem_buf(MemorySegment buf, int len) { try { return (MemorySegment) BIO_new_mem_buf.invokeExact(buf, len); } catch (Throwable t) { throw rethrow(t); } }
    public MemorySegment PEM_read_bio_X509(MemorySegment bio) { try { return (MemorySegment) PEM_read_bio_X509.invokeExact(bio, MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL); } catch (Throwable t) { throw rethrow(t); } }
    public MemorySegment PEM_read_bio_PrivateKey(MemorySegment bio) { try { return (MemorySegment) PEM_read_bio_PrivateKey.invokeExact(bio, MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL); } catch (Throwable t) { throw rethrow(t); } }
    public void X509_free(MemorySegment x) { try { X509_free.invokeExact(x); } catch (Throwable t) { throw rethrow(t); } }
    public void EVP_PKEY_free(MemorySegment k) { try { EVP_PKEY_free.invokeExact(k); } catch (Throwable t) { throw rethrow(t); } }
    public int X509_STORE_add_cert(MemorySegment store, MemorySegment x) { try { return (int) X509_STORE_add_cert.invokeExact(store, x); } catch (Throwable t) { throw rethrow(t); } }

    // ---- libcrypto misc ----
    public int CRYPTO_get_ex_new_index(int classIndex, MemorySegment newFn, MemorySegment dupFn, MemorySegment freeFn) {
        try { return (int) CRYPTO_get_ex_new_index.invokeExact(classIndex, 0L, MemorySegment.NULL, newFn, dupFn, freeFn); } catch (Throwable t) { throw rethrow(t); }
    }
    public void OPENSSL_LH_doall_arg(MemorySegment lh, MemorySegment fn, MemorySegment arg) { try { OPENSSL_LH_doall_arg.invokeExact(lh, fn, arg); } catch (Throwable t) { throw rethrow(t); } }
    /** The table's entry equal to {@code data} (for a session table: the one with the same id), or NULL. */
    public MemorySegment OPENSSL_LH_retrieve(MemorySegment lh, MemorySegment data) { try { return (MemorySegment) OPENSSL_LH_retrieve.invokeExact(lh, data); } catch (Throwable t) { throw rethrow(t); } }
    public String OpenSSL_version() { try { return cstring((MemorySegment) OpenSSL_version.invokeExact(0)); } catch (Throwable t) { throw rethrow(t); } }
    public long malloc_usable_size(MemorySegment p) {
        if (malloc_usable_size == null) return -1;
        try { return (long) malloc_usable_size.invokeExact(p); } catch (Throwable t) { throw rethrow(t); }
    }

    /** Drains libcrypto's error queue into one readable line (empty if none). */
    public String errors() {
        StringBuilder sb = new StringBuilder();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(256);
            while (true) {
                long e = (long) ERR_get_error.invokeExact();
                if (e == 0) break;
                ERR_error_string_n.invokeExact(e, buf, 256L);
                if (!sb.isEmpty()) sb.append("; ");
                sb.append(buf.getString(0, StandardCharsets.US_ASCII));
            }
        } catch (Throwable t) { throw rethrow(t); }
        return sb.toString();
    }

    public void ERR_clear_error() { try { ERR_clear_error.invokeExact(); } catch (Throwable t) { throw rethrow(t); } }

    public static String cstring(MemorySegment p) {
        if (p == null || p.address() == 0) return null;
        return p.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.US_ASCII);
    }
}
