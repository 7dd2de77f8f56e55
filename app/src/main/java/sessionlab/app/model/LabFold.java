package sessionlab.app.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sessionlab.app.model.LabState.ConnectionView;
import sessionlab.app.model.LabState.ContextView;
import sessionlab.app.model.LabState.Narration;
import sessionlab.app.model.LabState.SessionView;
import sessionlab.app.model.LabState.VariableView;
import sessionlab.app.model.LabState.WireView;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;

/**
 * Folds events into a state, one at a time. Mutable and cheap to copy (maps of immutable records),
 * so that {@link History} can keep copies as snapshots and seek by replaying from the nearest one.
 */
public final class LabFold {
    private int cursor = -1;
    private long now;
    private int line;
    private LinkedHashMap<String, ContextView> contexts = new LinkedHashMap<>();
    private LinkedHashMap<String, ConnectionView> connections = new LinkedHashMap<>();
    private LinkedHashMap<Integer, SessionView> sessions = new LinkedHashMap<>();
    private LinkedHashMap<String, VariableView> variables = new LinkedHashMap<>();
    private ArrayList<WireView> records = new ArrayList<>();
    private ArrayList<Narration> narration = new ArrayList<>();
    private LinkedHashMap<Integer, Boolean> expectations = new LinkedHashMap<>();
    private ArrayList<String> alerts = new ArrayList<>();
    private LoggedEvent last;
    /** The stack that ran, from run.started: explanations say what that stack does. */
    private String stack = "libssl";
    private ArrayList<LabState.TicketView> tickets = new ArrayList<>();
    /** The end-of-run clean-up: what the scenario still held (leak events) and the sessions that died with it. */
    private boolean cleanup;
    private ArrayList<String> leftHeld = new ArrayList<>();
    private ArrayList<Integer> freedAtEnd = new ArrayList<>();

    public LabFold copy() {
        LabFold c = new LabFold();
        c.cursor = cursor;
        c.now = now;
        c.line = line;
        c.contexts = new LinkedHashMap<>(contexts);
        c.connections = new LinkedHashMap<>(connections);
        c.sessions = new LinkedHashMap<>(sessions);
        c.variables = new LinkedHashMap<>(variables);
        c.records = new ArrayList<>(records);
        c.narration = new ArrayList<>(narration);
        c.expectations = new LinkedHashMap<>(expectations);
        c.alerts = new ArrayList<>(alerts);
        c.last = last;
        c.stack = stack;
        c.tickets = new ArrayList<>(tickets);
        c.cleanup = cleanup;
        c.leftHeld = new ArrayList<>(leftHeld);
        c.freedAtEnd = new ArrayList<>(freedAtEnd);
        return c;
    }

    public int cursor() {
        return cursor;
    }

    public LabState state() {
        return new LabState(cursor, now, line, Collections.unmodifiableMap(new LinkedHashMap<>(contexts)),
                Collections.unmodifiableMap(new LinkedHashMap<>(connections)), Collections.unmodifiableMap(new LinkedHashMap<>(sessions)),
                Collections.unmodifiableMap(new LinkedHashMap<>(variables)), List.copyOf(records), List.copyOf(narration),
                Collections.unmodifiableMap(new LinkedHashMap<>(expectations)), List.copyOf(alerts), last, stack, List.copyOf(tickets));
    }

