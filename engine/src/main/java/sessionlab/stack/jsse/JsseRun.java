package sessionlab.stack.jsse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import sessionlab.event.Event;
import sessionlab.event.EventSink;
import sessionlab.scenario.ConnRef;
import sessionlab.scenario.EvaluationException;
import sessionlab.scenario.Expr;
import sessionlab.scenario.Op;
import sessionlab.scenario.Position;
import sessionlab.scenario.Role;
import sessionlab.scenario.Value;
import sessionlab.stack.StackException;
import sessionlab.stack.StackRun;
import sessionlab.wire.Link;
import sessionlab.wire.RecordTap;
import sessionlab.wire.WireFaults;
import sessionlab.wire.VirtualClock;

/**
 * One scenario run on the JDK's own SSLEngine (SunJSSE). Each scenario SSL_CTX is one SSLContext;
 * each connection is a client and a server SSLEngine on the lab's wire, with its own fake peer port
 * (10001, 10002, ...) so that JSSE's client cache, keyed by peer host:port, holds exactly that
 * connection's tickets. Calls JSSE has no equivalent for are errors that say so (see {@link Calls}).
 */
final class JsseRun implements StackRun {
    static final long DEFAULT_LATENCY_MS = 25;
    static final int FIRST_PORT = 10001;
    final EventSink sink;
    final VirtualClock clock;
    final WireFaults fault;
    final Sessions sessions = new Sessions(this);
    final Pump pump = new Pump(this);
    final Map<String, JsseContext> contexts = new HashMap<>();
    final Map<String, Conn> connections = new HashMap<>();
    private final List<JsseContext> everyContext = new ArrayList<>();
    private final Map<Integer, JsseContext> contextById = new HashMap<>();
    private final Map<Integer, End> ends = new HashMap<>();
    private final Map<Integer, Conn> byPort = new HashMap<>();
    private final List<Conn> connectionOrder = new ArrayList<>();
    private final Hosted.Init credentials;
    private final LocalHost local;
    private final Map<Integer, RemoteHost> remotes = new TreeMap<>();
    private final Calls calls = new Calls(this);
    private final Why why = new Why(this);
    int line;
    private int nextId;
    private int nextPort = FIRST_PORT;
    private int anonymous;

    JsseRun(EventSink sink, VirtualClock clock, Hosted.Init credentials, int localTickets, WireFaults fault) {
        this.sink = sink;
        this.clock = clock;
        this.fault = fault;
        this.credentials = credentials;
        this.local = new LocalHost(localTickets);
        local.call(credentials);
    }

    // ---- what the other parts look up ----

    List<Host> hosts() {
        List<Host> h = new ArrayList<>();
        h.add(local);
        h.addAll(remotes.values());
        return h;
    }

    Collection<JsseContext> contexts() {
        return everyContext;
    }

    End endOf(int engine) {
        return ends.get(engine);
    }

    JsseContext contextOf(int id) {
        return contextById.get(id);
    }

    Conn connectionOnPort(int port) {
        return byPort.get(port);
    }

    /**
     * The last connection to the same fake peer as {@code issuer}, made after it and before
     * {@code now}, that did a full handshake: JSSE then keeps only its session for that peer
     * (measured: the earlier tickets stay in the id cache but are never offered again).
     */
    Conn fullHandshakeOnPortAfter(Conn issuer, Conn now) {
        if (issuer == null) return null;
        Conn found = null;
        boolean after = false;
        for (Conn c : connectionOrder) {
            if (c == now) break;
            if (c == issuer) after = true;
            else if (after && c.port == issuer.port && c.client.handshakeDone && !c.resumedOnWire()) found = c;
        }
        return found;
    }

    void observe(Activity.Kind kind, String what, End end) {
        sessions.observe(new Activity(kind, what, end));
    }

    // ---- the scenario's calls ----

