package sessionlab.stack.jsse;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * What a {@link Host} can be asked to do with the JSSE objects it holds, and what it answers.
 * Objects are named by numbers the run chooses (contexts, engines) or the host assigns (sessions),
 * so the same commands work in this JVM and, serialized, in a child JVM.
 */
final class Hosted {
    private Hosted() {}

    /** A command whose reply is an {@code R}. */
    sealed interface Cmd<R extends Serializable> extends Serializable
            permits Init, NewContext, FreeContext, NewEngine, Begin, Wrap, Unwrap, UnwrapWatching, Tasks, CloseOutbound, FreeEngine, Look, Cache,
            Invalidate, CountTickets {}

    /** The server credentials, encoded: a child JVM gets them through its pipe, never from disk. */
    record Init(byte[] keyPkcs8, String keyAlgorithm, List<byte[]> chain, byte[] ca) implements Cmd<Integer> {}

    /** {@code stateless}: server tickets (the JDK default) or a stateful server cache. */
    record NewContext(int ctx, boolean server, boolean stateless, int cacheSize, int timeoutSeconds) implements Cmd<ContextInfo> {}

    record FreeContext(int ctx) implements Cmd<Boolean> {}

    record NewEngine(int ctx, int engine, boolean client, String peerHost, int peerPort, ArrayList<String> protocols) implements Cmd<Step> {}

    record Begin(int engine) implements Cmd<Step> {}

    /** One {@code SSLEngine.wrap} of {@code app} (empty for handshake and alert records). */
    record Wrap(int engine, byte[] app) implements Cmd<Step> {}

    /** One {@code SSLEngine.unwrap}: JSSE consumes at most one record per call. */
    record Unwrap(int engine, byte[] net) implements Cmd<Step> {}

    /**
     * One unwrap by a client, with the sessions its context's cache gained in it (JSSE stores a
     * TLS 1.3 ticket as a new client cache entry when the client reads it).
     */
    record UnwrapWatching(int engine, byte[] net) implements Cmd<Watched> {}

    /** Runs the delegated tasks inline (no executor: the run stays deterministic). */
    record Tasks(int engine) implements Cmd<Step> {}

    record CloseOutbound(int engine) implements Cmd<Step> {}

    record FreeEngine(int engine) implements Cmd<Boolean> {}

    /** Every engine's session and every context's cache, read through the public API. */
    record Look() implements Cmd<Snapshot> {}

    /**
     * One context's cache (its {@code SSLSessionContext.getIds()}), cheaper than a whole look.
     * {@code fresh}: look every session up even if nothing ran in the context since the last time
     * (JSSE's lookup drops sessions past their timeout).
     */
    record Cache(int ctx, boolean fresh) implements Cmd<ArrayList<SessionView>> {
        Cache(int ctx) {
            this(ctx, false);
        }
    }

    record Invalidate(int session) implements Cmd<Boolean> {}

    /** Measures how many tickets this JVM's SunJSSE server sends: one real handshake, counted at the client. */
    record CountTickets() implements Cmd<Integer> {}

    // ---- replies ----

    /** An unwrap and the sessions that entered the engine's context's cache during it, new objects only. */
    record Watched(Step step, ArrayList<SessionView> arrived) implements Serializable {}

    record ContextInfo(int cacheSize, int timeoutSeconds, boolean stateless) implements Serializable {}

    /**
     * What one engine call did. {@code result}: the SSLEngineResult status (OK, CLOSED,
     * BUFFER_UNDERFLOW...) or "" when nothing was wrapped or unwrapped; {@code handshake}: the
     * handshake status the call returned (FINISHED appears only here), {@code status}: the
     * engine's status right after; {@code error}: the SSLException's message, if one was thrown.
     */
    record Step(String result, String handshake, String status, int consumed, byte[] produced, byte[] app, String error,
                boolean outboundDone, boolean inboundDone) implements Serializable {
        boolean finished() {
            return "FINISHED".equals(handshake);
        }
    }

    /**
     * A session as the public {@code SSLSession} API shows it; {@code handle} is the host's number
     * for the object; {@code timeoutSeconds} is its context's (-1 once it left every context);
     * {@code creationTime} is JSSE's, on the wall clock.
     */
    record SessionView(int handle, byte[] id, String protocol, String cipher, String peerHost, int peerPort, boolean valid,
                       int timeoutSeconds, long creationTime) implements Serializable {}

    /**
     * engine -> session handle (absent: JSSE's placeholder "no session yet"), ctx -> cached handles
     * (sorted), the views that may have changed since the previous look (new sessions, sessions that
     * entered or left a cache, the engines' sessions), trust manager calls per engine.
     */
    record Snapshot(HashMap<Integer, Integer> engineSessions, HashMap<Integer, int[]> caches,
                    HashMap<Integer, SessionView> sessions, HashMap<Integer, Integer> trustCalls) implements Serializable {}
}
