package sessionlab.stack.jsse;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A client context's SecureRandom: the default one JSSE would make itself ({@code new SecureRandom()}),
 * which also keeps, while a read is watched, every 32-byte value it hands out. SunJSSE draws the id
 * of each session it makes from a NewSessionTicket as one such value (a random session id), so the
 * tickets a read stored can be looked up by id instead of enumerating the whole client cache
 * ({@link ContextCache.Prediction#DRAWN_IDS}). The values are only looked at, never chosen: the
 * handshakes get the same randomness as without it.
 */
final class DrawnIds extends SecureRandom {
    private static final int SESSION_ID_LENGTH = 32;
    private transient List<byte[]> watched;

    void watch() {
        watched = new ArrayList<>(2);
    }

    /** What was drawn since {@link #watch()}, in order; watching stops. */
    List<byte[]> stop() {
        List<byte[]> w = watched == null ? List.of() : watched;
        watched = null;
        return w;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        super.nextBytes(bytes);
        if (watched != null && bytes.length == SESSION_ID_LENGTH) watched.add(bytes.clone());
    }
}
