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
 * The JSSE objects of this JVM, driven only through the public javax.net.ssl API. Sessions get a
 * number the first time they are seen; the host keeps a strong reference to each, so the
 * soft-reference session caches never lose one to the garbage collector during a run.
 *
 * <p>Enumerating a cache costs one step per entry, and a client cache keeps every ticket, so a
 * context's cache is enumerated again only after something ran in that context (an engine call,
 * an invalidation) or when a fresh lookup is asked for; a look reports the views of new sessions,
 * of sessions that entered or left a cache, and of the engines' sessions, not of every session ever seen.
 */
final class LocalHost implements Host {
    static final String SERVER_TICKETS = "jdk.tls.server.enableSessionTicketExtension";
    static final String CLIENT_TICKETS = "jdk.tls.client.enableSessionTicketExtension";
    /** JSSE's session before a handshake: a placeholder, not a session. */
    private static final String NO_SESSION = "SSL_NULL_WITH_NULL_NULL";
    private static final int MAX_BUFFER_RETRIES = 4;

    private record Context(SSLContext context, boolean server) {
        SSLSessionContext sessions() {
            return server ? context.getServerSessionContext() : context.getClientSessionContext();
        }
    }

    private final Map<Integer, Context> contexts = new TreeMap<>();
    private final Map<Integer, SSLEngine> engines = new TreeMap<>();
    private final Map<SSLSession, Integer> handles = new IdentityHashMap<>();
    private final List<SSLSession> sessions = new ArrayList<>();
    private final Map<SSLEngine, Integer> trustCalls = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Integer, Integer> engineContext = new HashMap<>();
    /** Each context's cache as last enumerated (sorted handles); replaced, never changed in place. */
    private final Map<Integer, int[]> enumerated = new HashMap<>();
    /** Each context's cached session ids and their sessions, as last enumerated. */
    private final Map<Integer, Map<ByteBuffer, CachedId>> idHandles = new HashMap<>();
    private int enumerations;

    /** A cached session id's session, and the enumeration that last saw it. */
    private static final class CachedId {
        final int handle;
        int seen;

        CachedId(int handle) {
            this.handle = handle;
        }
    }

    /** Contexts something ran in since their cache was last enumerated. */
    private final Set<Integer> dirty = new HashSet<>();
    private final Map<Integer, SessionView> views = new HashMap<>();
    /** Sessions whose view must be read again: they entered or left a cache, or were invalidated. */
    private final Set<Integer> stale = new HashSet<>();
    /** The same since the last look, which reports them. */
    private final Set<Integer> changedSinceLook = new HashSet<>();
    private int handlesReported;
    private KeyManagerFactory keys;
    private TrustManagerFactory trust;
    private int ticketCount;

    /** @param ticketCount what this JVM's servers send, measured once per JVM ({@link #countTickets}) */
    LocalHost(int ticketCount) {
        this.ticketCount = ticketCount;
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
                case Hosted.Begin b -> begin(running(b.engine()));
                case Hosted.Wrap w -> wrap(running(w.engine()), w.app());
                case Hosted.Unwrap u -> unwrap(running(u.engine()), u.net());
                case Hosted.UnwrapWatching u -> unwrapWatching(u);
                case Hosted.Tasks t -> tasks(running(t.engine()));
                case Hosted.CloseOutbound c -> closeOutbound(running(c.engine()));
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
        System.setProperty(property, Boolean.toString(n.stateless()));
        try {
            c = SSLContext.getInstance("TLS");
            TrustManager[] tms = n.server() ? null : new TrustManager[] {new CountingTrustManager(
                    (X509ExtendedTrustManager) trust.getTrustManagers()[0], trustCalls)};
            c.init(n.server() ? keys.getKeyManagers() : null, tms, null);
        } finally {
            if (before == null) System.clearProperty(property);
            else System.setProperty(property, before);
        }
        Context ctx = new Context(c, n.server());
        ctx.sessions().setSessionCacheSize(n.cacheSize());
        ctx.sessions().setSessionTimeout(n.timeoutSeconds());
        contexts.put(n.ctx(), ctx);
        dirty.add(n.ctx());
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
        return status(e);
    }

