package sessionlab.stack.bc;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import sessionlab.event.Event;
import sessionlab.event.EventSink;
import sessionlab.scenario.ContextOptions;
import sessionlab.scenario.EvaluationException;
import sessionlab.scenario.Expr;
import sessionlab.scenario.Op;
import sessionlab.scenario.Position;
import sessionlab.scenario.Role;
import sessionlab.scenario.Value;
import sessionlab.stack.StackException;
import sessionlab.stack.StackRun;
import sessionlab.wire.VirtualClock;
import sessionlab.wire.WireFaults;

/**
 * One scenario run on Bouncy Castle's bctls. Handshakes are real bctls handshakes; what bctls does is
 * read from its own objects and callbacks; what bctls leaves to the application (the session cache,
 * its counters, who holds a session) is the lab's own and is reported as such.
 */
final class BcRun implements StackRun {
    final EventSink sink;
    final VirtualClock clock;
    final WireFaults faults;
    final BcEndpoint.Env env;
    final BcSessions sessions;
    final BcLedger ledger;
    final Map<String, BcContext> contexts = new HashMap<>();
    final Map<String, BcConnection> connections = new HashMap<>();
    final BcConnections connectionCalls = new BcConnections(this);
    final BcSessionCalls sessionCalls = new BcSessionCalls(this);
    final BcExplainer explainer = new BcExplainer(this);
    private final List<String> keyLog = new ArrayList<>();
    private int anonymous;

    BcRun(BcCredentials credentials, EventSink sink, VirtualClock clock, WireFaults faults) {
        this.sink = sink;
        this.clock = clock;
        this.faults = faults;
        this.env = new BcEndpoint.Env(new BcTlsCrypto(new SecureRandom()), credentials, sink, (label, line) -> keyLog.add(line));
        this.sessions = new BcSessions(sink, clock);
        this.ledger = new BcLedger(sessions, sink);
    }

    void observe() {
        ledger.observe();
    }

    @Override
    public void settle() {
        observe();
    }

    @Override
    public void perform(Op op, Optional<String> bindTo, Position at) throws StackException {
        sessions.line = at.line();
        sessions.during = op.callName();
        switch (op) {
            case Op.CtxNew n -> newContext(bindTo.orElse("ctx@" + at.line()), n.role(), n.options());
            case Op.Connect c -> connectionCalls.connect(bindTo.orElseGet(() -> "conn" + (++anonymous)), c);
            case Op.Read r -> connectionCalls.read(connectionCalls.end(r.conn()));
            case Op.Write w -> connectionCalls.write(connectionCalls.end(w.conn()), w.text());
            case Op.Shutdown s -> connectionCalls.shutdown(connectionCalls.end(s.conn()));
            case Op.Free f -> connectionCalls.free(connectionCalls.end(f.conn()));
            case Op.Clear c -> connectionCalls.clear(connectionCalls.end(c.conn()));
            case Op.SetSession s -> sessionCalls.setSession(connectionCalls.end(s.conn()), s.session());
            case Op.GetSession g -> sessionCalls.get(connectionCalls.end(g.conn()), g.kind(), bindTo, at);
            case Op.SessionFree f -> sessionCalls.free(f.session());
            case Op.SessionUpRef u -> sessionCalls.upRef(u.session());
            case Op.CtxAddSession a -> sessionCalls.addToCache(context(a.ctx().name()), a.session());
            case Op.CtxRemoveSession r -> sessionCalls.removeFromCache(context(r.ctx().name()), r.session());
            case Op.CtxFlush f -> sessionCalls.flush(context(f.ctx().name()), f.at());
            case Op.CtxFree f -> freeContext(context(f.ctx().name()));
            case Op.NewSession n -> sessionCalls.newSession(n);
        }
    }

    BcContext context(String name) throws StackException {
        BcContext c = contexts.get(name);
        if (c == null) throw new StackException("undefined", "'" + name + "' is not a context of this run");
        if (c.freed) throw new StackException("freed", "'" + name + "' was freed with SSL_CTX_free");
        return c;
    }

    private void newContext(String name, Role role, ContextOptions o) throws StackException {
        if (contexts.containsKey(name) && !contexts.get(name).freed) {
            throw new StackException("rebind", "'" + name + "' still names a live SSL_CTX; SSL_CTX_free it first");
        }
        BcContext.check(o);
        BcContext c = new BcContext(name, role, o, sessions, sink);
        contexts.put(name, c);
        ledger.contexts.add(c);
        sink.emit(new Event.ContextCreated(name, role == Role.CLIENT ? "client" : "server", c.settings()));
    }

    /**
     * SSL_CTX_free: the lab's cache goes with the context (flushed, its sessions invalidated, as libssl
     * does when a context is finally freed). A later context of the same name is a restart: it knows none of them.
     */
    private void freeContext(BcContext c) {
        c.freedSeq = sink.emit(new Event.Call(c.name, "SSL_CTX_free", "")).seq();
        c.freedLine = sessions.line;
        sessions.during = "SSL_CTX_free(" + c.name + ")";
        dropContext(c);
        sink.emit(new Event.Return(c.name, "SSL_CTX_free", "the lab's cache of this context was flushed"));
        sink.emit(new Event.ContextFreed(c.name));
        observe();
    }

    /** The lab flushes the context's cache and lets go of it (SSL_CTX_free, or the end of the run). */
    private void dropContext(BcContext c) {
        c.cache.flush(clock.now(), true);
        c.freed = true;
        ledger.contexts.remove(c);
    }

    @Override
    public Value evaluate(Expr.Fn fn) throws EvaluationException {
        return new BcFacts(this).evaluate(fn);
    }

    /** Virtual time moves; the lab's caches age on the same clock, so nothing needs rewriting. */
    @Override
    public void advance(Duration by) {
        clock.advanceBy(by.toMillis());
        sink.emit(new Event.ClockAdvance(by.toMillis(), clock.now(), List.of()));
    }

    @Override
    public List<String> keyLog() {
        return List.copyOf(keyLog);
    }

    /**
     * As on every stack, what the scenario still holds at the end is reported as a leak (DESIGN: the
     * end of a run), then let go: the names drop their references, the connection ends and contexts are
     * dropped, and the sessions nothing holds any more are reported as garbage. Nothing is freed by
     * hand: the JVM collects.
     */
    @Override
    public void close() {
        sessions.during = "the end of the run";
        for (BcVariable v : ledger.variables.values()) {
            if (v.session == null || v.released) continue;
            sink.emit(new Event.Leak("var " + v.name, v.session.number));
            v.released = true;
            v.releasedBy = "the end of the run";
        }
        for (BcEndpoint e : List.copyOf(ledger.endpoints)) {
            sink.emit(new Event.Leak("SSL " + e.display(), null));
            connectionCalls.drop(e);
        }
        for (BcContext c : List.copyOf(ledger.contexts)) {
            sink.emit(new Event.Leak("SSL_CTX " + c.name, null));
            dropContext(c);
            sink.emit(new Event.ContextFreed(c.name));
        }
        observe();
        connections.clear();
    }
}
