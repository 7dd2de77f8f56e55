package sessionlab.stack.jsse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sessionlab.scenario.CacheMode;
import sessionlab.scenario.ContextOptions;
import sessionlab.scenario.NewCallback;
import sessionlab.scenario.Role;
import sessionlab.scenario.TlsVersion;
import sessionlab.stack.StackException;

/**
 * SSL_CTX_new options on JSSE. Each option either maps to a real JSSE setting or is an error that
 * says why; nothing is ignored. Absent options keep libssl's defaults, as the language promises.
 * <ul>
 * <li>{@code min}/{@code max}: the engines' enabled protocols (SSLParameters.setProtocols).</li>
 * <li>{@code cache}: JSSE always caches, client sessions in a client context and server sessions
 *     in a server context (a stateless server simply has nothing to cache). So {@code client} or
 *     {@code both} on a client context and {@code server} or {@code both} on a server context say
 *     what JSSE does; {@code off}, the other role's cache and the {@code +} flags are errors.
 *     Unset, the context shows what JSSE does, not libssl's "server" default.</li>
 * <li>{@code cache_size=N}: SSLSessionContext.setSessionCacheSize(N); unset 20480 (libssl's).
 *     JSSE holds N sessions where libssl 3.0 holds N-1; 0 is "no limit" in both.</li>
 * <li>{@code timeout=D}: setSessionTimeout(seconds); unset 7200 s (libssl's; JSSE's own is 86400).
 *     0 is an error: JSSE reads it as "no limit". JSSE sends no TLS 1.3 tickets at all with a
 *     timeout over 7 days.</li>
 * <li>{@code tickets=N} (server): jdk.tls.server.newSessionTicketCount, which SunJSSE reads once per
 *     JVM: contexts whose count differs from this JVM's live in a child JVM started with it. Unset:
 *     2, libssl's default (JSSE's is 1). On a client context: an error, a client sends no tickets.</li>
 * <li>{@code no_ticket}: jdk.tls.server.enableSessionTicketExtension=false (client:
 *     jdk.tls.client...), read when the SSLContext is made: stateful TLS 1.3 tickets and TLS 1.2
 *     session ids in the server cache, like SSL_OP_NO_TICKET.</li>
 * <li>{@code new_cb}, {@code remove_cb}, {@code early_data}, {@code no_anti_replay}: errors.</li>
 * </ul>
 */
final class ContextMapping {
    static final int LIBSSL_CACHE_SIZE = 20480;
    static final int LIBSSL_TIMEOUT_SECONDS = 7200;
    static final int LIBSSL_TICKETS = 2;

    record Spec(List<String> protocols, boolean stateless, int cacheSize, int timeoutSeconds, int tickets) {}

    private ContextMapping() {}

    static Spec map(Role role, ContextOptions o) throws StackException {
        boolean server = role == Role.SERVER;
        if (o.newCallback() != NewCallback.NONE) throw unsupported("jsse has no new-session callback (new_cb=)");
        if (o.removeCallback()) throw unsupported("jsse has no remove-session callback (remove_cb=on)");
        if (o.earlyData().isPresent()) throw unsupported("jsse has no early data (0-RTT), so early_data= has nothing to set");
        if (o.noAntiReplay()) throw unsupported("jsse has no early data, so it has no anti-replay to turn off (no_anti_replay)");
        if (o.cache().isPresent()) checkCache(o.cache().get(), server);
        if (o.tickets().isPresent() && !server) {
            throw unsupported("jsse: tickets= sets how many tickets a server sends (jdk.tls.server.newSessionTicketCount); a client context sends none");
        }
        int timeout = LIBSSL_TIMEOUT_SECONDS;
        if (o.timeout().isPresent()) {
            Duration d = o.timeout().get();
            if (d.toSeconds() == 0) throw unsupported("jsse reads a session timeout of 0 as \"no limit\"; libssl's timeout=" + d.toMillis() + "ms has no equivalent");
            if (d.toSeconds() > Integer.MAX_VALUE) throw unsupported("jsse takes the session timeout as an int of seconds");
            timeout = (int) d.toSeconds();
        }
        return new Spec(protocols(o), !o.noTicket(), o.cacheSize().orElse(LIBSSL_CACHE_SIZE), timeout,
                server ? o.tickets().orElse(LIBSSL_TICKETS) : 0);
    }

    private static void checkCache(CacheMode m, boolean server) throws StackException {
        if (m.noInternalStore()) throw unsupported("jsse cannot keep sessions out of its own cache (+no_internal_store)");
        if (m.noAutoClear()) throw unsupported("jsse has no automatic cache clearing to turn off (+no_auto_clear)");
        if (!m.client() && !m.server()) throw unsupported("jsse cannot turn a session cache off (cache=off): setSessionCacheSize(0) means no limit");
        if (server && !m.server()) throw unsupported("jsse always keeps a server's sessions in its server cache: cache=" + m.word() + " has no equivalent");
        if (!server && !m.client()) throw unsupported("jsse always keeps a client's sessions in its client cache: cache=" + m.word() + " has no equivalent");
    }

    static List<String> protocols(ContextOptions o) {
        List<String> p = new ArrayList<>();
        TlsVersion min = o.min().orElse(TlsVersion.TLS1_2);
        TlsVersion max = o.max().orElse(TlsVersion.TLS1_3);
        if (max == TlsVersion.TLS1_3) p.add("TLSv1.3");
        if (min == TlsVersion.TLS1_2) p.add("TLSv1.2");
        return p;
    }

    /** What the context really is, read back from JSSE where it can tell. */
    static Map<String, String> settings(Role role, Spec spec, Hosted.ContextInfo info, Host host) {
        Map<String, String> m = new LinkedHashMap<>();
        boolean server = role == Role.SERVER;
        m.put("protocols", String.join(", ", spec.protocols()));
        m.put("cache", server ? "server (JSSE always caches a server's stateful sessions)" : "client (JSSE always caches client sessions)");
        m.put("cache_size", Integer.toString(info.cacheSize()));
        m.put(sessionlab.event.Event.ContextCreated.ORDER_NOT_VISIBLE, "not visible: JSSE evicts the least recently used session, and no API shows that order "
                + "(a lookup would itself reorder it)");
        m.put("timeout", info.timeoutSeconds() + "s");
        if (server) {
            m.put("tickets", host.ticketCount() + " (jdk.tls.server.newSessionTicketCount of " + host.where() + ")");
            m.put("no_ticket", spec.stateless() ? "false (stateless tickets)" : "true (stateful: tickets are ids in the server cache)");
        } else {
            m.put("no_ticket", spec.stateless() ? "false" : "true (no TLS 1.2 session_ticket extension)");
        }
        m.put("new_cb", "none (jsse has none)");
        m.put("remove_cb", "off (jsse has none)");
        return m;
    }

    private static StackException unsupported(String message) {
        return new StackException("unsupported", message);
    }
}
