package sessionlab.stack.libssl;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where libssl keeps an SSL_SESSION's private reference count and cache-list links. Found at
 * start-up by changing them through the public API on probe objects and watching which word
 * changes; never assumed. If a probe is not conclusive the feature is "unknown", not guessed.
 * Reads stay inside the allocation (malloc_usable_size) of a session known to be alive.
 */
final class SessionLayout {
    private final Libssl lib;
    private final long size;
    final OptionalLong refcountOffset;
    final OptionalLong prevOffset;
    final OptionalLong nextOffset;
    final String report;

    private SessionLayout(Libssl lib, long size, OptionalLong rc, OptionalLong prev, OptionalLong next, String report) {
        this.lib = lib;
        this.size = size;
        this.refcountOffset = rc;
        this.prevOffset = prev;
        this.nextOffset = next;
        this.report = report;
    }

    static SessionLayout probe(Libssl lib) {
        MemorySegment s = lib.SSL_SESSION_new();
        long size = lib.malloc_usable_size(s);
        if (size <= 0) {
            lib.SSL_SESSION_free(s);
            return new SessionLayout(lib, -1, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    "malloc_usable_size unavailable: reference counts unknown");
        }
        OptionalLong rc = probeRefcount(lib, s, size);
        lib.SSL_SESSION_free(s);
        long[] links = probeLinks(lib, size);
        OptionalLong prev = links == null ? OptionalLong.empty() : OptionalLong.of(links[0]);
        OptionalLong next = links == null ? OptionalLong.empty() : OptionalLong.of(links[1]);
        String report = "SSL_SESSION: " + size + " bytes; references at "
                + (rc.isPresent() ? "+" + rc.getAsLong() : "unknown") + "; cache links at "
                + (links == null ? "unknown" : "+" + links[0] + "/+" + links[1]);
        return new SessionLayout(lib, size, rc, prev, next, report);
    }

    private static int[] ints(MemorySegment s, long size) {
        MemorySegment m = s.reinterpret(size);
        int[] out = new int[(int) (size / 4)];
        for (int i = 0; i < out.length; i++) out[i] = m.get(JAVA_INT, i * 4L);
        return out;
    }

    private static OptionalLong probeRefcount(Libssl lib, MemorySegment s, long size) {
        int[] one = ints(s, size);
        lib.SSL_SESSION_up_ref(s);
        int[] two = ints(s, size);
        lib.SSL_SESSION_up_ref(s);
        int[] three = ints(s, size);
        lib.SSL_SESSION_free(s);
        int[] twoAgain = ints(s, size);
        lib.SSL_SESSION_free(s);
        List<Long> candidates = new ArrayList<>();
        for (int i = 0; i < one.length; i++) {
            if (one[i] == 1 && two[i] == 2 && three[i] == 3 && twoAgain[i] == 2) candidates.add(i * 4L);
        }
        return candidates.size() == 1 ? OptionalLong.of(candidates.getFirst()) : OptionalLong.empty();
    }

    /** Three sessions with equal expiry go to the head one after another: the list is s3, s2, s1. */
    private static long[] probeLinks(Libssl lib, long size) {
        MemorySegment ctx = lib.SSL_CTX_new(lib.TLS_server_method());
        MemorySegment[] s = new MemorySegment[3];
        try (Arena a = Arena.ofConfined()) {
            long now = java.time.Instant.now().getEpochSecond();
            for (int i = 0; i < 3; i++) {
                s[i] = lib.SSL_SESSION_new();
                MemorySegment id = a.allocate(32);
                id.fill((byte) (0x51 + i));
                lib.SSL_SESSION_set1_id(s[i], id, 32);
                lib.SSL_SESSION_set_time(s[i], now);
                lib.SSL_CTX_add_session(ctx, s[i]);
            }
            long a1 = s[0].address(), a2 = s[1].address(), a3 = s[2].address();
            long found = -1, foundPrev = -1;
            for (long off = 0; off + 8 <= size; off += 8) {
                if (word(s[2], size, off) == a2 && word(s[1], size, off) == a1) found = found == -1 ? off : -2;
                if (word(s[0], size, off) == a2 && word(s[1], size, off) == a3) foundPrev = foundPrev == -1 ? off : -2;
            }
            return found >= 0 && foundPrev >= 0 ? new long[] {foundPrev, found} : null;
        } finally {
            lib.SSL_CTX_free(ctx);
            for (MemorySegment x : s) if (x != null) lib.SSL_SESSION_free(x);
        }
    }

    private static long word(MemorySegment s, long size, long off) {
        return s.reinterpret(size).get(JAVA_LONG, off);
    }

    /** The real reference count of a live session, if the probe found it. */
    OptionalLong references(long session) {
        if (refcountOffset.isEmpty()) return OptionalLong.empty();
        return OptionalLong.of(MemorySegment.ofAddress(session).reinterpret(size).get(JAVA_INT, refcountOffset.getAsLong()));
    }

    /**
     * The cache list from head to tail, read from the sessions' own links, given the lhash's members.
     * Empty if the links are unknown or do not form one chain over exactly those members.
     */
    Optional<List<Long>> order(List<Long> members) {
        if (prevOffset.isEmpty() || members.isEmpty()) return members.isEmpty() ? Optional.of(List.of()) : Optional.empty();
        Set<Long> set = new HashSet<>(members);
        Long head = null;
        for (long m : members) {
            if (!set.contains(word(MemorySegment.ofAddress(m), size, prevOffset.getAsLong()))) {
                if (head != null) return Optional.empty();
                head = m;
            }
        }
        if (head == null) return Optional.empty();
        List<Long> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long cur = head;
        while (set.contains(cur) && seen.add(cur)) {
            out.add(cur);
            cur = word(MemorySegment.ofAddress(cur), size, nextOffset.getAsLong());
        }
        return out.size() == members.size() ? Optional.of(out) : Optional.empty();
    }
}
