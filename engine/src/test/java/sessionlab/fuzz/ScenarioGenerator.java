package sessionlab.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of valid lessons that mix every call, option and function of the language,
 * misuse included: get0 names used after their session died, double and borrowed frees, freed
 * connections and contexts, sessions added to and removed from other contexts' caches, SSL_clear,
 * flushes, advances, unclean shutdowns and repeat blocks. "Valid" means the checker accepts it: what
 * happens when it runs is the stack's business. The same seed always gives the same text.
 */
public final class ScenarioGenerator {
    private record Ctx(String name, boolean client) {}

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private final List<Ctx> contexts = new ArrayList<>();
    private final List<String> connections = new ArrayList<>();
    private final List<String> sessions = new ArrayList<>();
    private int next = 1;
    private int depth;

    private ScenarioGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The lesson for {@code seed}. */
    public static String generate(long seed) {
        ScenarioGenerator g = new ScenarioGenerator(seed);
        g.lesson();
        return g.out.toString();
    }

    private void lesson() {
        int clients = 1 + random.nextInt(2);
        int servers = 1 + random.nextInt(2);
        for (int i = 0; i < clients + servers; i++) newContext(i < clients, "");
        int statements = 8 + random.nextInt(22);
        for (int i = 0; i < statements; i++) statement("");
    }

    private void statement(String indent) {
        int roll = random.nextInt(100);
        boolean needsConnection = roll >= 20 && roll < 44 || roll >= 58 && roll < 60;
        if (roll < 20 || needsConnection && connections.isEmpty()) connect(indent);
        else if (roll < 27) line(indent, "SSL_read(" + conn() + ")");
        else if (roll < 30) line(indent, "SSL_write(" + conn() + ", \"hello\")");
        else if (roll < 36) line(indent, "SSL_shutdown(" + conn() + ")");
        else if (roll < 42) line(indent, "SSL_free(" + conn() + ")");
        else if (roll < 44) line(indent, "SSL_clear(" + conn() + ")");
        else if (roll < 52) getSession(indent);
        else if (roll < 56) sessionCall(indent, "SSL_SESSION_free");
        else if (roll < 58) sessionCall(indent, "SSL_SESSION_up_ref");
        else if (roll < 60 && !sessions.isEmpty()) line(indent, "SSL_set_session(" + conn() + ", " + session() + ")");
        else if (roll < 65 && !sessions.isEmpty()) line(indent, "SSL_CTX_add_session(" + anyCtx() + ", " + session() + ")");
        else if (roll < 69 && !sessions.isEmpty()) line(indent, "SSL_CTX_remove_session(" + anyCtx() + ", " + session() + ")");
        else if (roll < 73) flush(indent);
        else if (roll < 76) line(indent, "SSL_CTX_free(" + anyCtx() + ")");
        else if (roll < 78) newContext(random.nextBoolean(), indent);
        else if (roll < 81) newSession(indent);
        else if (roll < 85) line(indent, "advance " + pick("1s", "90s", "5m", "1h", "3h", "1d"));
        else if (roll < 94) expect(indent);
        else if (roll < 96) line(indent, "note \"step " + next++ + "\"");
        else if (depth < 2) repeat(indent);
        else connect(indent);
    }

    private void newContext(boolean client, String indent) {
        StringBuilder o = new StringBuilder(client ? "client" : "server");
        if (random.nextInt(3) == 0) o.append(", min=").append(pick("tls1.2", "tls1.3").equals("tls1.3") && random.nextBoolean() ? "tls1.3" : "tls1.2");
        if (random.nextInt(2) == 0) o.append(", max=").append(pick("tls1.2", "tls1.3"));
        if (random.nextInt(2) == 0) o.append(", cache=").append(pick("off", "client", "server", "both"))
                .append(random.nextInt(5) == 0 ? "+" + pick("no_internal_store", "no_auto_clear") : "");
        if (random.nextInt(4) == 0) o.append(", cache_size=").append(pick("0", "1", "2", "3", "20"));
        if (random.nextInt(4) == 0) o.append(", timeout=").append(pick("10s", "10m", "2h"));
        if (random.nextInt(3) == 0) o.append(", tickets=").append(pick("0", "1", "2", "3"));
        if (random.nextInt(4) == 0) o.append(", no_ticket");
        if (random.nextInt(3) == 0) o.append(", new_cb=").append(pick("none", "keep", "drop"));
        if (random.nextInt(3) == 0) o.append(", remove_cb=").append(pick("on", "off"));
        if (random.nextInt(8) == 0) o.append(", early_data=").append(pick("0", "1024"));
        if (random.nextInt(10) == 0) o.append(", no_anti_replay");
        String text = o.toString().replace("min=tls1.3, max=tls1.2", "min=tls1.2, max=tls1.2");
        // a rebinding of a context name of the same role, sometimes: SSL_CTX_new over a live one is refused
        String name = null;
        if (!contexts.isEmpty() && random.nextInt(4) == 0) {
            List<Ctx> same = contexts.stream().filter(c -> c.client == client).toList();
            if (!same.isEmpty()) name = same.get(random.nextInt(same.size())).name;
        }
        if (name == null) {
            name = "x" + next++;
            contexts.add(new Ctx(name, client));
        }
        line(indent, name + " = SSL_CTX_new(" + text + ")");
    }

