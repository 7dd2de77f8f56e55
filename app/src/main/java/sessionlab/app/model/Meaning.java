package sessionlab.app.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;

/**
 * The presenter's caption: the statement at the cursor and one sentence saying what it did, made only from
 * what its events report (a note is its own meaning). No FX.
 */
public final class Meaning {
    /** At most this many facts in the sentence: a caption is read from the back of a room. */
    static final int MAX_CLAUSES = 3;
    private static final Set<String> DEFAULTISH = Set.of("default", "false", "none", "off", "0", "");
    /** libssl's own defaults (DESIGN: every default is libssl's), not worth saying. */
    private static final Map<String, String> DEFAULTS = Map.of("cache_size", "20480", "timeout", "7200s", "tickets", "2");

    /** @param line 0 for the end of the run */
    public record Caption(int line, String statement, String meaning) {
        public static final Caption NONE = new Caption(0, "", "Step forward to begin.");
    }

    private Meaning() {}

    public static Caption at(History history, int cursor) {
        if (cursor < 0 || history.size() == 0) return Caption.NONE;
        if (history.inCleanup(cursor)) return new Caption(0, "end of the run", endOfRun(history, cursor));
        int k = history.statementAt(cursor);
        if (k < 0) return Caption.NONE;
        int start = history.statementStarts()[k];
        var st = (Event.StatementStarted) history.events().get(start).event();
        int end = Math.min(cursor, history.statementEnd(k));
        return new Caption(st.line(), st.text(), of(st.text(), history.events().subList(start, end + 1)));
    }

    private static String endOfRun(History history, int cursor) {
        LabState s = history.stateAt(cursor);
        List<LabState.Narration> n = s.narration();
        if (!n.isEmpty() && s.last() != null && s.last().event() instanceof Event.RunFinished) return n.getLast().text();
        return "The engine frees what the lesson still holds, so that nothing outlives the run.";
    }

    /** The sentence for statement {@code text} whose events (from its start) are {@code events}. */
    static String of(String text, List<LoggedEvent> events) {
        for (LoggedEvent le : events) {
            switch (le.event()) {
                case Event.Note n -> { return n.text(); }
                case Event.Error e -> { return "It could not run: " + e.message(); }
                case Event.Prevented p -> { return "The lab refused it: " + p.detail() + "."; }
                case Event.ExpectPass p -> { return "It holds: " + p.observed() + "."; }
                case Event.ExpectFail f -> { return "It does not hold: " + f.observed() + "."; }
                case Event.ClockAdvance c -> {
                    return "The virtual clock moves on " + duration(c.byMs()) + ": every live session is that much older.";
                }
                default -> { }
            }
        }
        if (text.startsWith("stack ")) return "The lesson runs on " + text.substring(6).strip() + ".";
        List<String> clauses = clauses(events);
        if (clauses.isEmpty()) {
            for (LoggedEvent le : events.reversed()) {
                if (le.event() instanceof Event.Return r) {
                    return r.function() + " returned " + (r.result() == null || r.result().isEmpty() ? "(nothing)" : r.result()) + ".";
                }
            }
            return "Nothing in the library changed.";
        }
        String s = String.join("; ", clauses.subList(0, Math.min(MAX_CLAUSES, clauses.size())));
        // a sentence may start with a scenario name (c1, s0): those keep their case
        boolean word = s.startsWith("a ") || s.startsWith("the ");
        return (word ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s) + ".";
    }

    /** A fact and how much it says: 0 what the statement did (a handshake, a read, a name), 1 what followed from it. */
    private record Clause(int rank, String text) {}

