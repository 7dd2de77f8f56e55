package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import sessionlab.scenario.CacheMode;
import sessionlab.scenario.ContextOptions;
import sessionlab.scenario.NewCallback;
import sessionlab.scenario.Role;
import sessionlab.scenario.TlsVersion;

/** Applies SSL_CTX_new options exactly as the same C calls would; absent options keep libssl's defaults. */
final class ContextSetup {
    private ContextSetup() {}

    static void apply(LibsslRun run, MemorySegment ctx, Role role, ContextOptions o) {
        Libssl lib = run.lib;
        o.min().ifPresent(v -> lib.SSL_CTX_ctrl(ctx, Libssl.SSL_CTRL_SET_MIN_PROTO_VERSION, code(v)));
        o.max().ifPresent(v -> lib.SSL_CTX_ctrl(ctx, Libssl.SSL_CTRL_SET_MAX_PROTO_VERSION, code(v)));
        o.cache().ifPresent(m -> lib.SSL_CTX_ctrl(ctx, Libssl.SSL_CTRL_SET_SESS_CACHE_MODE, mode(m)));
        o.cacheSize().ifPresent(n -> lib.SSL_CTX_ctrl(ctx, Libssl.SSL_CTRL_SET_SESS_CACHE_SIZE, n));
        o.timeout().ifPresent(t -> lib.SSL_CTX_set_timeout(ctx, t.toSeconds()));
        o.tickets().ifPresent(n -> lib.SSL_CTX_set_num_tickets(ctx, n));
        if (o.noTicket()) lib.SSL_CTX_set_options(ctx, Libssl.SSL_OP_NO_TICKET);
        if (o.noAntiReplay()) lib.SSL_CTX_set_options(ctx, Libssl.SSL_OP_NO_ANTI_REPLAY);
        o.earlyData().ifPresent(n -> lib.SSL_CTX_set_max_early_data(ctx, n));
        // only what the scenario asked for: a remove callback changes what a TLS 1.3 server caches
        if (o.newCallback() != NewCallback.NONE) lib.SSL_CTX_sess_set_new_cb(ctx, run.hooks.newSessionCallback);
        if (o.removeCallback()) lib.SSL_CTX_sess_set_remove_cb(ctx, run.hooks.removeSessionCallback);
        lib.SSL_CTX_set_keylog_callback(ctx, run.hooks.keylogCallback);
        if (role == Role.SERVER) {
            lib.SSL_CTX_use_certificate(ctx, run.credentials.leaf());
            lib.SSL_CTX_use_PrivateKey(ctx, run.credentials.key());
        } else {
            lib.X509_STORE_add_cert(lib.SSL_CTX_get_cert_store(ctx), run.credentials.ca());
            lib.SSL_CTX_set_verify(ctx, Libssl.SSL_VERIFY_PEER);
        }
    }

    static long code(TlsVersion v) {
        return v == TlsVersion.TLS1_3 ? Libssl.TLS1_3_VERSION : Libssl.TLS1_2_VERSION;
    }

    static long mode(CacheMode m) {
        long bits = 0;
        if (m.client()) bits |= Libssl.SSL_SESS_CACHE_CLIENT;
        if (m.server()) bits |= Libssl.SSL_SESS_CACHE_SERVER;
        if (m.noInternalStore()) bits |= Libssl.SSL_SESS_CACHE_NO_INTERNAL_STORE;
        if (m.noAutoClear()) bits |= Libssl.SSL_SESS_CACHE_NO_AUTO_CLEAR;
        return bits;
    }

    /** The context's effective settings, read back from libssl where it can tell. */
    static Map<String, String> settings(Libssl lib, MemorySegment ctx, ContextOptions o) {
        Map<String, String> m = new LinkedHashMap<>();
        long mode = lib.SSL_CTX_ctrl(ctx, 45, 0);
        m.put("cache", new CacheMode((mode & 1) != 0, (mode & 2) != 0, (mode & 0x200) != 0, (mode & 0x80) != 0).word());
        m.put("cache_size", Long.toString(lib.SSL_CTX_ctrl(ctx, 43, 0)));
        m.put("timeout", lib.SSL_CTX_get_timeout(ctx) + "s");
        m.put("tickets", Long.toString(lib.SSL_CTX_get_num_tickets(ctx)));
        m.put("min", o.min().map(TlsVersion::word).orElse("default"));
        m.put("max", o.max().map(TlsVersion::word).orElse("default"));
        m.put("no_ticket", Boolean.toString(o.noTicket()));
        m.put("new_cb", o.newCallback().name().toLowerCase(java.util.Locale.ROOT));
        m.put("remove_cb", o.removeCallback() ? "on" : "off");
        o.earlyData().ifPresent(n -> m.put("early_data", Integer.toString(n)));
        if (o.noAntiReplay()) m.put("no_anti_replay", "true");
        return m;
    }
}