    public void apply(LoggedEvent le) {
        cursor = (int) le.seq();
        now = le.at();
        last = le;
        Event e = le.event();
        switch (e) {
            case Event.RunStarted r -> stack = r.stack();
            case Event.StatementStarted s -> line = s.line();
            case Event.Note n -> narration.add(new Narration(le.seq(), true, n.text()));
            case Event.ExpectPass p -> expectations.put(p.line(), true);
            case Event.ExpectFail f -> {
                expectations.put(f.line(), false);
                alerts.add("Expectation failed on line " + f.line() + ": " + f.text() + " [" + f.observed() + "]");
            }
            case Event.Error er -> alerts.add(er.message());
            case Event.Prevented p -> alerts.add("Prevented " + p.kind() + ": " + p.detail());
            // not an alarm: the end of every run frees what the lesson still holds, and says so once (RunFinished)
            case Event.Leak l -> {
                cleanup = true;
                leftHeld.add(EndOfRun.holder(l.holder(), l.session()));
            }
            case Event.RunFinished r -> {
                String told = line > 0 ? EndOfRun.narration(leftHeld, freedAtEnd) : null;
                if (told != null) narration.add(new Narration(le.seq(), false, told));
            }
            case Event.ContextCreated c -> contexts.put(c.ctx(), new ContextView(c.ctx(), c.role(), c.settings(), List.of(), Map.of(), false, 0, 0));
            case Event.ContextFreed c -> context(c.ctx(), x -> new ContextView(x.name(), x.role(), x.settings(), x.cache(), x.stats(), true, x.newCallbacks(), x.removeCallbacks()));
            case Event.CacheOrder o -> context(o.ctx(), x -> new ContextView(x.name(), x.role(), x.settings(), List.copyOf(o.sessions()), x.stats(), x.freed(), x.newCallbacks(), x.removeCallbacks()));
            case Event.CacheInsert i -> {
                session(i.session(), s -> withCache(s, i.ctx()));
                // a stack that shows its order sends cache.order next; one that cannot has only its inserts, kept in session order
                context(i.ctx(), x -> !x.settings().containsKey(Event.ContextCreated.ORDER_NOT_VISIBLE) || x.cache().contains(i.session()) ? x
                        : new ContextView(x.name(), x.role(), x.settings(), insertSorted(x.cache(), i.session()), x.stats(), x.freed(),
                                x.newCallbacks(), x.removeCallbacks()));
            }
            case Event.CacheRemove r -> {
                session(r.session(), s -> withCache(s, null));
                context(r.ctx(), x -> {
                    List<Integer> rest = new ArrayList<>(x.cache());
                    rest.remove(Integer.valueOf(r.session()));
                    return new ContextView(x.name(), x.role(), x.settings(), rest, x.stats(), x.freed(), x.newCallbacks(), x.removeCallbacks());
                });
            }
            case Event.Stats s -> context(s.ctx(), x -> new ContextView(x.name(), x.role(), x.settings(), x.cache(), s.values(), x.freed(), x.newCallbacks(), x.removeCallbacks()));
            case Event.Callback cb -> context(cb.ctx(), x -> new ContextView(x.name(), x.role(), x.settings(), x.cache(), x.stats(), x.freed(),
                    x.newCallbacks() + ("new".equals(cb.kind()) ? 1 : 0), x.removeCallbacks() + ("remove".equals(cb.kind()) ? 1 : 0)));
            case Event.ConnectionCreated c when "client".equals(c.side()) -> {
                // the name now means a new SSL: the old one's unread tickets can never be read through it
                tickets.removeIf(t -> t.conn().equals(base(c.conn())) && t.readAt() < 0);
                connections.put(c.conn(), new ConnectionView(c.conn(), base(c.conn()), c.side(), c.ctx(),
                        false, false, "", false, 0, null, -1, -1, null));
            }
            case Event.ConnectionCreated c -> connections.put(c.conn(), new ConnectionView(c.conn(), base(c.conn()), c.side(), c.ctx(),
                    false, false, "", false, 0, null, -1, -1, null));
            case Event.ConnectionFreed c -> connection(c.conn(), x -> new ConnectionView(x.name(), x.connection(), x.side(), x.ctx(), true,
                    x.handshakeDone(), x.version(), x.resumed(), x.ticketsReceived(), null, x.handshakeDoneAt(), x.ticketsReadAt(), x.resume()));
            case Event.HandshakeDone h -> connection(display(h.conn(), h.side()), x -> new ConnectionView(x.name(), x.connection(), x.side(), x.ctx(),
                    x.freed(), true, h.version(), h.resumed(), x.ticketsReceived(), x.session(), le.at(), x.ticketsReadAt(), x.resume()));
            case Event.TicketSent t -> tickets.add(new LabState.TicketView(t.conn(), t.index(), le.at(), -1, -1, -1));
            case Event.TicketReceived t -> {
                ticketRead(t.conn(), le.at());
                connection(t.conn(), x -> new ConnectionView(x.name(), x.connection(), x.side(), x.ctx(), x.freed(),
                    x.handshakeDone(), x.version(), x.resumed(), t.index(), x.session(), x.handshakeDoneAt(), x.ticketsReadAt() < 0 ? le.at() : x.ticketsReadAt(),
                    x.resume()));
            }
            case Event.SessionCreated c -> sessions.put(c.session(), new SessionView(c.session(), c.side(), "", false, "", 0, 0, 0, le.at(),
                    null, Map.of(), true, -1, null, c.dupOf(), null, le.seq()));
            case Event.SessionState s -> session(s.session(), x -> new SessionView(x.number(), s.side(), s.id(), s.resumable(), s.version(),
                    s.ticketLength(), s.lifetimeHint(), s.timeoutSeconds(), s.createdAt(), x.refcount(), x.holders(), x.alive(), x.destroyedAt(),
                    x.cache(), x.dupOf(), x.reason(), x.changedAt()));
            case Event.SessionFlag f -> session(f.session(), x -> new SessionView(x.number(), x.side(), x.id(), f.resumable(), x.version(),
                    x.ticketLength(), x.lifetimeHint(), x.timeoutSeconds(), x.createdAt(), x.refcount(), x.holders(), x.alive(), x.destroyedAt(),
                    x.cache(), x.dupOf(), f.reason(), x.changedAt()));
            case Event.SessionRef r -> ref(le, r);
            case Event.SessionDestroyed d when cleanup -> {
                freedAtEnd.add(d.session());
                session(d.session(), x -> new SessionView(x.number(), x.side(), x.id(), false, x.version(),
                        x.ticketLength(), x.lifetimeHint(), x.timeoutSeconds(), x.createdAt(), 0, Map.of(), false, le.at(), null, x.dupOf(),
                        x.reason(), le.seq()));
            }
            case Event.SessionDestroyed d -> session(d.session(), x -> new SessionView(x.number(), x.side(), x.id(), false, x.version(),
                    x.ticketLength(), x.lifetimeHint(), x.timeoutSeconds(), x.createdAt(), 0, Map.of(), false, le.at(), null, x.dupOf(),
                    x.reason(), le.seq()));
            case Event.VariableBound v -> variables.put(v.name(), new VariableView(v.name(), v.session(), v.owned(),
                    v.session() != null && sessions.containsKey(v.session()) && !sessions.get(v.session()).alive()));
            case Event.VariableDangling d -> {
                VariableView v = variables.get(d.name());
                if (v != null) variables.put(d.name(), new VariableView(v.name(), v.session(), v.owned(), true));
            }
            case Event.ResumeExplained r -> connection(r.conn(), x -> new ConnectionView(x.name(), x.connection(), x.side(), x.ctx(), x.freed(),
                    x.handshakeDone(), x.version(), x.resumed(), x.ticketsReceived(), x.session(), x.handshakeDoneAt(), x.ticketsReadAt(),
                    new LabState.Resume(r.name(), r.offered(), r.resumed(), r.reason(), r.explanation(), r.causeSeq(), r.causeLine())));
            case Event.WireRecord w -> {
                records.add(new WireView(le.seq(), w.conn(), w.direction(), w.sentAt(), w.arrivesAt(), w.label(),
                        w.encrypted(), w.length(), w.hex()));
                ticketsCarried(le.seq(), w);
            }
            default -> { }
        }
        // the clean-up is told once, as a whole, when the run finishes
        String explanation = cleanup ? null : Explanations.explain(e, stack);
        if (explanation != null) narration.add(new Narration(le.seq(), false, explanation));
    }