    private void connect(String indent) {
        List<Ctx> clients = contexts.stream().filter(Ctx::client).toList();
        List<Ctx> servers = contexts.stream().filter(c -> !c.client).toList();
        if (clients.isEmpty() || servers.isEmpty()) {
            newContext(clients.isEmpty(), indent);
            return;
        }
        StringBuilder call = new StringBuilder("connect(").append(clients.get(random.nextInt(clients.size())).name)
                .append(", ").append(servers.get(random.nextInt(servers.size())).name);
        if (!sessions.isEmpty() && random.nextInt(3) == 0) call.append(", session=").append(session());
        if (random.nextInt(8) == 0) call.append(", latency=").append(pick("1ms", "25ms", "200ms"));
        String name = !connections.isEmpty() && random.nextInt(5) == 0 ? connections.get(random.nextInt(connections.size())) : null;
        if (name == null) {
            name = "c" + next++;
            connections.add(name);
        }
        line(indent, name + " = " + call + ")");
    }

    private void getSession(String indent) {
        if (connections.isEmpty()) {
            connect(indent);
            return;
        }
        String call = pick("SSL_get_session", "SSL_get0_session", "SSL_get1_session", "SSL_get1_session") + "(" + conn() + ")";
        if (random.nextInt(10) == 0) {
            line(indent, call); // an unnamed get1: a lost reference
            return;
        }
        line(indent, sessionName() + " = " + call);
    }

    private void newSession(String indent) {
        if (contexts.isEmpty()) return;
        line(indent, sessionName() + " = new_session(" + anyCtx() + ", " + (1 + random.nextInt(3)) + ")");
    }

    /** A fresh session name, or now and then an existing one (re-binding may orphan an owned reference). */
    private String sessionName() {
        if (!sessions.isEmpty() && random.nextInt(4) == 0) return session();
        String name = "s" + next++;
        sessions.add(name);
        return name;
    }

    private void sessionCall(String indent, String call) {
        if (sessions.isEmpty()) {
            getSession(indent);
            return;
        }
        line(indent, call + "(" + session() + ")");
    }

    private void flush(String indent) {
        if (contexts.isEmpty()) return;
        String at = pick("", "", ", at=now", ", at=0", ", at=+1h", ", at=+1d");
        line(indent, "SSL_CTX_flush_sessions(" + anyCtx() + at + ")");
    }

    private void expect(String indent) {
        List<String> facts = new ArrayList<>();
        if (!sessions.isEmpty()) {
            String s = session();
            facts.add(pick("resumable(" + s + ")", "!resumable(" + s + ")", "destroyed(" + s + ")", "alive(" + s + ")",
                    "null(" + s + ")", "refcount(" + s + ") >= 0", "refcount(" + s + ") == 1",
                    "same(" + s + ", " + session() + ")"));
        }
        if (!connections.isEmpty()) {
            String c = conn();
            facts.add(pick("reused(" + c + ")", "!reused(" + c + ")", "version(" + c + ") == tls1.3", "version(" + c + ") != tls1.2",
                    "tickets_received(" + c + ") <= 2", "offered(" + c + ")"));
        }
        if (!contexts.isEmpty()) {
            String x = anyCtx();
            facts.add(pick("cache_size(" + x + ") == 0", "cache_size(" + x + ") > 1", "callbacks(" + x + ", new) >= 0",
                    "callbacks(" + x + ", remove) == 0", "stat(" + x + ", " + pick("number", "connect", "connect_good", "accept",
                            "accept_good", "hits", "misses", "timeouts", "cache_full", "cb_hits") + ") >= 0"));
            if (!sessions.isEmpty()) facts.add("in_cache(" + x + ", " + session() + ")");
        }
        if (facts.isEmpty()) return;
        String a = facts.get(random.nextInt(facts.size()));
        if (facts.size() > 1 && random.nextInt(4) == 0) a = a + pick(" && ", " || ") + facts.get(random.nextInt(facts.size()));
        line(indent, "expect " + a);
    }

    private void repeat(String indent) {
        line(indent, "repeat " + (1 + random.nextInt(4)) + " {");
        depth++;
        int body = 1 + random.nextInt(4);
        for (int i = 0; i < body; i++) statement(indent + "  ");
        depth--;
        line(indent, "}");
    }

    private String conn() {
        if (connections.isEmpty()) throw new IllegalStateException("no connection yet");
        String c = connections.get(random.nextInt(connections.size()));
        return random.nextInt(3) == 0 ? c + ".server" : c;
    }

    private String session() {
        return sessions.get(random.nextInt(sessions.size()));
    }

    private String anyCtx() {
        return contexts.get(random.nextInt(contexts.size())).name;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }
}
