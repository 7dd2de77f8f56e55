package sessionlab.stack.libssl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Native cells and buffers a run reuses for every call (one thread per run). */
final class Scratch implements AutoCloseable {
    private final Arena arena = Arena.ofConfined();
    private final Libssl lib;
    private final MemorySegment intCell = arena.allocate(JAVA_INT);
    private final MemorySegment ptrCell = arena.allocate(ADDRESS);
    private final MemorySegment longCell = arena.allocate(JAVA_LONG);
    private MemorySegment buffer = arena.allocate(32 * 1024);

    Scratch(Libssl lib) {
        this.lib = lib;
    }

    byte[] sessionId(MemorySegment session) {
        return lib.SSL_SESSION_get_id(session, intCell);
    }

    int ticketLength(MemorySegment session) {
        return lib.SSL_SESSION_ticket_length(session, ptrCell, longCell);
    }

    /** A native buffer of at least n bytes, valid until the next call. */
    MemorySegment buffer(int n) {
        if (buffer.byteSize() < n) buffer = arena.allocate(Math.max(n, buffer.byteSize() * 2));
        return buffer;
    }

    Arena arena() {
        return arena;
    }

    @Override
    public void close() {
        arena.close();
    }
}
