package sessionlab.stack.bc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.tls.TlsSession;
import sessionlab.event.Event;
import sessionlab.event.EventSink;
import sessionlab.wire.VirtualClock;

/**
 * Every bctls session object a run has seen, by identity (a resumed client keeps the very object it
 * offered; a server gets back the one its cache returned), numbered in the order the lab met them.
 */
final class BcSessions {
    final EventSink sink;
    final VirtualClock clock;
    private final Map<TlsSession, BcSession> byTls = new IdentityHashMap<>();
    final List<BcSession> all = new ArrayList<>();
    /** The call in progress, for "during" texts. */
    String during = "";
    /** The scenario line in progress, for evidence that points back at a step. */
    int line;

    BcSessions(EventSink sink, VirtualClock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** The session's record, made (and announced) the first time the lab sees the object; {@code owner} gives its timeout. */
    BcSession track(TlsSession tls, String side, BcContext owner) {
        BcSession s = byTls.get(tls);
        if (s != null) return s;
        s = new BcSession(all.size() + 1, tls, side, clock.now(), owner.timeoutMs());
        all.add(s);
        byTls.put(tls, s);
        sink.emit(new Event.SessionCreated(s.number, side, null, during));
        return s;
    }

    BcSession find(TlsSession tls) {
        return tls == null ? null : byTls.get(tls);
    }
}
