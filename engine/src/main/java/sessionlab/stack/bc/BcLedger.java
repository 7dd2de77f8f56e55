package sessionlab.stack.bc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sessionlab.event.Event;
import sessionlab.event.EventSink;

/**
 * Who holds each session, as Java references the lab can see: a connection end that still has it
 * (bctls's {@code getSession()}), a context's cache, a scenario name. bctls counts nothing, so every
 * {@code session.ref} has an unknown count (null). A session no holder refers to any more is garbage:
 * reported as destroyed, with the honest wording that the JVM reclaims it when it likes.
 */
final class BcLedger {
    private final BcSessions sessions;
    private final EventSink sink;
    final Map<String, BcVariable> variables = new LinkedHashMap<>();
    final List<BcContext> contexts = new ArrayList<>();
    /** Live connection ends only (SSL_free removes them). */
    final List<BcEndpoint> endpoints = new ArrayList<>();
    /** Sessions not gone yet, in creation order, and how far into {@code sessions.all} they reach. */
    private final List<BcSession> watched = new ArrayList<>();
    private int watchedUpTo;

    BcLedger(BcSessions sessions, EventSink sink) {
        this.sessions = sessions;
        this.sink = sink;
    }

    /** Reads every holder and property and reports what changed since the last look. */
    void observe() {
        Map<BcSession, Map<String, Integer>> held = new IdentityHashMap<>();
        for (BcEndpoint e : endpoints) {
            BcSession s = sessions.find(e.session());
            if (s != null) hold(held, s, "SSL " + e.display());
        }
        for (BcContext c : contexts) {
            for (BcSession s : c.cache.entries()) hold(held, s, "cache " + c.name);
        }
        for (BcVariable v : variables.values()) {
            if (v.session != null && !v.released) hold(held, v.session, "var " + v.name);
        }
        while (watchedUpTo < sessions.all.size()) watched.add(sessions.all.get(watchedUpTo++));
        for (BcSession s : watched) {
            reportState(s);
            reportHolders(s, held.getOrDefault(s, new TreeMap<>()));
        }
        watched.removeIf(s -> s.gone); // gone is final: a destroyed session is never looked at again
        for (BcContext c : contexts) c.reportStats();
    }

    private static void hold(Map<BcSession, Map<String, Integer>> held, BcSession s, String holder) {
        held.computeIfAbsent(s, k -> new TreeMap<>()).merge(holder, 1, Integer::sum);
    }

    private void reportHolders(BcSession s, Map<String, Integer> now) {
        if (now.equals(s.holders)) return;
        for (Map.Entry<String, Integer> old : s.holders.entrySet()) {
            int delta = now.getOrDefault(old.getKey(), 0) - old.getValue();
            if (delta < 0) sink.emit(new Event.SessionRef(s.number, old.getKey(), delta, null));
        }
        for (Map.Entry<String, Integer> n : now.entrySet()) {
            int delta = n.getValue() - s.holders.getOrDefault(n.getKey(), 0);
            if (delta > 0) sink.emit(new Event.SessionRef(s.number, n.getKey(), delta, null));
        }
        s.holders = now;
        if (now.isEmpty()) {
            s.gone = true;
            s.goneDuring = sessions.during;
            sink.emit(new Event.SessionDestroyed(s.number, sessions.during
                    + ": no reference left in the lab (garbage: the JVM reclaims it when it likes; nothing was freed)"));
        }
    }

    private void reportState(BcSession s) {
        byte[] raw = s.sessionId();
        boolean resumable = s.tls.isResumable();
        if (s.reported && resumable == s.resumable && Arrays.equals(raw, s.rawId)) return;
        s.rawId = raw;
        String id = HexFormat.of().formatHex(raw);
        boolean flagChanged = s.reported && resumable != s.resumable;
        s.reported = true;
        s.id = id;
        s.resumable = resumable;
        sink.emit(new Event.SessionState(s.number, s.side, id, resumable, s.version, 0, 0, s.timeoutMs / 1000, s.createdAt));
        if (flagChanged) {
            String reason = resumable ? "resumable again (" + sessions.during + ")" : notResumable(s.pendingReason);
            var logged = sink.emit(new Event.SessionFlag(s.number, resumable, reason));
            if (!resumable) {
                s.flagSeq = logged.seq();
                s.flagLine = sessions.line;
                s.flagReason = reason;
            }
        }
        s.pendingReason = null;
    }

    private String notResumable(String cacheReason) {
        String call = sessions.during.isEmpty() ? "" : " (" + sessions.during + ")";
        String asLibssl = ": the lab invalidated it, as libssl marks removed sessions not resumable";
        return switch (cacheReason == null ? "" : cacheReason) {
            case "evicted" -> "evicted: the lab's cache was full" + asLibssl + call;
            case "timeout" -> "expired and removed from the lab's cache" + asLibssl + call;
            case "flush" -> "flushed from the lab's cache" + asLibssl + call;
            case "explicit" -> "removed with SSL_CTX_remove_session" + asLibssl + call;
            case "replaced" -> "replaced by a session with the same id" + asLibssl + call;
            default -> "bctls invalidated it itself" + call;
        };
    }
}
