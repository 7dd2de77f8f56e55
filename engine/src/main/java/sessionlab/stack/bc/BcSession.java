package sessionlab.stack.bc;

import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.tls.TlsSession;

/**
 * What the lab knows of one bctls {@code TlsSession} object, from the moment it first saw it (a
 * handshake completed) until no reference the lab can see is left (then it is garbage: the JVM
 * reclaims it when it likes; nothing is ever freed).
 */
final class BcSession {
    final int number;
    final TlsSession tls;
    final String side;
    /** Virtual time when the lab first saw it; its age and expiry are on the lab's virtual clock. */
    final long createdAt;
    /** The timeout of the context on its own side when it was made (libssl's rule too). */
    final long timeoutMs;
    /** For a client session: the server context of the handshake that made it. */
    BcContext issuer;
    /** Which context's cache lists it, by name, or null. */
    String cache;
    /** Holder name to references, as last reported: Java references, not counts. */
    Map<String, Integer> holders = new TreeMap<>();
    boolean gone;
    String goneDuring;
    // last reported properties
    boolean reported;
    String id = "";
    /** The id as last reported, to compare without formatting it. */
    byte[] rawId;
    boolean resumable;
    String version = "";
    /** Why it is about to become not resumable (the lab's cache removed it), for the flag's reason. */
    String pendingReason;
    long flagSeq = -1;
    int flagLine;
    String flagReason;
    long removedSeq = -1;
    int removedLine;
    String removedReason;
    String removedFrom;

    BcSession(int number, TlsSession tls, String side, long createdAt, long timeoutMs) {
        this.number = number;
        this.tls = tls;
        this.side = side;
        this.createdAt = createdAt;
        this.timeoutMs = timeoutMs;
    }

    long expiresAt() {
        return createdAt + timeoutMs;
    }

    byte[] sessionId() {
        byte[] id = tls.getSessionID();
        return id == null ? new byte[0] : id;
    }

    String label() {
        return "#" + number;
    }
}
