package sessionlab.stack.jsse;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A context's cached session ids and the handle of the session each names, with the read that last
 * saw each one. A client cache keeps every ticket of a run and is enumerated after every ticket read,
 * so looking ids up must cost no allocation: open addressing over the ids' bytes.
 */
final class SessionIds {
    private byte[][] keys = new byte[16][];
    private int[] handles = new int[16];
    private int[] seen = new int[16];
    private int size;

    int size() {
        return size;
    }

    /** The handle of the session {@code id} names, marking it seen by {@code read}; 0 if unknown. */
    int see(byte[] id, int read) {
        for (int i = slot(id); keys[i] != null; i = next(i)) {
            if (Arrays.equals(keys[i], id)) {
                seen[i] = read;
                return handles[i];
            }
        }
        return 0;
    }

    boolean contains(byte[] id) {
        for (int i = slot(id); keys[i] != null; i = next(i)) if (Arrays.equals(keys[i], id)) return true;
        return false;
    }

    void put(byte[] id, int handle, int read) {
        if (2 * (size + 1) > keys.length) grow();
        int i = slot(id);
        while (keys[i] != null) i = next(i);
        keys[i] = id;
        handles[i] = handle;
        seen[i] = read;
        size++;
    }

    /** Drops every id the read did not see, telling {@code left} its handle. */
    void dropUnseen(int read, IntConsumer left) {
        byte[][] k = keys;
        int[] h = handles, s = seen;
        keys = new byte[k.length][];
        handles = new int[k.length];
        seen = new int[k.length];
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == null) continue;
            if (s[i] == read) put(k[i], h[i], read);
            else left.accept(h[i]);
        }
    }

    private void grow() {
        byte[][] k = keys;
        int[] h = handles, s = seen;
        keys = new byte[k.length * 2][];
        handles = new int[k.length * 2];
        seen = new int[k.length * 2];
        size = 0;
        for (int i = 0; i < k.length; i++) if (k[i] != null) put(k[i], h[i], s[i]);
    }

    private int slot(byte[] id) {
        int h = Arrays.hashCode(id);
        return (h ^ (h >>> 16)) & (keys.length - 1);
    }

    private int next(int i) {
        return (i + 1) & (keys.length - 1);
    }
}
