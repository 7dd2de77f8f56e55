package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sessionlab.event.Event;
import sessionlab.event.EventSink;
import sessionlab.scenario.ContextOptions;
import sessionlab.scenario.EvaluationException;
import sessionlab.scenario.Expr;
import sessionlab.scenario.NewCallback;
import sessionlab.scenario.Op;
import sessionlab.scenario.Position;
import sessionlab.scenario.Role;
import sessionlab.scenario.Value;
import sessionlab.stack.StackException;
import sessionlab.stack.StackRun;
import sessionlab.wire.VirtualClock;

/**
 * One scenario run on the real libssl. Every call of the language is the C call of the same name on
 * real objects; what libssl does is learned from its callbacks and from reading the objects.
 */
final class LibsslRun implements StackRun, NativeObserver {
    final Libssl lib;
    final NativeHooks hooks;
    final SessionLayout layout;
    final EventSink sink;
    final VirtualClock clock;
    final Scratch scratch;
    final Ledger ledger;
    final CacheWatch caches;
    final WirePump pump;
    final Credentials credentials;
    final Map<String, LibsslContext> contexts = new HashMap<>();
    final Map<String, Connection> connections = new HashMap<>();
    final Map<Long, Endpoint> bySsl = new HashMap<>();
    private final List<String> keyLog = new ArrayList<>();
    private final Handshakes handshakes;
    private final SessionCalls sessionCalls;
    private final ResumeExplainer explainer = new ResumeExplainer(this);
    private long subSecondMs;
    /** Tests may fault the wire; a scenario never does. */
    sessionlab.wire.WireFaults faults = sessionlab.wire.WireFaults.NONE;
    private int anonymous;

    LibsslRun(Libssl lib, NativeHooks hooks, SessionLayout layout, Credentials.Pem pem, EventSink sink, VirtualClock clock) {
        this.lib = lib;
        this.hooks = hooks;
        this.layout = layout;
        this.sink = sink;
        this.clock = clock;
        this.scratch = new Scratch(lib);
        this.ledger = new Ledger(lib, layout, sink, clock);
        this.caches = new CacheWatch(lib, hooks, layout, ledger, sink);
        this.pump = new WirePump(lib, scratch, sink);
        NativeHooks.enter(this);
        this.credentials = Credentials.load(lib, pem);
        this.handshakes = new Handshakes(this);
        this.sessionCalls = new SessionCalls(this);
    }

    // ---- observation ----

    /** Reads caches, holders and session properties; reports what changed since the last look. */
    void observe(boolean forceCacheWalk) {
        caches.observe(ledger.activity, forceCacheWalk);
        ledger.observe(scratch);
    }

    /** Runs one native call with its activity recorded, then looks at what it changed. */
    <T> T during(Activity activity, boolean forceCacheWalk, java.util.function.Supplier<T> call) {
        Activity before = ledger.activity;
        ledger.activity = activity;
        try {
            T result = call.get();
            observe(forceCacheWalk);
            return result;
        } finally {
            ledger.activity = before;
        }
    }

    Handshakes handshakes() {
        return handshakes;
    }

    ResumeExplainer explainer() {
        return explainer;
    }

    SessionCalls sessionCalls() {
        return sessionCalls;
    }

    @Override
    public void settle() {
        ledger.flushCreated();
        ledger.checkCounts();
        Throwable upcall = NativeHooks.takeFailure();
        if (upcall != null) sink.emit(new Event.Error(ledger.line, "internal", "a libssl callback failed: " + upcall));
    }

    // ---- the scenario's calls ----

    @Override
    public void perform(Op op, Optional<String> bindTo, Position at) throws StackException {
        ledger.line = at.line();
        switch (op) {
            case Op.CtxNew n -> newContext(bindTo.orElse("ctx@" + at.line()), n.role(), n.options());
            case Op.Connect c -> handshakes.connect(bindTo.orElseGet(() -> "conn" + (++anonymous)), c);
            case Op.Read r -> handshakes.read(handshakes.end(r.conn()));
            case Op.Write w -> handshakes.write(handshakes.end(w.conn()), w.text());
            case Op.Shutdown s -> handshakes.shutdown(handshakes.end(s.conn()));
            case Op.Free f -> handshakes.free(handshakes.end(f.conn()));
            case Op.Clear c -> handshakes.clear(handshakes.end(c.conn()));
            case Op.SetSession s -> sessionCalls.setSession(handshakes.end(s.conn()), s.session());
            case Op.GetSession g -> sessionCalls.get(handshakes.end(g.conn()), g.kind(), bindTo, at);
            case Op.SessionFree f -> sessionCalls.free(f.session());
            case Op.SessionUpRef u -> sessionCalls.upRef(u.session());
            case Op.CtxAddSession a -> sessionCalls.addToCache(context(a.ctx().name()), a.session());
            case Op.CtxRemoveSession r -> sessionCalls.removeFromCache(context(r.ctx().name()), r.session());
            case Op.CtxFlush f -> sessionCalls.flush(context(f.ctx().name()), f.at());
            case Op.CtxFree f -> freeContext(context(f.ctx().name()));
            case Op.NewSession n -> sessionCalls.newSession(context(n.ctx().name()), n.n(), bindTo, at);
        }
    }

