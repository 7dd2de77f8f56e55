package sessionlab.stack.libssl;

import java.util.Map;
import java.util.TreeMap;

/** What the engine knows of one SSL_SESSION, from creation (ex_data new) to destruction (ex_data free). */
final class TrackedSession {
    final int number;
    final long address;
    final String side;
    final long createdAt;
    boolean alive = true;
    String destroyedDuring;
    /** Holder name to references, as attributed at the last observation. */
    Map<String, Integer> holders = new TreeMap<>();
    /** Real count at the last observation, or -1 if unknown. */
    long lastCount = -1;
    // last reported properties
    String id = "";
    boolean resumable;
    String version = "";
    int ticketLength = -1;
    long lifetimeHint;
    long timeout;
    /**
     * The caches whose table holds it. Normally one at most, but SSL_CTX_add_session accepts a session
     * another context already caches, and then both tables hold it (and both hold a reference).
     */
    final java.util.Set<LibsslContext> caches = new java.util.LinkedHashSet<>();
    /** Why it just left a cache, if it did, so the resumable flag can say why it changed. */
    String pendingRemovalReason;
    String createdDuring;
    /** Evidence for "why didn't it resume?": when it became not resumable, and why. */
    boolean everResumable;
    long flagSeq = -1;
    int flagLine;
    String flagReason;
    /** When it left a cache (server copies matter), and why. */
    long removedSeq = -1;
    int removedLine;
    String removedReason;
    String removedFrom;
    /** The server context whose connection gave a client session its ticket or id. */
    LibsslContext issuer;

    TrackedSession(int number, long address, String side, long createdAt) {
        this.number = number;
        this.address = address;
        this.side = side;
        this.createdAt = createdAt;
    }

    int attributed() {
        return holders.values().stream().mapToInt(Integer::intValue).sum();
    }

    String label() {
        return "#" + number;
    }
}
