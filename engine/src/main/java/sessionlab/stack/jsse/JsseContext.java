package sessionlab.stack.jsse;

import java.util.List;
import java.util.Map;
import sessionlab.scenario.ContextOptions;
import sessionlab.scenario.Role;

/** One scenario SSL_CTX: one SSLContext, held by the host whose servers send its ticket count. */
final class JsseContext {
    final String name;
    final Role role;
    final ContextOptions options;
    final Host host;
    final int id;
    final List<String> protocols;
    final boolean stateless;
    final int cacheSize;
    final Map<String, String> settings;
    boolean freed;
    int freedLine;
    long freedSeq = -1;

    JsseContext(String name, Role role, ContextOptions options, Host host, int id, List<String> protocols, boolean stateless,
                int cacheSize, Map<String, String> settings) {
        this.name = name;
        this.role = role;
        this.options = options;
        this.host = host;
        this.id = id;
        this.protocols = protocols;
        this.stateless = stateless;
        this.cacheSize = cacheSize;
        this.settings = settings;
    }

    boolean server() {
        return role == Role.SERVER;
    }
}