    private static List<String> clauses(List<LoggedEvent> events) {
        List<Clause> found = new ArrayList<>();
        Set<Integer> born = new LinkedHashSet<>(), died = new LinkedHashSet<>();
        Map<Integer, Integer> count = new java.util.HashMap<>();
        int ticketsRead = 0, ticketsSent = 0;
        String readBy = null, sentOn = null;
        for (LoggedEvent le : events) {
            switch (le.event()) {
                case Event.SessionCreated c -> born.add(c.session());
                case Event.SessionDestroyed d -> {
                    if (!born.remove(d.session())) died.add(d.session());
                }
                case Event.SessionRef r -> count.put(r.session(), r.count());
                case Event.TicketSent t -> {
                    ticketsSent++;
                    sentOn = t.conn();
                }
                case Event.TicketReceived t -> {
                    ticketsRead++;
                    readBy = t.conn();
                }
                default -> { }
            }
        }
        boolean toldTickets = false;
        Map<String, Set<Integer>> entered = new java.util.LinkedHashMap<>();
        for (LoggedEvent le : events) {
            int rank = switch (le.event()) {
                case Event.HandshakeDone h -> 0;
                case Event.ResumeExplained r -> 0;
                case Event.VariableBound v -> 0;
                case Event.TicketReceived t -> 0;
                case Event.ContextCreated x -> 0;
                case Event.ConnectionFreed f -> 0;
                case Event.ContextFreed f -> 0;
                case Event.SessionRef r -> 0;
                case Event.Return r -> 0;
                default -> 1;
            };
            String c = switch (le.event()) {
                case Event.ContextCreated x -> "a " + x.role() + " SSL_CTX " + x.ctx() + settings(x.settings());
                case Event.HandshakeDone h when "client".equals(h.side()) -> h.resumed() ? h.conn() + " resumed a session: no certificate, no signature"
                        : h.conn() + " did a full " + h.version() + " handshake";
                case Event.ResumeExplained r when !r.resumed() -> r.explanation();
                case Event.VariableBound v when v.session() == null -> v.name() + " is NULL";
                case Event.VariableBound v when v.owned() -> v.name() + " owns a reference to #" + v.session() + counted(count, v.session());
                case Event.VariableBound v -> v.name() + " borrows #" + v.session() + " without a reference";
                case Event.SessionRef r when r.delta() < 0 && r.holder().startsWith("var ") -> r.holder().substring(4)
                        + " gave back its reference to #" + r.session() + " (count " + (r.count() == null ? "unknown" : r.count()) + ")";
                case Event.ConnectionFreed f -> "SSL " + f.conn() + " was freed";
                case Event.ContextFreed f -> "SSL_CTX " + f.ctx() + " was freed";
                case Event.CacheInsert i -> {
                    entered.computeIfAbsent(i.ctx(), k -> new LinkedHashSet<>()).add(i.session());
                    yield null;
                }
                case Event.CacheRemove r -> "#" + r.session() + " left the cache of " + r.ctx() + " (" + r.reason() + ")";
                case Event.VariableDangling d -> d.name() + " now dangles";
                case Event.SessionFlag f when !f.resumable() -> "#" + f.session() + " can no longer be resumed ("
                        + f.reason().replaceFirst("\\s*\\(.*$", "") + ")";
                case Event.Callback cb -> "the " + cb.kind() + "-session callback of " + cb.ctx() + " got #" + cb.session();
                case Event.TicketReceived t -> {
                    if (toldTickets) yield null;
                    toldTickets = true;
                    yield readBy + " read " + (ticketsRead == 1 ? "1 ticket" : tickets(ticketsRead)) + (born.isEmpty() ? "" : ": " + sessions(born) + (born.size() == 1 ? " is" : " are") + " new")
                            + (died.isEmpty() ? "" : ", " + sessions(died) + (died.size() == 1 ? " was" : " were") + " destroyed");
                }
                case Event.Return r when "SSL_shutdown".equals(r.function()) -> "SSL_shutdown returned " + r.result();
                default -> null;
            };
            String text = c;
            if (c != null && found.stream().noneMatch(f -> f.text().equals(text))) found.add(new Clause(rank, c));
        }
        if (!toldTickets && ticketsSent > 0) found.add(new Clause(0, "the server's " + tickets(ticketsSent) + " for " + sentOn
                + (ticketsSent == 1 ? " waits" : " wait") + " on the wire until the client reads"));
        entered.forEach((ctx, ns) -> found.add(new Clause(1, sessions(ns) + " entered" + " the cache of " + ctx)));
        if (!toldTickets && !died.isEmpty()) found.add(new Clause(1, sessions(died) + (died.size() == 1 ? " was" : " were") + " destroyed"));
        // what the statement did first, then what followed, each in the order it happened
        List<String> out = new ArrayList<>();
        for (int rank = 0; rank <= 1; rank++) for (Clause c : found) if (c.rank() == rank) out.add(c.text());
        return out;
    }

    private static String counted(Map<Integer, Integer> count, int session) {
        Integer c = count.get(session);
        return c == null ? "" : " (count " + c + ")";
    }

    private static String settings(Map<String, String> settings) {
        List<String> said = new ArrayList<>();
        settings.forEach((k, v) -> {
            if (DEFAULTISH.contains(v) || v.equals(DEFAULTS.get(k)) || ("cache".equals(k) && "server".equals(v))) return;
            said.add("true".equals(v) ? k : k + " " + v);
        });
        return said.isEmpty() ? " with libssl's defaults" : ": " + String.join(", ", said);
    }

    private static String tickets(int n) {
        return n == 1 ? "ticket" : n + " tickets";
    }

    private static String sessions(Set<Integer> ns) {
        List<String> names = ns.stream().map(n -> "#" + n).toList();
        return names.size() == 1 ? names.getFirst() : EndOfRun.list(names);
    }

    static String duration(long ms) {
        if (ms % 86_400_000 == 0) return ms / 86_400_000 + " d";
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + " h";
        if (ms % 60_000 == 0) return ms / 60_000 + " min";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return ms + " ms";
    }
}
