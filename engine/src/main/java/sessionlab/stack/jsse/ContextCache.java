package sessionlab.stack.jsse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * One context's cache as last read (sorted session handles and their ids) and what may have changed
 * it since: anything, so it is enumerated again through {@code getIds()}, or only puts of sessions
 * the lab can name ({@link Prediction}), each confirmed with the one {@code getSession(id)} lookup an
 * enumeration would also have made for that new id.
 *
 * <p>Enumerating costs a step per entry, and a client cache keeps every ticket of a run, so a lesson of
 * many connections would otherwise read its whole client cache at every handshake and every ticket
 * read. What SunJSSE does to a client cache (JDK 25): {@code Finished} puts the handshake session; a
 * client that offers a session takes it out (TLS 1.3, single use) or invalidates it when declined;
 * reading a NewSessionTicket puts a new session; {@code invalidate()} and fatal alerts take sessions
 * out; the cache itself evicts its least recently used entry past its size, drops entries past their
 * timeout, and drops entries the collector cleared (the lab holds every session it has seen, so none).
 * A put is therefore all that can have happened when the cache has room for every predicted session
 * (no eviction), no cached or predicted session can be past its timeout, and the calls that ran are
 * ones whose other effects are excluded ({@link LocalHost} decides that). A session just put is the
 * most recently used, so confirming it reorders nothing; sessions put in one step are looked up in the
 * order they were put.
 *
 * <p>That a prediction holds is a claim about SunJSSE's internals, so it is checked against a real
 * enumeration: always with {@code check} (every test run has assertions on), and otherwise the first
 * time each kind of prediction is made on a host. A difference is an error with {@code check}; without
 * it, that kind of prediction is not made again on this host and the cache is enumerated instead.
 */
final class ContextCache {
    /** What may have entered a cache, and the guess that says nothing else changed. */
    enum Prediction {
        /** A client engine created for a peer its context had no engine for, in its handshake: only its own session. */
        FRESH_HANDSHAKE,
        /** A client after its handshake read a record: only sessions whose ids the context's SecureRandom drew meanwhile (tickets). */
        DRAWN_IDS
    }

    private static final int[] NONE = {};
    private final HostSessions host;
    private final SessionIds ids = new SessionIds();
    /** Sorted handles; replaced, never changed in place (a look hands the same array on while nothing changed). */
    private int[] members = NONE;
    private boolean dirty = true;
    private final Set<Prediction> made = EnumSet.noneOf(Prediction.class);
    private final List<SSLEngine> handshaking = new ArrayList<>();
    private final List<byte[]> drawn = new ArrayList<>();
    /** No cached or predicted session was created before this (wall clock, ms): none expires before it plus the timeout. */
    private long earliestCreation = Long.MAX_VALUE;
    private int reads;
    private int enumerations;

    ContextCache(HostSessions host) {
        this.host = host;
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

    /** {@link Prediction#FRESH_HANDSHAKE}: the engine ran. */
    void handshaking(SSLEngine e) {
        made.add(Prediction.FRESH_HANDSHAKE);
        if (!handshaking.contains(e)) handshaking.add(e);
    }

    /** {@link Prediction#DRAWN_IDS}: the ids drawn while a client read, sessions copied from one created at {@code createdAt}. */
    void drawn(List<byte[]> ids, long createdAt) {
        made.add(Prediction.DRAWN_IDS);
        drawn.addAll(ids);
        earliestCreation = Math.min(earliestCreation, createdAt);
    }

    /** The cache now; {@code fresh} enumerates even if nothing ran (JSSE then drops expired sessions itself). */
    int[] read(SSLSessionContext sc, boolean fresh) {
        if (fresh || dirty || !predictable(sc)) {
            enumerate(sc);
            return members;
        }
        if (made.isEmpty()) return members;
        boolean verify = made.stream().anyMatch(host::unproven);
        List<Prediction> kinds = List.copyOf(made);
        for (SSLEngine e : handshaking) for (SSLSession s : candidates(e)) confirmPut(sc, s.getId());
        for (byte[] id : drawn) confirmPut(sc, id);
        clearPredictions();
        if (verify) {
            String wrong = differenceFromEnumeration(sc);
            host.proven(kinds, wrong);
            if (wrong != null) enumerate(sc);
        }
        return members;
    }

    private void clearPredictions() {
        made.clear();
        handshaking.clear();
        drawn.clear();
    }

    /** No eviction (room for every predicted session) and nothing past its timeout, by the wall clock JSSE uses. */
    private boolean predictable(SSLSessionContext sc) {
        if (made.isEmpty()) return true;
        int limit = sc.getSessionCacheSize();
        if (limit > 0 && members.length + handshaking.size() + drawn.size() > limit) return false;
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

    private void confirmPut(SSLSessionContext sc, byte[] id) {
        if (id.length == 0 || ids.contains(id)) return;
        SSLSession cached = sc.getSession(id);
        if (cached == null) return;
        int h = host.handle(cached);
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
        clearPredictions();
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
            int h = host.handle(s);
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
            if (Arrays.binarySearch(gone, 0, count[0], h) >= 0) host.changed(h);
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
        for (int a = 0; a < n; a++) host.changed(added[a]);
    }

    /** What a real enumeration shows that the prediction does not, or null; by ids, without lookups (which are uses). */
    private String differenceFromEnumeration(SSLSessionContext sc) {
        int count = 0;
        for (Enumeration<byte[]> all = sc.getIds(); all.hasMoreElements(); count++) {
            if (!ids.contains(all.nextElement())) return "a session entered that the prediction did not name";
        }
        return count == ids.size() ? null : "a session left (" + ids.size() + " predicted, " + count + " cached)";
    }
}