    @Override
    public void perform(Op op, Optional<String> bindTo, Position at) throws StackException {
        line = at.line();
        try {
            switch (op) {
                case Op.CtxNew n -> newContext(bindTo.orElse("ctx@" + at.line()), n.role(), n.options());
                case Op.Connect c -> connect(bindTo.orElseGet(() -> "conn" + (++anonymous)), c);
                case Op.Read r -> calls.read(end(r.conn()));
                case Op.Write w -> calls.write(end(w.conn()), w.text());
                case Op.Shutdown s -> calls.shutdown(end(s.conn()));
                case Op.Free f -> calls.free(end(f.conn()));
                case Op.Clear c -> throw JsseRefusals.refuse(op.callName());
                case Op.SetSession s -> throw JsseRefusals.refuse(op.callName());
                case Op.GetSession g -> calls.get(end(g.conn()), g.kind(), bindTo);
                case Op.SessionFree f -> calls.sessionFree(f.session().name());
                case Op.SessionUpRef u -> throw JsseRefusals.refuse(op.callName());
                case Op.CtxAddSession a -> throw JsseRefusals.refuse(op.callName());
                case Op.CtxRemoveSession r -> calls.remove(context(r.ctx().name()), r.session().name());
                case Op.CtxFlush f -> calls.flush(context(f.ctx().name()), f.at());
                case Op.CtxFree f -> freeContext(context(f.ctx().name()));
                case Op.NewSession n -> throw JsseRefusals.refuse(op.callName());
            }
        } catch (Host.HostFailure e) {
            throw new StackException("host-failed", e.getMessage());
        }
    }

    JsseContext context(String name) throws StackException {
        JsseContext c = contexts.get(name);
        if (c == null) throw new StackException("undefined", "'" + name + "' is not a context of this run");
        if (c.freed) throw new StackException("freed", "'" + name + "' was freed with SSL_CTX_free: the scenario dropped that SSLContext");
        return c;
    }

    End end(ConnRef ref) throws StackException {
        Conn c = connections.get(ref.name());
        if (c == null) throw new StackException("undefined", "'" + ref.name() + "' is not a connection of this run");
        End e = c.end(ref.side());
        if (e.freed) throw new StackException("freed", "'" + ref.display() + "' was freed with SSL_free: the engine was dropped");
        return e;
    }

    private Host hostFor(Role role, int tickets) {
        if (role == Role.CLIENT || tickets == local.ticketCount()) return local;
        return remotes.computeIfAbsent(tickets, n -> RemoteHost.start(n, credentials));
    }

    private void newContext(String name, Role role, sessionlab.scenario.ContextOptions o) throws StackException {
        if (contexts.containsKey(name) && !contexts.get(name).freed) {
            throw new StackException("rebind", "'" + name + "' still names a live SSL_CTX; SSL_CTX_free it first");
        }
        ContextMapping.Spec spec = ContextMapping.map(role, o);
        Host host = hostFor(role, spec.tickets());
        int id = ++nextId;
        Hosted.ContextInfo info = host.call(new Hosted.NewContext(id, role == Role.SERVER, spec.stateless(), spec.cacheSize(), spec.timeoutSeconds()));
        Map<String, String> settings = ContextMapping.settings(role, spec, info, host);
        JsseContext c = new JsseContext(name, role, o, host, id, spec.protocols(), spec.stateless(), info.cacheSize(), settings);
        contexts.put(name, c);
        everyContext.add(c);
        contextById.put(id, c);
        sink.emit(new Event.ContextCreated(name, role == Role.CLIENT ? "client" : "server", settings));
    }

    /** The scenario drops its SSLContext: no new engines, and its cache is no longer seen (engines made from it keep working). */
    private void freeContext(JsseContext c) {
        c.freedSeq = sink.emit(new Event.Call(c.name, "SSL_CTX_free", "")).seq();
        c.freedLine = line;
        c.host.call(new Hosted.FreeContext(c.id));
        c.freed = true;
        observe(Activity.Kind.CTX_FREE, "SSL_CTX_free(" + c.name + ")", null);
        sink.emit(new Event.Return(c.name, "SSL_CTX_free", "the scenario dropped its SSLContext; a new one has new ticket keys"));
        sink.emit(new Event.ContextFreed(c.name));
    }