    private void ref(LoggedEvent le, Event.SessionRef r) {
        session(r.session(), x -> {
            Map<String, Integer> h = new TreeMap<>(x.holders());
            int n = h.getOrDefault(r.holder(), 0) + r.delta();
            if (n <= 0) h.remove(r.holder());
            else h.put(r.holder(), n);
            // the owned references of scenario names are drawn from the variables; SSL pointers from here
            return new SessionView(x.number(), x.side(), x.id(), x.resumable(), x.version(), x.ticketLength(), x.lifetimeHint(),
                    x.timeoutSeconds(), x.createdAt(), r.count(), Collections.unmodifiableMap(h), x.alive(), x.destroyedAt(), x.cache(),
                    x.dupOf(), x.reason(), le.seq());
        });
        // the connection's session pointer: libssl's SSL and bctls's end are "SSL c1", the JDK's is its engine
        String prefix = r.holder().startsWith("SSL ") ? "SSL " : r.holder().startsWith("engine ") ? "engine " : null;
        if (prefix != null) {
            String conn = r.holder().substring(prefix.length());
            connection(conn, x -> new ConnectionView(x.name(), x.connection(), x.side(), x.ctx(), x.freed(), x.handshakeDone(), x.version(),
                    x.resumed(), x.ticketsReceived(), r.delta() > 0 ? Integer.valueOf(r.session())
                    : (x.session() != null && x.session() == r.session() ? null : x.session()), x.handshakeDoneAt(), x.ticketsReadAt(),
                    x.resume()));
        }
    }

