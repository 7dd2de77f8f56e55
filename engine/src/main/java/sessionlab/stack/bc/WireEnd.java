package sessionlab.stack.bc;

import java.io.IOException;
import java.util.List;
import sessionlab.wire.Direction;

/**
 * One end of an in-memory connection as {@link WireDriver} sees it: it takes records, one at a
 * time, and hands back what it wrote. A Bouncy Castle endpoint is one; tests plug the JDK's
 * SSLEngine in the same way for interop pairs.
 */
interface WireEnd {
    /** The direction of what this end writes. */
    Direction sends();

    /** One whole record from the peer; the end may keep the array (callers pass a copy). A throw means the end failed. */
    void receive(byte[] record) throws IOException;

    /** Everything written since the last call (possibly several records). */
    byte[] takeOutput();

    /** One label per record written since the last call, in order; empty when the end cannot tell. */
    List<String> takeLabels();

    /** Called after each delivered record and the drain of its answer: a good point to report completion. */
    default void settled() {}

    /** Why the end failed, or null while it has not. */
    String failure();

    /** Marks the end failed (a broken stream the end itself never saw, for example). */
    void fail(String why);
}
