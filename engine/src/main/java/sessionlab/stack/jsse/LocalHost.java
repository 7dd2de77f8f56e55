package sessionlab.stack.jsse;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import sessionlab.stack.jsse.Hosted.Cmd;
import sessionlab.stack.jsse.Hosted.SessionView;
import sessionlab.stack.jsse.Hosted.Step;

/**
 * The JSSE objects of this JVM, driven only through the public javax.net.ssl API. The sessions
 * they produce are numbered and their caches read by {@link HostSessions}; every engine call
 * tells it which context may have changed.
 */
final class LocalHost implements Host {
    static final String SERVER_TICKETS = "jdk.tls.server.enableSessionTicketExtension";
    static final String CLIENT_TICKETS = "jdk.tls.client.enableSessionTicketExtension";
    /** JSSE's session before a handshake: a placeholder, not a session. */
    static final String NO_SESSION = "SSL_NULL_WITH_NULL_NULL";
    private static final int MAX_BUFFER_RETRIES = 4;

    /** {@code draws}: a client context's SecureRandom, which shows the ids of the sessions it makes from tickets; null for a server. */
    private record Context(SSLContext context, boolean server, DrawnIds draws) {
        SSLSessionContext sessions() {
            return server ? context.getServerSessionContext() : context.getClientSessionContext();
        }
    }

    private final Map<Integer, Context> contexts = new TreeMap<>();
    private final Map<Integer, SSLEngine> engines = new TreeMap<>();
    private final Map<SSLEngine, Integer> trustCalls = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Integer, Integer> engineContext = new HashMap<>();
    /** Client engines in a full handshake with a peer new to their context: until it ends, they can only add their own session. */
    private final Set<Integer> freshHandshakes = new HashSet<>();
    /** Each client context's peers (host:port) that an engine was created for. */
    private final Map<Integer, Set<String>> peers = new HashMap<>();
    private final HostSessions seen;
    private ByteBuffer scratch = ByteBuffer.allocate(0);
    private KeyManagerFactory keys;
    private TrustManagerFactory trust;
    private int ticketCount;

    /** @param ticketCount what this JVM's servers send, measured once per JVM ({@link #countTickets}) */
    LocalHost(int ticketCount) {
        this(ticketCount, LocalHost.class.desiredAssertionStatus());
    }

    /** @param checkCaches compare every predicted cache with a real enumeration ({@link ContextCache}) */
    LocalHost(int ticketCount, boolean checkCaches) {
        this.ticketCount = ticketCount;
        this.seen = new HostSessions(checkCaches);
    }

    @Override
    public String where() {
        return "this JVM";
    }

    @Override
    public int ticketCount() {
        return ticketCount;
    }