    /** Each NewSessionTicket message a server record carries takes the oldest ticket of its connection not yet on the wire. */
    private void ticketsCarried(long seq, Event.WireRecord w) {
        if (w.messages() == null || "c>s".equals(w.direction())) return;
        String conn = base(w.conn());
        for (Event.Message m : w.messages()) {
            if (!"NewSessionTicket".equals(m.name())) continue;
            for (int i = 0; i < tickets.size(); i++) {
                LabState.TicketView t = tickets.get(i);
                if (t.conn().equals(conn) && t.recordSeq() < 0) {
                    tickets.set(i, new LabState.TicketView(t.conn(), t.index(), t.sentAt(), seq, w.arrivesAt(), -1));
                    break;
                }
            }
        }
    }

    /** The client processed a ticket: the oldest of its connection that came over the wire and was not read. */
    private void ticketRead(String conn, long at) {
        String c = base(conn);
        for (int i = 0; i < tickets.size(); i++) {
            LabState.TicketView t = tickets.get(i);
            if (t.conn().equals(c) && t.readAt() < 0 && t.recordSeq() >= 0) {
                tickets.set(i, new LabState.TicketView(t.conn(), t.index(), t.sentAt(), t.recordSeq(), t.arrivesAt(), at));
                return;
            }
        }
    }

    private static List<Integer> insertSorted(List<Integer> list, int session) {
        List<Integer> out = new ArrayList<>(list);
        out.add(session);
        out.sort(null);
        return List.copyOf(out);
    }

    private static SessionView withCache(SessionView x, String cache) {
        return new SessionView(x.number(), x.side(), x.id(), x.resumable(), x.version(), x.ticketLength(), x.lifetimeHint(),
                x.timeoutSeconds(), x.createdAt(), x.refcount(), x.holders(), x.alive(), x.destroyedAt(), cache, x.dupOf(), x.reason(), x.changedAt());
    }

    private static String base(String conn) {
        return conn.endsWith(".server") ? conn.substring(0, conn.length() - 7) : conn;
    }

    private static String display(String conn, String side) {
        return "server".equals(side) ? conn + ".server" : conn;
    }

    private void context(String name, java.util.function.UnaryOperator<ContextView> f) {
        ContextView c = contexts.get(name);
        if (c != null) contexts.put(name, f.apply(c));
    }

    private void connection(String name, java.util.function.UnaryOperator<ConnectionView> f) {
        ConnectionView c = connections.get(name);
        if (c != null) connections.put(name, f.apply(c));
    }

    private void session(int n, java.util.function.UnaryOperator<SessionView> f) {
        SessionView s = sessions.get(n);
        if (s != null) sessions.put(n, f.apply(s));
    }
}
