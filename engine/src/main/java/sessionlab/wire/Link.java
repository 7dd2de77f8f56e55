package sessionlab.wire;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The in-memory transport of one connection: bytes sent at virtual time t arrive at t + latency.
 * A reader gets only what has arrived by now; waiting means moving the clock to the next arrival.
 */
public final class Link {
    /** A chunk in flight. */
    public record InFlight(long sentAt, long arrivesAt, byte[] bytes) {}

    private final VirtualClock clock;
    private final long latencyMs;
    private final Map<Direction, ArrayDeque<InFlight>> queues = new EnumMap<>(Direction.class);
    private boolean cut;

    public Link(VirtualClock clock, long latencyMs) {
        if (latencyMs < 0) throw new IllegalArgumentException("latency must not be negative");
        this.clock = clock;
        this.latencyMs = latencyMs;
        for (Direction d : Direction.values()) queues.put(d, new ArrayDeque<>());
    }

    public long latencyMs() {
        return latencyMs;
    }

    /** Puts bytes on the wire now; returns what is in flight (with its arrival time). */
    public InFlight send(Direction d, byte[] bytes) {
        InFlight f = new InFlight(clock.now(), clock.now() + latencyMs, bytes);
        if (!cut) queues.get(d).addLast(f);
        return f;
    }

    /** Everything that has arrived by now in direction d, in order, removed from the wire. */
    public byte[] receive(Direction d) {
        ArrayDeque<InFlight> q = queues.get(d);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (!q.isEmpty() && q.peekFirst().arrivesAt() <= clock.now()) {
            out.writeBytes(q.pollFirst().bytes());
        }
        return out.toByteArray();
    }

    /** When the next chunk in direction d arrives, if anything is in flight. */
    public OptionalLong nextArrival(Direction d) {
        InFlight f = queues.get(d).peekFirst();
        return f == null ? OptionalLong.empty() : OptionalLong.of(f.arrivesAt());
    }

    public boolean idle() {
        return queues.values().stream().allMatch(ArrayDeque::isEmpty);
    }

    /** Drops everything in flight and everything sent later (the cable is cut). */
    public void cut() {
        cut = true;
        queues.values().forEach(ArrayDeque::clear);
    }
}
