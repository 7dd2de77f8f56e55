package sessionlab.stack.jsse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * One context's cache as last read (sorted session handles and their ids) and what may have changed
 * it since: anything, so it is enumerated again through {@code getIds()}, or only client engines in a
 * full handshake with a fresh peer, whose one possible change is their own new session entering.
 *
 * <p>Enumerating costs a step per entry, and a client cache keeps every ticket of a run, so the
 * second case matters: a lesson of many connections would otherwise read its whole client cache at
 * every handshake. What SunJSSE does to a client cache (JDK 25): {@code Finished} puts the handshake
 * session; a client that offers a session takes it out (TLS 1.3, single use) or invalidates it when
 * declined; reading a NewSessionTicket puts new sessions; {@code invalidate()} and fatal alerts take
 * sessions out; the cache itself evicts its least recently used entry past its size, drops entries
 * past their timeout, and drops entries the collector cleared. An engine created for a peer no engine
 * of this context had before has nothing to offer (the client cache is keyed by peer host:port);
 * until its handshake finishes without error, the only change left is the put of its own session,
 * as long as the cache has room for it (no eviction) and no cached session can be past its timeout.
 * The lab holds every session it has seen, so the collector clears none. The put is then confirmed
 * with the one {@code getSession(id)} lookup an enumeration would also have made for that new id
 * (it was just put, so it is already the most recently used: the lookup reorders nothing). With
 * {@code check} (tests run with assertions), every such prediction is compared with a real
 * enumeration, and a difference is an error: the guess about JSSE would be wrong.
 */
final class ContextCache {
    private static final int[] NONE = {};
    private final HostSessions numbering;
    private final boolean check;
    private final SessionIds ids = new SessionIds();
    /** Sorted handles; replaced, never changed in place (a look hands the same array on while nothing changed). */
    private int[] members = NONE;
    private boolean dirty = true;
    private final List<SSLEngine> handshaking = new ArrayList<>();
    /** No member was created before this (wall clock, ms): nothing cached can expire earlier than it plus the timeout. */
    private long earliestCreation = Long.MAX_VALUE;
    private int reads;
    private int enumerations;

    ContextCache(HostSessions numbering, boolean check) {
        this.numbering = numbering;
        this.check = check;
    }

    int[] members() {
        return members;
    }

    /** Enumerations through getIds() so far. */
    int enumerations() {
        return enumerations;
    }

    /** Something ran whose effect on the cache is not known: the next read enumerates. */
    void ran() {
        dirty = true;
    }

    /** A client engine in a full handshake with a fresh peer ran: at most its own session entered. */
    void handshaking(SSLEngine e) {
        if (!handshaking.contains(e)) handshaking.add(e);
    }

    /** The cache now; {@code fresh} enumerates even if nothing ran (JSSE then drops expired sessions itself). */
    int[] read(SSLSessionContext sc, boolean fresh) {
        if (fresh || dirty || !predictable(sc)) {
            enumerate(sc);
        } else if (!handshaking.isEmpty()) {
            for (SSLEngine e : handshaking) for (SSLSession s : candidates(e)) confirmPut(sc, s);
            handshaking.clear();
            if (check) checkAgainstEnumeration(sc);
        }
        return members;
    }

    /** No eviction (room for every engine's session) and nothing past its timeout, by the wall clock JSSE uses. */
    private boolean predictable(SSLSessionContext sc) {
        if (handshaking.isEmpty()) return true;
        int limit = sc.getSessionCacheSize();
        if (limit > 0 && members.length + handshaking.size() > limit) return false;
        int timeout = sc.getSessionTimeout();
        if (timeout == 0) return true;
        long earliest = earliestCreation;
        for (SSLEngine e : handshaking) {
            for (SSLSession s : candidates(e)) earliest = Math.min(earliest, s.getCreationTime());
        }
        return System.currentTimeMillis() < earliest + timeout * 1000L;
    }

    /** The sessions a handshaking engine may have put: the one it is negotiating, or the one it finished with. */
    private static List<SSLSession> candidates(SSLEngine e) {
        List<SSLSession> c = new ArrayList<>(2);
        SSLSession h = e.getHandshakeSession();
        if (h != null) c.add(h);
        SSLSession s = e.getSession();
        if (s != h && !LocalHost.NO_SESSION.equals(s.getCipherSuite())) c.add(s);
        return c;
    }

    private void confirmPut(SSLSessionContext sc, SSLSession s) {
        byte[] id = s.getId();
        if (id.length == 0 || ids.contains(id)) return;
        SSLSession cached = sc.getSession(id);
        if (cached == null) return;
        int h = numbering.handle(cached);
        ids.put(id, h, reads);
        entered(new int[] {h}, 1);
        earliestCreation = Math.min(earliestCreation, cached.getCreationTime());
    }

    /**
     * Reads the cache through getIds(). A session is looked up (getSession(id)) once, when its id
     * first appears, never again while it stays: JSSE's cache is least recently used and a lookup is
     * a use. A session id names one object in a context's cache (JSSE caches a resumed TLS 1.2
     * session as the same object, and a new session has a new random id).
     */
    private void enumerate(SSLSessionContext sc) {
        dirty = false;
        handshaking.clear();
        enumerations++;
        int read = ++reads;
        int known = 0;
        int[] added = new int[4];
        int n = 0;
        for (Enumeration<byte[]> all = sc.getIds(); all.hasMoreElements(); ) {
            byte[] id = all.nextElement();
            if (ids.see(id, read) != 0) {
                known++;
                continue;
            }
            SSLSession s = sc.getSession(id);
            if (s == null) continue;
            int h = numbering.handle(s);
            ids.put(id, h, read);
            earliestCreation = Math.min(earliestCreation, s.getCreationTime());
            if (n == added.length) added = Arrays.copyOf(added, 2 * n);
            added[n++] = h;
        }
        if (known != members.length) left(read); // an id that left is looked up again if it comes back
        if (n > 0) entered(added, n);
    }

    private void left(int read) {
        int[] gone = new int[members.length];
        int[] count = {0};
        ids.dropUnseen(read, h -> gone[count[0]++] = h);
        Arrays.sort(gone, 0, count[0]);
        int[] kept = new int[members.length - count[0]];
        int k = 0;
        for (int h : members) {
            if (Arrays.binarySearch(gone, 0, count[0], h) >= 0) numbering.changed(h);
            else kept[k++] = h;
        }
        members = kept;
    }

    private void entered(int[] added, int n) {
        Arrays.sort(added, 0, n);
        int[] merged = new int[members.length + n];
        int i = 0, j = 0, k = 0;
        while (i < members.length || j < n) {
            if (j == n || (i < members.length && members[i] < added[j])) merged[k++] = members[i++];
            else merged[k++] = added[j++];
        }
        members = merged;
        for (int a = 0; a < n; a++) numbering.changed(added[a]);
    }

    private void checkAgainstEnumeration(SSLSessionContext sc) {
        int count = 0;
        for (Enumeration<byte[]> all = sc.getIds(); all.hasMoreElements(); count++) {
            if (!ids.contains(all.nextElement())) {
                throw new IllegalStateException("jsse: a session entered a client cache that a handshake with a fresh peer should only have added its own session to");
            }
        }
        if (count != ids.size()) {
            throw new IllegalStateException("jsse: a session left a client cache during a handshake with a fresh peer (" + ids.size()
                    + " predicted, " + count + " cached)");
        }
    }
}
