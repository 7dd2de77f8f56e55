package sessionlab.scenario;

/**
 * SSL_CTX_set_session_cache_mode bits. {@code cache=off} is neither client nor server.
 * libssl's default, on client and server contexts alike, is server only.
 */
public record CacheMode(boolean client, boolean server, boolean noInternalStore, boolean noAutoClear) {
    public static final CacheMode LIBSSL_DEFAULT = new CacheMode(false, true, false, false);

    /** The scenario spelling, e.g. {@code client+no_auto_clear}. */
    public String word() {
        String base = client && server ? "both" : client ? "client" : server ? "server" : "off";
        return base + (noInternalStore ? "+no_internal_store" : "") + (noAutoClear ? "+no_auto_clear" : "");
    }
}