    /** An engine about to be called: whatever it does may change its context's cache. */
    private SSLEngine running(int n) {
        SSLEngine e = engines.get(n);
        if (e == null) throw new HostFailure(where() + ": no engine " + n, null);
        dirty.add(engineContext.get(n));
        return e;
    }

    private boolean freeEngine(int n) {
        engineContext.remove(n);
        return engines.remove(n) != null;
    }

    /** Its cached sessions leave with it: their views are read again. */
    private boolean freeContext(int ctx) {
        idHandles.remove(ctx);
        int[] was = enumerated.remove(ctx);
        if (was != null) for (int h : was) changed(h);
        dirty.remove(ctx);
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

    /** One wrap; a destination that is too small is grown and the call repeated (BUFFER_OVERFLOW). */
    private static Step wrap(SSLEngine e, byte[] app) {
        ByteBuffer src = ByteBuffer.wrap(app);
        int size = e.getSession().getPacketBufferSize();
        try {
            for (int attempt = 0; ; attempt++) {
                ByteBuffer dst = ByteBuffer.allocate(size);
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
    private static Step unwrap(SSLEngine e, byte[] net) {
        ByteBuffer src = ByteBuffer.wrap(net);
        int size = e.getSession().getApplicationBufferSize();
        try {
            for (int attempt = 0; ; attempt++) {
                ByteBuffer dst = ByteBuffer.allocate(size);
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

    private int handle(SSLSession s) {
        Integer h = handles.get(s);
        if (h != null) return h;
        sessions.add(s);
        handles.put(s, sessions.size());
        return sessions.size();
    }

    /** The session as its public API shows it now. */
    private SessionView read(int handle) {
        SSLSession s = sessions.get(handle - 1);
        SSLSessionContext sc = s.getSessionContext();
        SessionView v = new SessionView(handle, s.getId(), s.getProtocol(), s.getCipherSuite(), s.getPeerHost(), s.getPeerPort(),
                s.isValid(), sc == null ? -1 : sc.getSessionTimeout(), s.getCreationTime());
        views.put(handle, v);
        stale.remove(handle);
        return v;
    }

    /** The session's view, read again only if something may have changed it. */
    private SessionView view(int handle) {
        SessionView v = views.get(handle);
        return v == null || stale.contains(handle) ? read(handle) : v;
    }

    private void changed(int handle) {
        stale.add(handle);
        changedSinceLook.add(handle);
    }

    /**
     * The context's cache (sorted handles). {@code fresh}, or after anything ran in the context:
     * enumerated through getIds(), which drops sessions past their timeout on the wall clock (JSSE's
     * own rule); otherwise as last enumerated.
     *
     * <p>JSSE's cache is least-recently-used: every getSession(id) is a use that reorders it. So a
     * session is looked up once, when its id first appears (to learn which object it is), never
     * again while it stays; a session id names one object in a context's cache (JSSE caches a
     * resumed TLS 1.2 session as the same object, and a new session has a new random id). The one
     * lookup can only reorder sessions that entered the cache in the same step.
     */
    private int[] cached(int id, Context c, boolean fresh) {
        int[] last = enumerated.get(id);
        if (last != null && !fresh && !dirty.contains(id)) return last;
        dirty.remove(id);
        SSLSessionContext sc = c.sessions();
        Map<ByteBuffer, CachedId> known = idHandles.computeIfAbsent(id, k -> new HashMap<>());
        int round = ++enumerations;
        List<byte[]> ids = Collections.list(sc.getIds());
        int[] now = new int[ids.size()];
        int n = 0;
        for (byte[] sid : ids) {
            ByteBuffer key = ByteBuffer.wrap(sid);
            CachedId k = known.get(key);
            if (k == null) {
                SSLSession s = sc.getSession(sid);
                if (s == null) continue;
                k = new CachedId(handle(s));
                known.put(key, k);
            }
            k.seen = round;
            now[n++] = k.handle;
        }
        if (known.size() != n) known.values().removeIf(k -> k.seen != round); // an id that left is looked up again if it comes back
        now = n == now.length ? now : Arrays.copyOf(now, n);
        Arrays.sort(now);
        if (Arrays.equals(now, last)) return last;
        int[] was = last == null ? new int[0] : last;
        int i = 0, j = 0;
        while (i < was.length || j < now.length) { // both sorted: whatever is in one only entered or left
            if (j == now.length || (i < was.length && was[i] < now[j])) changed(was[i++]);
            else if (i == was.length || now[j] < was[i]) changed(now[j++]);
            else {
                i++;
                j++;
            }
        }
        enumerated.put(id, now);
        return now;
    }

    private ArrayList<SessionView> cache(int ctx, boolean fresh) {
        Context c = contexts.get(ctx);
        ArrayList<SessionView> out = new ArrayList<>();
        if (c != null) for (int h : cached(ctx, c, fresh)) out.add(view(h));
        return out;
    }

    /** Sessions never seen before get the next numbers, so what the unwrap added is what is numbered after it began. */
    private Hosted.Watched unwrapWatching(Hosted.UnwrapWatching u) {
        int ctx = engineContext.getOrDefault(u.engine(), -1);
        Context c = contexts.get(ctx);
        if (c != null) cached(ctx, c, false);
        int seen = sessions.size();
        Step step = unwrap(running(u.engine()), u.net());
        ArrayList<SessionView> arrived = new ArrayList<>();
        if (c != null) for (int h : cached(ctx, c, false)) if (h > seen) arrived.add(view(h));
        return new Hosted.Watched(step, arrived);
    }

    private Hosted.Snapshot look() {
        HashMap<Integer, Integer> engineSessions = new HashMap<>();
        HashMap<Integer, Integer> calls = new HashMap<>();
        for (Map.Entry<Integer, SSLEngine> e : engines.entrySet()) {
            SSLSession s = e.getValue().getSession();
            if (s != null && !NO_SESSION.equals(s.getCipherSuite())) engineSessions.put(e.getKey(), handle(s));
            calls.put(e.getKey(), trustCalls.getOrDefault(e.getValue(), 0));
        }
        HashMap<Integer, int[]> caches = new HashMap<>();
        for (Map.Entry<Integer, Context> c : contexts.entrySet()) caches.put(c.getKey(), cached(c.getKey(), c.getValue(), false));
        HashMap<Integer, SessionView> changedViews = new HashMap<>();
        for (int h = handlesReported + 1; h <= sessions.size(); h++) changedViews.put(h, view(h));
        for (int h : changedSinceLook) changedViews.put(h, view(h));
        for (int h : engineSessions.values()) changedViews.put(h, read(h)); // an engine may invalidate its session (a fatal alert)
        handlesReported = sessions.size();
        changedSinceLook.clear();
        return new Hosted.Snapshot(engineSessions, caches, changedViews, calls);
    }

    /** The probe's sessions are forgotten: session numbers start with the run's own. */
    private int countTickets() {
        int n = TicketProbe.count(this);
        sessions.clear();
        handles.clear();
        views.clear();
        stale.clear();
        changedSinceLook.clear();
        handlesReported = 0;
        ticketCount = n;
        return n;
    }

    /** JSSE answers by removing the session from its context: every context is looked at again. */
    private boolean invalidate(int handle) {
        if (handle < 1 || handle > sessions.size()) return false;
        sessions.get(handle - 1).invalidate();
        changed(handle);
        dirty.addAll(contexts.keySet());
        return true;
    }
}