    private void connect(String name, Op.Connect op) throws StackException {
        Conn old = connections.get(name);
        if (old != null && !(old.client.freed && old.server.freed)) {
            throw new StackException("rebind", "'" + name + "' still names a live connection; SSL_free both sides first");
        }
        JsseContext cctx = context(op.client().name());
        JsseContext sctx = context(op.server().name());
        if (cctx.role != Role.CLIENT) throw new StackException("wrong-role", "'" + cctx.name + "' is a server context: connect needs a client context first");
        if (sctx.role != Role.SERVER) throw new StackException("wrong-role", "'" + sctx.name + "' is a client context: connect needs a server context second");
        Tracked offer = null;
        String peer = "localhost";
        int port;
        if (op.session().isPresent()) {
            offer = calls.clientSession(op.session().get().name());
            peer = offer.view.peerHost();
            port = offer.view.peerPort();
        } else {
            port = nextPort++;
        }
        long latency = op.latency().map(Duration::toMillis).orElse(DEFAULT_LATENCY_MS);
        Link link = new Link(clock, latency, name, fault);
        Conn c = new Conn(name, port, link, new RecordTap(name, link, sink::emit));
        c.client = new End(c, sessionlab.scenario.Side.CLIENT, cctx, ++nextId);
        c.server = new End(c, sessionlab.scenario.Side.SERVER, sctx, ++nextId);
        connections.put(name, c);
        connectionOrder.add(c);
        ends.put(c.client.engine, c.client);
        ends.put(c.server.engine, c.server);
        byPort.putIfAbsent(port, c);
        sink.emit(new Event.ConnectionCreated(name, "client", cctx.name, latency));
        sink.emit(new Event.ConnectionCreated(name + ".server", "server", sctx.name, latency));
        String whyPort = offer == null ? " (a fresh fake peer port: the client cache holds nothing for it)"
                : " (the peer of " + op.session().get().name() + ": JSSE offers what its client cache holds for it)";
        sink.emit(new Event.Call(name, "createSSLEngine", "\"" + peer + "\", " + port + whyPort));
        cctx.host.call(new Hosted.NewEngine(cctx.id, c.client.engine, true, peer, port, new ArrayList<>(cctx.protocols)));
        sctx.host.call(new Hosted.NewEngine(sctx.id, c.server.engine, false, null, 0, new ArrayList<>(sctx.protocols)));
        for (Hosted.SessionView v : sctx.host.call(new Hosted.Cache(sctx.id))) c.serverCacheBefore.add(v.handle());
        Why.Before before = offer == null ? null : why.before(op.session().get().name(), offer);
        try {
            pump.handshake(c);
        } finally {
            observe(Activity.Kind.HANDSHAKE, "connect(" + name + ")", c.client);
            if (before != null) why.explain(c, before);
        }
    }

    /** Called by the pump when an engine's handshake returns FINISHED. */
    void handshakeDone(End e) {
        e.handshakeDone = true;
        observe(Activity.Kind.HANDSHAKE, e.handshakeCall() + "(" + e.display() + ")", e);
        Tracked s = sessions.sessionOf(e);
        e.version = s == null ? "" : s.version();
        boolean resumed = e.conn.resumedOnWire();
        boolean client = e.side == sessionlab.scenario.Side.CLIENT;
        String result = "1";
        if (client) {
            // the second witness of resumption, besides the wire: a resumed handshake never asks the trust manager
            e.trustCalls = sessions.trustCalls(e);
            result = "1 (the client's trust manager was consulted " + e.trustCalls + " time(s))";
        }
        sink.emit(new Event.Return(e.display(), e.handshakeCall(), result));
        sink.emit(new Event.HandshakeDone(e.conn.name, client ? "client" : "server", e.version, s == null ? "" : s.view.cipher(), resumed));
        if (client && resumed == (e.trustCalls > 0)) {
            sink.emit(new Event.Error(line, "evidence", "the wire says " + e.conn.name + (resumed ? " resumed" : " did a full handshake")
                    + " but the client's trust manager was consulted " + e.trustCalls + " time(s)"));
        }
        if (!client && "tls1.3".equals(e.version) && !e.ctx.stateless) calls.statefulTicketsSent(e);
    }

    // ---- expectations, clock, end ----

    @Override
    public Value evaluate(Expr.Fn fn) throws EvaluationException {
        try {
            return new JsseFacts(this).evaluate(fn);
        } catch (Host.HostFailure e) {
            throw new EvaluationException(e.getMessage());
        }
    }

    @Override
    public void advance(Duration by) {
        clock.advanceBy(by.toMillis());
        sink.emit(new Event.ClockAdvance(by.toMillis(), clock.now(), List.of("jsse sessions keep wall-clock time: "
                + "JSSE has no way to set a session's time, so advance ages no session, ticket or timeout")));
    }

    @Override
    public void settle() {
        // nothing to reconcile: there are no counts to compare holders with
    }

    @Override
    public List<String> keyLog() {
        return List.of(); // SSLEngine does not expose its secrets
    }

    @Override
    public void close() {
        try {
            calls.endOfRun();
        } catch (Host.HostFailure e) {
            sink.emit(new Event.Error(null, "host-failed", "at the end of the run: " + e.getMessage()));
        } finally {
            local.close();
            remotes.values().forEach(RemoteHost::close);
        }
    }

    Collection<End> liveEnds() {
        return ends.values().stream().filter(e -> !e.freed).sorted(java.util.Comparator.comparingInt(e -> e.engine)).toList();
    }
}
