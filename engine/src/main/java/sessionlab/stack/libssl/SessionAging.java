package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code advance}: every live session is aged with SSL_SESSION_set_time, so timeouts, ticket ages
 * and flushes behave as if the time had passed. set_time re-sorts a cached session, so each cache is
 * aged from its tail (earliest expiry) to its head, which keeps equal-expiry sessions in their order.
 */
final class SessionAging {
    private SessionAging() {}

    static void age(LibsslRun run, long seconds, List<String> caveats) {
        Libssl lib = run.lib;
        Set<TrackedSession> done = new HashSet<>();
        for (LibsslContext c : run.ledger.contexts) {
            List<TrackedSession> tailFirst = new ArrayList<>(c.cache);
            java.util.Collections.reverse(tailFirst);
            for (TrackedSession s : tailFirst) if (s.alive && done.add(s)) shift(lib, s, seconds);
        }
        boolean sealedTickets = false;
        for (TrackedSession s : List.copyOf(run.ledger.live.values())) {
            if (done.add(s)) shift(lib, s, seconds);
            if (s.ticketLength > 0 && "client".equals(s.side)) sealedTickets = true;
        }
        if (sealedTickets) {
            caveats.add("a stateless ticket carries its real creation time sealed inside; no set_time reaches it, "
                    + "so a server that decrypts it still sees the ticket's real age");
        }
    }

    private static void shift(Libssl lib, TrackedSession s, long seconds) {
        MemorySegment p = MemorySegment.ofAddress(s.address);
        lib.SSL_SESSION_set_time(p, lib.SSL_SESSION_get_time(p) - seconds);
    }
}