    @Override
    public void close() {
        engines.clear();
        contexts.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R extends Serializable> R call(Cmd<R> cmd) {
        try {
            return (R) switch (cmd) {
                case Hosted.Init i -> init(i);
                case Hosted.NewContext n -> newContext(n);
                case Hosted.FreeContext f -> freeContext(f.ctx());
                case Hosted.NewEngine n -> newEngine(n);
                case Hosted.Begin b -> ran(b.engine(), begin(running(b.engine())));
                case Hosted.Wrap w -> ran(w.engine(), wrap(running(w.engine()), w.app()));
                case Hosted.Unwrap u -> ran(u.engine(), unwrap(running(u.engine()), u.net()));
                case Hosted.UnwrapWatching u -> unwrapWatching(u);
                case Hosted.Tasks t -> ran(t.engine(), tasks(running(t.engine())));
                case Hosted.CloseOutbound c -> closeOutbound(running(endFreshHandshake(c.engine())));
                case Hosted.FreeEngine f -> freeEngine(f.engine());
                case Hosted.Look l -> look();
                case Hosted.Cache c -> cache(c.ctx(), c.fresh());
                case Hosted.Invalidate i -> invalidate(i.session());
                case Hosted.CountTickets c -> countTickets();
            };
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new HostFailure(where() + ": " + cmd.getClass().getSimpleName() + " failed: " + e, e);
        }
    }

    private Integer init(Hosted.Init i) throws java.security.GeneralSecurityException, java.io.IOException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PrivateKey key = KeyFactory.getInstance(i.keyAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(i.keyPkcs8()));
        X509Certificate[] chain = new X509Certificate[i.chain().size()];
        for (int k = 0; k < chain.length; k++) chain[k] = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(i.chain().get(k)));
        X509Certificate ca = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(i.ca()));
        char[] password = "in-memory".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("localhost", key, password, chain);
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, password);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("demo-ca", ca);
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(ts);
        return 0;
    }

    /**
     * {@code jdk.tls.server.enableSessionTicketExtension} (or its client twin) is read when the
     * SSLContext builds its session contexts, inside getInstance, so it is set around
     * getInstance/init only (hosts are single-threaded) and restored afterwards.
     */
    private Hosted.ContextInfo newContext(Hosted.NewContext n) throws java.security.GeneralSecurityException {
        String property = n.server() ? SERVER_TICKETS : CLIENT_TICKETS;
        String before = System.getProperty(property);
        SSLContext c;
        DrawnIds draws = n.server() ? null : new DrawnIds();
        System.setProperty(property, Boolean.toString(n.stateless()));
        try {
            c = SSLContext.getInstance("TLS");
            TrustManager[] tms = n.server() ? null : new TrustManager[] {new CountingTrustManager(
                    (X509ExtendedTrustManager) trust.getTrustManagers()[0], trustCalls)};
            c.init(n.server() ? keys.getKeyManagers() : null, tms, draws);
        } finally {
            if (before == null) System.clearProperty(property);
            else System.setProperty(property, before);
        }
        Context ctx = new Context(c, n.server(), draws);
        ctx.sessions().setSessionCacheSize(n.cacheSize());
        ctx.sessions().setSessionTimeout(n.timeoutSeconds());
        contexts.put(n.ctx(), ctx);
        seen.ran(n.ctx());
        return new Hosted.ContextInfo(ctx.sessions().getSessionCacheSize(), ctx.sessions().getSessionTimeout(), n.stateless());
    }

    private Step newEngine(Hosted.NewEngine n) {
        Context ctx = contexts.get(n.ctx());
        if (ctx == null) throw new HostFailure(where() + ": no context " + n.ctx(), null);
        SSLEngine e = n.client() ? ctx.context().createSSLEngine(n.peerHost(), n.peerPort()) : ctx.context().createSSLEngine();
        e.setUseClientMode(n.client());
        SSLParameters p = e.getSSLParameters();
        p.setProtocols(n.protocols().toArray(String[]::new));
        if (n.client()) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
            p.setServerNames(List.of(new SNIHostName(n.peerHost()))); // JSSE sends no SNI for a dotless name by itself
        }
        e.setSSLParameters(p);
        engines.put(n.engine(), e);
        engineContext.put(n.engine(), n.ctx());
        // JSSE's client cache is keyed by peer host:port: for a peer new to the context it has nothing to offer
        String peer = n.peerHost() == null ? null : (n.peerHost() + ":" + n.peerPort()).toLowerCase(java.util.Locale.ROOT);
        if (n.client() && peer != null && peers.computeIfAbsent(n.ctx(), k -> new HashSet<>()).add(peer)) freshHandshakes.add(n.engine());
        return status(e);
    }

    /**
     * An engine about to be called: whatever it does may change its context's cache, except that a
     * fresh handshake (see {@link ContextCache}) can only add the engine's own session.
     */
    private SSLEngine running(int n) {
        SSLEngine e = engine(n);
        if (freshHandshakes.contains(n)) seen.handshaking(engineContext.get(n), e);
        else seen.ran(engineContext.get(n));
        return e;
    }

    private SSLEngine engine(int n) {
        SSLEngine e = engines.get(n);
        if (e == null) throw new HostFailure(where() + ": no engine " + n, null);
        return e;
    }

    /** After an engine call: a fresh handshake ends with FINISHED; one that failed or closed may have changed anything. */
    private Step ran(int n, Step s) {
        if (!freshHandshakes.contains(n)) return s;
        if (s.error() != null || s.outboundDone() || s.inboundDone() || "CLOSED".equals(s.result())) {
            seen.ran(engineContext.get(endFreshHandshake(n)));
        } else if (s.finished()) {
            endFreshHandshake(n);
        }
        return s;
    }

    private int endFreshHandshake(int n) {
        freshHandshakes.remove(n);
        return n;
    }

    private boolean freeEngine(int n) {
        engineContext.remove(n);
        freshHandshakes.remove(n);
        SSLEngine e = engines.remove(n);
        if (e != null) trustCalls.remove(e); // its count is never asked for again: the engine is not kept for it
        return e != null;
    }

    private boolean freeContext(int ctx) {
        seen.forget(ctx);
        peers.remove(ctx);
        return contexts.remove(ctx) != null;
    }

    private static Step status(SSLEngine e) {
        String hs = e.getHandshakeStatus().name();
        return new Step("", hs, hs, 0, new byte[0], new byte[0], null, e.isOutboundDone(), e.isInboundDone());
    }

    private static Step failed(SSLEngine e, SSLException x) {
        String hs = e.getHandshakeStatus().name();
        String why = x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
        return new Step("", hs, hs, 0, new byte[0], new byte[0], why, e.isOutboundDone(), e.isInboundDone());
    }

    private static Step begin(SSLEngine e) {
        try {
            e.beginHandshake();
            return status(e);
        } catch (SSLException x) {
            return failed(e, x);
        }
    }

    /** A destination of at least {@code size} bytes, emptied: one per host, which runs one call at a time. */
    private ByteBuffer scratch(int size) {
        if (scratch.capacity() < size) scratch = ByteBuffer.allocate(size);
        return scratch.clear();
    }

    /** One wrap; a destination that is too small is grown and the call repeated (BUFFER_OVERFLOW). */
    private Step wrap(SSLEngine e, byte[] app) {
        ByteBuffer src = ByteBuffer.wrap(app);
        int size = e.getSession().getPacketBufferSize();
        try {
            for (int attempt = 0; ; attempt++) {
                ByteBuffer dst = scratch(size);
                SSLEngineResult r = e.wrap(src, dst);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW && attempt < MAX_BUFFER_RETRIES) {
                    size *= 2;
                    continue;
                }
                return step(e, r, Arrays.copyOf(dst.array(), dst.position()), new byte[0]);
            }
        } catch (SSLException x) {
            return failed(e, x);
        }
    }

    /** One unwrap (at most one record); BUFFER_UNDERFLOW comes back with nothing consumed. */
    private Step unwrap(SSLEngine e, byte[] net) {
        ByteBuffer src = ByteBuffer.wrap(net);
        int size = e.getSession().getApplicationBufferSize();
        try {
            for (int attempt = 0; ; attempt++) {
                ByteBuffer dst = scratch(size);
                SSLEngineResult r = e.unwrap(src, dst);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW && attempt < MAX_BUFFER_RETRIES) {
                    size *= 2;
                    continue;
                }
                return step(e, r, new byte[0], Arrays.copyOf(dst.array(), dst.position()));
            }
        } catch (SSLException x) {
            return failed(e, x);
        }
    }

    private static Step step(SSLEngine e, SSLEngineResult r, byte[] produced, byte[] app) {
        return new Step(r.getStatus().name(), r.getHandshakeStatus().name(), e.getHandshakeStatus().name(), r.bytesConsumed(),
                produced, app, null, e.isOutboundDone(), e.isInboundDone());
    }

    private static Step tasks(SSLEngine e) {
        Runnable task;
        while ((task = e.getDelegatedTask()) != null) task.run();
        return status(e);
    }

    private static Step closeOutbound(SSLEngine e) {
        e.closeOutbound();
        return status(e);
    }

    private ArrayList<SessionView> cache(int ctx, boolean fresh) {
        Context c = contexts.get(ctx);
        ArrayList<SessionView> out = new ArrayList<>();
        if (c != null) for (int h : seen.cached(ctx, c.sessions(), fresh)) out.add(seen.view(h));
        return out;
    }

    /**
     * Sessions never seen before get the next numbers, so what the unwrap added is what is numbered
     * after it began. A client past its handshake whose read ends quietly (no error, nothing closed,
     * no new handshake) can only have stored tickets: their ids are the ones its context's SecureRandom
     * drew meanwhile ({@link ContextCache.Prediction#DRAWN_IDS}).
     */
    private Hosted.Watched unwrapWatching(Hosted.UnwrapWatching u) {
        int ctx = engineContext.getOrDefault(u.engine(), -1);
        Context c = contexts.get(ctx);
        if (c != null) seen.cached(ctx, c.sessions(), false);
        int before = seen.count();
        SSLEngine e = engine(u.engine());
        Step step;
        if (c != null && c.draws() != null && !freshHandshakes.contains(u.engine()) && handshakeDone(e)) {
            boolean onlyTickets = false;
            c.draws().watch();
            try {
                step = unwrap(e, u.net());
                List<byte[]> drawn = c.draws().stop();
                onlyTickets = step.error() == null && !"CLOSED".equals(step.result()) && quiet(e);
                if (onlyTickets) seen.drawn(ctx, drawn, e.getSession().getCreationTime());
            } finally {
                c.draws().stop();
                if (!onlyTickets) seen.ran(ctx);
            }
        } else {
            step = ran(u.engine(), unwrap(running(u.engine()), u.net()));
        }
        ArrayList<SessionView> arrived = new ArrayList<>();
        if (c != null) {
            int[] now = seen.cached(ctx, c.sessions(), false);
            int from = now.length;
            while (from > 0 && now[from - 1] > before) from--; // sorted: the new ones are last
            for (int k = from; k < now.length; k++) arrived.add(seen.view(now[k]));
        }
        return new Hosted.Watched(step, arrived);
    }

    private static boolean handshakeDone(SSLEngine e) {
        return e.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING && !NO_SESSION.equals(e.getSession().getCipherSuite());
    }

    /** Still past its handshake, nothing closed, no error: its read cannot have invalidated or looked up a session. */
    private static boolean quiet(SSLEngine e) {
        return e.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING && !e.isInboundDone() && !e.isOutboundDone();
    }

    private Hosted.Snapshot look() {
        HashMap<Integer, Integer> engineSessions = new HashMap<>();
        HashMap<Integer, Integer> calls = new HashMap<>();
        for (Map.Entry<Integer, SSLEngine> e : engines.entrySet()) {
            SSLSession s = e.getValue().getSession();
            if (s != null && !NO_SESSION.equals(s.getCipherSuite())) engineSessions.put(e.getKey(), seen.handle(s));
            calls.put(e.getKey(), trustCalls.getOrDefault(e.getValue(), 0));
        }
        HashMap<Integer, int[]> caches = new HashMap<>();
        for (Map.Entry<Integer, Context> c : contexts.entrySet()) {
            caches.put(c.getKey(), seen.cached(c.getKey(), c.getValue().sessions(), false));
        }
        return new Hosted.Snapshot(engineSessions, caches, seen.changedSinceLastLook(engineSessions.values()), calls);
    }

    /** How often the context's cache was enumerated through getIds(): what reading it cost. */
    int cacheEnumerations(int ctx) {
        return seen.enumerations(ctx);
    }

    /** The probe's sessions are forgotten: session numbers start with the run's own. */
    private int countTickets() {
        int n = TicketProbe.count(this);
        seen.clear();
        ticketCount = n;
        return n;
    }

    /** JSSE answers by removing the session from its context: every context is read again. */
    private boolean invalidate(int handle) {
        SSLSession s = seen.get(handle);
        if (s == null) return false;
        s.invalidate();
        seen.invalidated(handle, contexts.keySet());
        return true;
    }
}
