package sessionlab.wire;

/**
 * What a test does to the records on a link: deliver them, drop one, corrupt one, or cut the cable.
 * {@code index} counts the records sent in one direction of one connection, from 0.
 */
@FunctionalInterface
public interface WireFaults {
    enum Fault { DELIVER, DROP, CORRUPT, CUT }

    Fault on(String conn, Direction direction, int index);

    WireFaults NONE = (conn, direction, index) -> Fault.DELIVER;
}
