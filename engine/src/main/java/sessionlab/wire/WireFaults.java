package sessionlab.wire;

/**
 * What a test does to the records on a link: deliver them, drop one, corrupt one, or cut the cable.
 * Applied by {@link Link} to whatever a stack sends, so every stack's wire breaks the same way.
 * {@code index} counts the records sent in one direction of one connection, from 1;
 * {@code contentType} is the record's (23 for a protected record).
 */
@FunctionalInterface
public interface WireFaults {
    enum Fault {
        DELIVER,
        /** Lost in transit: the receiver never sees it (TCP would retransmit; this wire does not). */
        DROP,
        /** The last byte flipped in transit (for a protected record: its authentication tag). */
        CORRUPT,
        /** The cable is cut: this record and everything after it, both ways, is lost. */
        CUT
    }

    Fault on(String conn, Direction direction, int index, int contentType);

    WireFaults NONE = (conn, direction, index, contentType) -> Fault.DELIVER;
}
