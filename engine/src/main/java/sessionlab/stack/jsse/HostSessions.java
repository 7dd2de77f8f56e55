package sessionlab.stack.jsse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import sessionlab.stack.jsse.Hosted.SessionView;

/**
 * The sessions one host has seen, numbered 1, 2, ... the first time each is seen, and each context's
 * cache as last read. The host keeps a strong reference to every session, so the soft-reference
 * session caches never lose one to the garbage collector during a run.
 *
 * <p>Reading a cache costs one step per entry, and a client cache keeps every ticket, so a context's
 * cache is read again only after something ran in that context ({@link #ran}, {@link #invalidated})
 * or when a fresh read is asked for; a look reports the views of new sessions, of sessions that
 * entered or left a cache, and of the engines' sessions, not of every session ever seen.
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
    /** Each context's cache as last read (sorted handles); replaced, never changed in place. */
    private final Map<Integer, int[]> enumerated = new HashMap<>();
    /** Each context's cached session ids and their sessions, as last read. */
    private final Map<Integer, Map<ByteBuffer, CachedId>> ids = new HashMap<>();
    /** Contexts something ran in since their cache was last read. */
    private final Set<Integer> dirty = new HashSet<>();
    private int reads;

    /** A cached session id's session, and the read that last saw it. */
    private static final class CachedId {
        final int handle;
        int seen;

        CachedId(int handle) {
            this.handle = handle;
        }
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
        dirty.add(ctx);
    }

    /** JSSE took an invalidated session out of its context: any of {@code contexts} may have changed. */
    void invalidated(int handle, Collection<Integer> contexts) {
        changed(handle);
        dirty.addAll(contexts);
    }

    /** A freed context: its cached sessions leave with it, so their views are read again. */
    void forget(int ctx) {
        ids.remove(ctx);
        int[] was = enumerated.remove(ctx);
        if (was != null) for (int h : was) changed(h);
        dirty.remove(ctx);
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

    private void changed(int handle) {
        stale.add(handle);
        changedSinceLook.add(handle);
    }

    /**
     * The context's cache (sorted handles). {@code fresh}, or after anything ran in the context:
     * read through getIds(), which drops sessions past their timeout on the wall clock (JSSE's own
     * rule); otherwise as last read.
     *
     * <p>JSSE's cache is least-recently-used: every getSession(id) is a use that reorders it. So a
     * session is looked up once, when its id first appears (to learn which object it is), never
     * again while it stays; a session id names one object in a context's cache (JSSE caches a
     * resumed TLS 1.2 session as the same object, and a new session has a new random id). The one
     * lookup can only reorder sessions that entered the cache in the same step.
     */
    int[] cached(int ctx, SSLSessionContext sc, boolean fresh) {
        int[] last = enumerated.get(ctx);
        if (last != null && !fresh && !dirty.contains(ctx)) return last;
        dirty.remove(ctx);
        Map<ByteBuffer, CachedId> known = ids.computeIfAbsent(ctx, k -> new HashMap<>());
        int read = ++reads;
        List<byte[]> present = Collections.list(sc.getIds());
        int[] now = new int[present.size()];
        int n = 0;
        for (byte[] sid : present) {
            ByteBuffer key = ByteBuffer.wrap(sid);
            CachedId k = known.get(key);
            if (k == null) {
                SSLSession s = sc.getSession(sid);
                if (s == null) continue;
                k = new CachedId(handle(s));
                known.put(key, k);
            }
            k.seen = read;
            now[n++] = k.handle;
        }
        if (known.size() != n) known.values().removeIf(k -> k.seen != read); // an id that left is looked up again if it comes back
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
        enumerated.put(ctx, now);
        return now;
    }
}
