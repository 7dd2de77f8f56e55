package sessionlab.stack.bc;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsSession;
import sessionlab.event.Event;
import sessionlab.event.EventSink;
import sessionlab.scenario.CacheMode;
import sessionlab.scenario.ContextOptions;
import sessionlab.scenario.Role;
import sessionlab.scenario.TlsVersion;
import sessionlab.stack.StackException;

/**
 * A scenario SSL_CTX on bctls. bctls has no context object that keeps sessions, so this holds
 * what the scenario asked for (versions, cache mode, size, timeout), the lab's own cache, and the
 * lab's own counters named as libssl's {@code SSL_CTX_sess_*} statistics.
 */
final class BcContext {
    static final long DEFAULT_TIMEOUT_MS = 7200_000; // libssl's default, 7200 s
    static final int DEFAULT_CACHE_SIZE = 20480;     // libssl's default

    final String name;
    final Role role;
    final ContextOptions options;
    final SessionCache cache;
    private final BcSessions sessions;
    private final EventSink sink;
    private final Map<String, Long> stats = new LinkedHashMap<>();
    private Map<String, Long> reported = Map.of();
    /** Increments made so far, and those and the cache size as of the last report: no map is built while nothing moved. */
    private long counts;
    private long countsReported = -1;
    private int sizeReported = -1;
    boolean freed;
    long freedSeq = -1;
    int freedLine;

    BcContext(String name, Role role, ContextOptions options, BcSessions sessions, EventSink sink) {
        this.name = name;
        this.role = role;
        this.options = options;
        this.sessions = sessions;
        this.sink = sink;
        this.cache = new SessionCache(this, sessions, sink);
        for (String s : new String[] {"number", "connect", "connect_good", "accept", "accept_good", "hits", "misses", "timeouts", "cache_full"}) {
            stats.put(s, 0L);
        }
        reported = Map.copyOf(stats);
    }

    /** Refuses what bctls cannot do, naming bc: never silently ignored. */
    static void check(ContextOptions o) throws StackException {
        if (o.tickets().orElse(0) > 0) {
            throw unsupported("tickets=" + o.tickets().getAsInt() + " cannot be honoured: Bouncy Castle 1.84 sends no TLS 1.3 "
                    + "session tickets (leave it out or write tickets=0)");
        }
        if (o.newCallback() != sessionlab.scenario.NewCallback.NONE) {
            throw unsupported("new_cb cannot be honoured: bctls has no session callbacks (the lab owns the session cache)");
        }
        if (o.removeCallback()) throw unsupported("remove_cb=on cannot be honoured: bctls has no session callbacks");
        if (o.earlyData().isPresent()) {
            throw unsupported("early_data cannot be honoured: Bouncy Castle 1.84 has no 0-RTT (it would need TLS 1.3 tickets)");
        }
        if (o.noAntiReplay()) throw unsupported("no_anti_replay cannot be honoured: Bouncy Castle 1.84 has no 0-RTT to guard");
    }

    static StackException unsupported(String what) {
        return new StackException("unsupported", "bc: " + what);
    }

    CacheMode mode() {
        return options.cache().orElse(CacheMode.LIBSSL_DEFAULT);
    }

    long timeoutMs() {
        return options.timeout().map(Duration::toMillis).orElse(DEFAULT_TIMEOUT_MS);
    }

    int cacheLimit() {
        return options.cacheSize().orElse(DEFAULT_CACHE_SIZE);
    }

    /** The scenario's min/max as bctls protocol versions, newest first (the lab knows TLS 1.2 and 1.3). */
    ProtocolVersion[] versions() {
        ProtocolVersion low = options.min().orElse(TlsVersion.TLS1_2) == TlsVersion.TLS1_3 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
        ProtocolVersion high = options.max().orElse(TlsVersion.TLS1_3) == TlsVersion.TLS1_2 ? ProtocolVersion.TLSv12 : ProtocolVersion.TLSv13;
        return high.downTo(low);
    }

    void count(String stat) {
        stats.merge(stat, 1L, Long::sum);
        counts++;
    }

    Map<String, Long> stats() {
        Map<String, Long> m = new LinkedHashMap<>(stats);
        m.put("number", (long) cache.size());
        return m;
    }

    /** Emits the counters if they moved since the last report (a counter or the cache size). */
    void reportStats() {
        if (countsReported == counts && sizeReported == cache.size()) return;
        countsReported = counts;
        sizeReported = cache.size();
        Map<String, Long> now = stats();
        if (!now.equals(reported)) {
            sink.emit(new Event.Stats(name, now));
            reported = now;
        }
    }

    /** The server's answer to {@code getSessionToResume(id)}: the lab's cache, looked up on virtual time. */
    TlsSession lookup(byte[] id) {
        BcSession s = cache.lookup(id, sessions.clock.now());
        return s == null ? null : s.tls;
    }

    /** libssl gives a TLS 1.2 session no id when server caching is off; so does the lab (bctls: not resumable). */
    byte[] newSessionId(SecureRandom random) {
        if (!mode().server()) return null;
        byte[] id = new byte[32];
        random.nextBytes(id);
        return id;
    }

    /**
     * A handshake on this context finished: counters, then the cache (libssl's ssl_update_cache: only a
     * new, resumable session with an id goes in, and only when the cache mode includes this side).
     */
    void handshakeCompleted(BcEndpoint e, BcSession s) {
        boolean client = role == Role.CLIENT;
        count(client ? "connect_good" : "accept_good");
        if (client && e.offeredOnWire() && !e.resumed()) count("misses");
        if (s == null || e.resumed()) return;
        boolean cachesThisSide = client ? mode().client() : mode().server();
        if (!cachesThisSide || mode().noInternalStore() || !s.tls.isResumable() || s.sessionId().length == 0) return;
        cache.add(s);
        long good = stats.get(client ? "connect_good" : "accept_good");
        if (!mode().noAutoClear() && (good & 0xff) == 0xff) {
            // libssl's auto clear: every 255th good handshake flushes what has expired
            cache.flush(sessions.clock.now(), false);
        }
    }

    /** The context's effective settings; what bctls itself does not have is said so. */
    Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cache", mode().word() + " (the lab's own cache: bctls leaves caching to the application)");
        m.put("cache_size", cacheLimit() + (cacheLimit() == 0 ? " (no limit)" : " (at most " + cacheLimit() + " sessions)"));
        m.put("timeout", timeoutMs() / 1000 + "s");
        m.put("tickets", "0 (Bouncy Castle 1.84 sends no TLS 1.3 session tickets)");
        m.put("min", options.min().map(TlsVersion::word).orElse("default (tls1.2)"));
        m.put("max", options.max().map(TlsVersion::word).orElse("default (tls1.3)"));
        m.put("no_ticket", options.noTicket() + " (bctls offers no TLS 1.2 tickets either: session ids only)");
        m.put("extended_master_secret", "required");
        m.put("new_cb", "none");
        m.put("remove_cb", "off");
        return m;
    }
}
