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
    private final String conn;
    private final WireFaults faults;
    private final Map<Direction, Integer> sent = new EnumMap<>(Direction.class);
    private WireFaults.Fault lastFault = WireFaults.Fault.DELIVER;

    public Link(VirtualClock clock, long latencyMs) {
        this(clock, latencyMs, "", WireFaults.NONE);
    }

    /** A link whose records a test may drop, corrupt or cut ({@link WireFaults}). */
    public Link(VirtualClock clock, long latencyMs, String conn, WireFaults faults) {
        if (latencyMs < 0) throw new IllegalArgumentException("latency must not be negative");
        this.clock = clock;
        this.latencyMs = latencyMs;
        this.conn = conn;
        this.faults = faults;
        for (Direction d : Direction.values()) queues.put(d, new ArrayDeque<>());
    }

    private String lastFaultDescription;

    /** What the fault hook did to the last record sent. */
    public WireFaults.Fault lastFault() {
        return lastFault;
    }

    /** The last record's fault in words, for a {@code wire-fault} error event; null if it was delivered. */
    public String lastFaultDescription() {
        return lastFaultDescription;
    }

    public long latencyMs() {
        return latencyMs;
    }

    /** Puts bytes on the wire now; returns what is in flight (with its arrival time). */
    public InFlight send(Direction d, byte[] bytes) {
        int index = sent.merge(d, 1, Integer::sum);
        lastFault = faults.on(conn, d, index, bytes.length > 0 ? bytes[0] & 0xff : -1);
        String record = "record " + index + " (" + d.arrow() + ") of " + conn;
        lastFaultDescription = switch (lastFault) {
            case DELIVER -> null;
            case DROP -> "the fault hook dropped " + record + ": it never arrives";
            case CORRUPT -> "the fault hook corrupted " + record + ": its last byte was flipped in transit";
            case CUT -> "the fault hook cut the link of " + conn + " at " + record
                    + ": the cable was cut, this record and everything after it are lost";
        };
        byte[] payload = bytes;
        if (lastFault == WireFaults.Fault.CORRUPT && bytes.length > 0) {
            payload = bytes.clone();
            payload[payload.length - 1] ^= 0x5a; // the last byte: inside the ciphertext or its tag
        }
        if (lastFault == WireFaults.Fault.CUT) cut();
        InFlight f = new InFlight(clock.now(), clock.now() + latencyMs, payload);
        if (!cut && lastFault != WireFaults.Fault.DROP) queues.get(d).addLast(f);
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
