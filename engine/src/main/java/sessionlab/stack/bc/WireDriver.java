package sessionlab.stack.bc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import sessionlab.event.Event;
import sessionlab.wire.DecodedRecord;
import sessionlab.wire.Direction;
import sessionlab.wire.Link;
import sessionlab.wire.RecordSplitter;
import sessionlab.wire.RecordTap;
import sessionlab.wire.TlsRecord;
import sessionlab.wire.VirtualClock;

/**
 * Moves records between two {@link WireEnd}s over one connection's link, on virtual time: each end
 * gets what has arrived, one record at a time, and what it answers goes on the wire at once.
 * Every loop is bounded, so a broken wire ends in a failure description, never in a hang.
 */
final class WireDriver {
    static final int MAX_STEPS = 500;
    /** After a failure the peer may still read what is in flight (the alert): a few arrivals at most. */
    private static final int MAX_AFTERMATH = 16;

    private final String conn;
    private final VirtualClock clock;
    private final RecordTap tap;
    private final Map<Direction, RecordSplitter> outgoing = new EnumMap<>(Direction.class);
    private final Map<Direction, RecordSplitter> arriving = new EnumMap<>(Direction.class);

    /** {@code link} carries the test's fault hook, if any: faults happen on the wire, not here. */
    WireDriver(String conn, VirtualClock clock, Link link, Consumer<Event> sink) {
        this.conn = conn;
        this.clock = clock;
        this.tap = new RecordTap(conn, link, sink);
        for (Direction d : Direction.values()) {
            outgoing.put(d, new RecordSplitter());
            arriving.put(d, new RecordSplitter());
        }
    }

    Link link() {
        return tap.link();
    }

    static Direction receives(WireEnd e) {
        return e.sends() == Direction.CLIENT_TO_SERVER ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;
    }

    /** Puts what the end wrote on the wire, a record at a time, each with the label the end gave it. */
    List<DecodedRecord> drain(WireEnd e) {
        byte[] bytes = e.takeOutput();
        List<String> labels = e.takeLabels();
        if (bytes.length == 0) return List.of();
        List<TlsRecord> records = outgoing.get(e.sends()).feed(bytes);
        // labels pair with records only when the end reported exactly one per record
        boolean paired = labels.size() == records.size();
        List<DecodedRecord> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            out.addAll(tap.send(e.sends(), records.get(i).raw(), paired ? List.of(labels.get(i)) : List.of()));
        }
        return out;
    }

    /** Hands the end every record that has arrived for it by now, one at a time, draining its answer after each. */
    boolean deliver(WireEnd e) {
        Direction d = receives(e);
        byte[] bytes = tap.receive(d);
        if (bytes.length == 0) return false;
        List<TlsRecord> records;
        try {
            records = arriving.get(d).feed(bytes);
        } catch (IllegalArgumentException | IllegalStateException broken) {
            e.fail("the byte stream is no longer TLS: " + broken.getMessage());
            return true;
        }
        for (TlsRecord r : records) {
            byte[] copy = r.raw().clone(); // bctls decrypts in place: the wire keeps its own bytes
            if (e.failure() != null) continue; // a failed end reads nothing more
            try {
                e.receive(copy);
            } catch (IOException | RuntimeException failed) {
                e.fail(describe(failed));
            }
            drain(e);
            e.settled();
        }
        return true;
    }


    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
    }

    OptionalLong nextArrival() {
        OptionalLong a = link().nextArrival(Direction.CLIENT_TO_SERVER);
        OptionalLong b = link().nextArrival(Direction.SERVER_TO_CLIENT);
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }

    /**
     * Delivers records in arrival order, moving the clock to each arrival, until {@code done}, a
     * failure (after the peer has read what was in flight, such as the alert) or silence.
     * Returns null when done, else what went wrong.
     */
    String run(WireEnd client, WireEnd server, BooleanSupplier done) {
        for (int step = 0; step < MAX_STEPS; step++) {
            if (done.getAsBoolean()) return null;
            String failure = client.failure() != null ? client.failure() : server.failure();
            if (failure != null) {
                aftermath(client);
                aftermath(server);
                return failure;
            }
            boolean progressed = deliver(server) | deliver(client);
            if (!progressed) {
                OptionalLong next = nextArrival();
                if (next.isEmpty()) return "stalled: nothing is in flight and the handshake has not finished";
                clock.advanceTo(next.getAsLong());
            }
        }
        return "did not settle in " + MAX_STEPS + " steps";
    }

    private void aftermath(WireEnd e) {
        for (int i = 0; i < MAX_AFTERMATH && e.failure() == null; i++) {
            OptionalLong next = link().nextArrival(receives(e));
            if (next.isEmpty()) return;
            clock.advanceTo(next.getAsLong());
            deliver(e);
        }
    }

    /** Waits for the next record this end will receive, if any is in flight. Returns whether one arrived. */
    boolean awaitAndDeliver(WireEnd e) {
        OptionalLong next = link().nextArrival(receives(e));
        if (next.isEmpty()) return false;
        clock.advanceTo(next.getAsLong());
        return deliver(e);
    }
}