    LibsslContext context(String name) throws StackException {
        LibsslContext c = contexts.get(name);
        if (c == null) throw new StackException("undefined", "'" + name + "' is not a context of this run");
        if (c.freed) {
            throw Guard.FREED_CONTEXT.refuse(this, name, null, "'" + name + "' was freed with SSL_CTX_free (line " + c.freedLine
                    + "); using it would touch memory that is gone or that only its SSL objects still hold");
        }
        return c;
    }

    private void newContext(String name, Role role, ContextOptions o) throws StackException {
        if (contexts.containsKey(name) && !contexts.get(name).freed) {
            throw new StackException("rebind", "'" + name + "' still names a live SSL_CTX; SSL_CTX_free it first");
        }
        MemorySegment ctx = lib.SSL_CTX_new(role == Role.CLIENT ? lib.TLS_client_method() : lib.TLS_server_method());
        if (ctx.address() == 0) throw new StackException("ssl-error", "SSL_CTX_new failed: " + lib.errors());
        ContextSetup.apply(this, ctx, role, o);
        LibsslContext c = new LibsslContext(name, role, ctx, o);
        contexts.put(name, c);
        ledger.contexts.add(c);
        caches.baseline(c);
        sink.emit(new Event.ContextCreated(name, role == Role.CLIENT ? "client" : "server", ContextSetup.settings(lib, ctx, o)));
    }

    private void freeContext(LibsslContext c) {
        c.freedSeq = sink.emit(new Event.Call(c.name, "SSL_CTX_free", "")).seq();
        c.freedLine = ledger.line;
        during(new Activity(Activity.Kind.CTX_FREE, "SSL_CTX_free(" + c.name + ")", null, c), false, () -> {
            lib.SSL_CTX_free(c.ptr);
            c.freed = true;
            return null;
        });
        sink.emit(new Event.Return(c.name, "SSL_CTX_free", caches.nativeAlive(c)
                ? "its SSL objects still hold it: the cache lives until the last is freed" : "freed"));
        sink.emit(new Event.ContextFreed(c.name));
    }

    // ---- expectations ----

    @Override
    public Value evaluate(Expr.Fn fn) throws EvaluationException {
        return new LibsslFacts(this).evaluate(fn);
    }

    // ---- the clock ----

    @Override
    public void advance(Duration by) {
        long ms = by.toMillis();
        clock.advanceBy(ms);
        long total = subSecondMs + ms;
        long seconds = total / 1000;
        subSecondMs = total % 1000;
        List<String> caveats = new ArrayList<>();
        if (seconds > 0) {
            during(new Activity(Activity.Kind.ADVANCE, "advance " + sessionlab.scenario.Durations.format(by), null, null), true, () -> {
                SessionAging.age(this, seconds, caveats);
                return null;
            });
        }
        if (subSecondMs > 0) caveats.add("libssl counts whole seconds: " + subSecondMs + " ms are carried to the next advance");
        sink.emit(new Event.ClockAdvance(ms, clock.now(), caveats));
    }

    @Override
    public List<String> keyLog() {
        return List.copyOf(keyLog);
    }

    // ---- the end of the run ----

    @Override
    public void close() {
        try {
            RunCleanup.run(this);
        } finally {
            credentials.free(lib);
            scratch.close();
            NativeHooks.leave();
        }
    }

    // ---- callbacks (NativeObserver) ----

    @Override
    public void sessionCreated(long session) {
        ledger.created(session);
    }

    @Override
    public void sessionDuplicated(long from, long to) {
        ledger.duplicated(from, to);
    }

    @Override
    public void sessionDestroyed(long session) {
        ledger.destroyed(session, caches);
    }

    @Override
    public void sslDestroyed(long ssl) {
        for (Endpoint e : ledger.endpoints) {
            if (!e.nativeDestroyed && e.ssl.address() == ssl) {
                e.nativeDestroyed = true;
                ledger.nativeSsls--;
            }
        }
    }

    @Override
    public void contextDestroyed(long ctx) {
        for (LibsslContext c : ledger.contexts) {
            if (!c.nativeDestroyed && c.ptr.address() == ctx) c.nativeDestroyed = true;
        }
    }

    @Override
    public void message(long ssl, boolean sent, int version, int contentType, MemorySegment buf) {
        Endpoint e = bySsl.get(ssl);
        if (e != null) MessageLog.message(this, e, sent, version, contentType, buf);
    }

    @Override
    public void keylog(long ssl, String line) {
        keyLog.add(line);
        Endpoint e = bySsl.get(ssl);
        int space = line.indexOf(' ');
        sink.emit(new Event.KeyLog(e == null ? "" : e.display(), space > 0 ? line.substring(0, space) : line));
    }

    @Override
    public int newSession(long ssl, long session) {
        Endpoint e = bySsl.get(ssl);
        TrackedSession s = ledger.session(session);
        if (e == null || s == null) return 0;
        LibsslContext c = e.ctx;
        c.newCallbacks++;
        c.newCallbackSessions.add(s);
        int returned = c.options.newCallback() == NewCallback.KEEP ? 1 : 0;
        if (returned == 1) c.kept.merge(s, 1, Integer::sum);
        sink.emit(new Event.Callback(c.name, "new", s.number, returned));
        return returned;
    }

    @Override
    public void removeSession(long ctx, long session) {
        TrackedSession s = ledger.session(session);
        for (LibsslContext c : ledger.contexts) {
            if (c.ptr.address() == ctx) {
                c.removeCallbacks++;
                sink.emit(new Event.Callback(c.name, "remove", s == null ? 0 : s.number, null));
            }
        }
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
