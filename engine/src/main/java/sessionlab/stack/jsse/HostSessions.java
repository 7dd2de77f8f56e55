package sessionlab.stack.jsse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import sessionlab.stack.jsse.Hosted.SessionView;

/**
 * The sessions one host has seen, numbered 1, 2, ... the first time each is seen, and each context's
 * cache as last read ({@link ContextCache}). The host keeps a strong reference to every session, so
 * the soft-reference session caches never lose one to the garbage collector during a run.
 *
 * <p>Reading a cache costs one step per entry, and a client cache keeps every ticket, so a context's
 * cache is read again only after something ran in that context ({@link #ran}, {@link #invalidated}),
 * only as far as what ran could have changed it ({@link #handshaking}), or when a fresh read is asked
 * for; a look reports the views of new sessions, of sessions that entered or left a cache, and of the
 * engines' sessions, not of every session ever seen.
 */
final class HostSessions {
    private final List<SSLSession> sessions = new ArrayList<>();
    private final Map<SSLSession, Integer> handles = new IdentityHashMap<>();
    private final Map<Integer, SessionView> views = new HashMap<>();
    /** Sessions whose view must be read again: they entered or left a cache, or were invalidated. */
    private final Set<Integer> stale = new HashSet<>();
    /** The same since the last look, which reports them. */
    private final Set<Integer> changedSinceLook = new HashSet<>();
    private int handlesReported;
    private final Map<Integer, ContextCache> caches = new HashMap<>();
    /** Compare every predicted cache with a real enumeration (tests run with assertions). */
    private final boolean check;
    private final Set<ContextCache.Prediction> proven = EnumSet.noneOf(ContextCache.Prediction.class);
    private final Set<ContextCache.Prediction> disproven = EnumSet.noneOf(ContextCache.Prediction.class);

    HostSessions(boolean check) {
        this.check = check;
    }

    /** Whether this kind of prediction is made on this host: not once it was found wrong. */
    boolean predicts(ContextCache.Prediction p) {
        return !disproven.contains(p);
    }

    /** Whether a prediction of this kind is to be compared with a real enumeration. */
    boolean unproven(ContextCache.Prediction p) {
        return check || !proven.contains(p);
    }

    /** The outcome of comparing predictions with a real enumeration: {@code wrong} says how they differed, or is null. */
    void proven(List<ContextCache.Prediction> made, String wrong) {
        if (wrong == null) {
            proven.addAll(made);
            return;
        }
        if (check) throw new IllegalStateException("jsse: a client cache changed in a way the lab did not foresee (" + made + "): " + wrong);
        disproven.addAll(made);
    }

    /** The session's number, given now if it is new. */
    int handle(SSLSession s) {
        Integer h = handles.get(s);
        if (h != null) return h;
        sessions.add(s);
        handles.put(s, sessions.size());
        return sessions.size();
    }

    /** Sessions numbered so far: the next new one gets {@code count() + 1}. */
    int count() {
        return sessions.size();
    }

    SSLSession get(int handle) {
        return handle < 1 || handle > sessions.size() ? null : sessions.get(handle - 1);
    }

    /** Something ran in the context (an engine call, a new context): its cache may have changed. */
    void ran(int ctx) {
        cache(ctx).ran();
    }

    /** A client engine in a full handshake with a fresh peer ran in the context: at most its own session entered its cache. */
    void handshaking(int ctx, SSLEngine e) {
        if (predicts(ContextCache.Prediction.FRESH_HANDSHAKE)) cache(ctx).handshaking(e);
        else ran(ctx);
    }

    /** A client read after its handshake: at most sessions with the ids drawn meanwhile entered, copies of one created at {@code createdAt}. */
    void drawn(int ctx, List<byte[]> ids, long createdAt) {
        if (predicts(ContextCache.Prediction.DRAWN_IDS)) cache(ctx).drawn(ids, createdAt);
        else ran(ctx);
    }

    private ContextCache cache(int ctx) {
        return caches.computeIfAbsent(ctx, k -> new ContextCache(this));
    }

    /** Enumerations of the context's cache through getIds() so far. */
    int enumerations(int ctx) {
        ContextCache c = caches.get(ctx);
        return c == null ? 0 : c.enumerations();
    }

    /** JSSE took an invalidated session out of its context: any of {@code contexts} may have changed. */
    void invalidated(int handle, Collection<Integer> contexts) {
        changed(handle);
        for (int ctx : contexts) ran(ctx);
    }

    /** A freed context: its cached sessions leave with it, so their views are read again. */
    void forget(int ctx) {
        ContextCache was = caches.remove(ctx);
        if (was != null) for (int h : was.members()) changed(h);
    }

    /** Before the run: the ticket probe's sessions are not the run's. */
    void clear() {
        sessions.clear();
        handles.clear();
        views.clear();
        stale.clear();
        changedSinceLook.clear();
        handlesReported = 0;
    }

    /** The session as its public API shows it now. */
    SessionView read(int handle) {
        SSLSession s = sessions.get(handle - 1);
        SSLSessionContext sc = s.getSessionContext();
        SessionView v = new SessionView(handle, s.getId(), s.getProtocol(), s.getCipherSuite(), s.getPeerHost(), s.getPeerPort(),
                s.isValid(), sc == null ? -1 : sc.getSessionTimeout(), s.getCreationTime());
        views.put(handle, v);
        stale.remove(handle);
        return v;
    }

    /** The session's view, read again only if something may have changed it. */
    SessionView view(int handle) {
        SessionView v = views.get(handle);
        return v == null || stale.contains(handle) ? read(handle) : v;
    }

    /**
     * For a look: the views of sessions new or moved since the previous look, and of the engines'
     * sessions read afresh (an engine may invalidate its session: a fatal alert).
     */
    HashMap<Integer, SessionView> changedSinceLastLook(Collection<Integer> engineSessions) {
        HashMap<Integer, SessionView> out = new HashMap<>();
        for (int h = handlesReported + 1; h <= sessions.size(); h++) out.put(h, view(h));
        for (int h : changedSinceLook) out.put(h, view(h));
        for (int h : engineSessions) out.put(h, read(h));
        handlesReported = sessions.size();
        changedSinceLook.clear();
        return out;
    }

    /** The session entered or left a cache: its view is read again, and the next look reports it. */
    void changed(int handle) {
        stale.add(handle);
        changedSinceLook.add(handle);
    }

    /**
     * The context's cache (sorted handles). {@code fresh}, or after anything ran in the context:
     * read through getIds(), which drops sessions past their timeout on the wall clock (JSSE's own
     * rule); after only handshakes with fresh peers, as predicted and confirmed; otherwise as last read.
     */
    int[] cached(int ctx, SSLSessionContext sc, boolean fresh) {
        return cache(ctx).read(sc, fresh);
    }
}
