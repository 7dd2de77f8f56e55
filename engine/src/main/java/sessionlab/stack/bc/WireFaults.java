package sessionlab.stack.bc;

import sessionlab.wire.Direction;

/**
 * What happens to a record in transit, for tests of broken wires. The scenario language has no
 * fault statements, so faults are given to the stack; the default delivers everything.
 */
@FunctionalInterface
interface WireFaults {
    enum Fault {
        DELIVER,
        /** Lost in transit: the receiver never sees it (TCP would retransmit; this wire does not). */
        DROP,
        /** One bit of the last byte flipped in transit, so the header still frames the record. */
        CORRUPT,
        /** The cable is cut: this record and everything after it in both directions is lost. */
        CUT
    }

    /** {@code index} counts the records that reached the receiving end of {@code direction}, from 1. */
    Fault at(String conn, Direction direction, int index);

    WireFaults NONE = (conn, direction, index) -> Fault.DELIVER;
}
