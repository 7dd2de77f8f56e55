package sessionlab.stack.jsse;

/**
 * A fault the wire applies to one record before it travels: for tests and demonstrations of what
 * JSSE does with a broken connection. {@code index} counts the connection's records from 1, both
 * directions together, in the order they were sent.
 */
@FunctionalInterface
public interface WireFault {
    enum Action {
        PASS,
        /** The record never arrives. */
        DROP,
        /** The record's last byte is flipped (for a protected record: its authentication tag). */
        CORRUPT,
        /** The link is cut: this record and everything after it, both ways, is lost. */
        CUT
    }

    WireFault NONE = (conn, direction, index, contentType) -> Action.PASS;

    /** @param direction {@code c>s} or {@code s>c} */
    Action decide(String conn, String direction, int index, int contentType);
}
