package sessionlab.stack;

import java.util.List;
import java.util.Map;
import java.util.Set;
import sessionlab.event.EventSink;
import sessionlab.wire.VirtualClock;

/** A real TLS implementation that scenarios can drive (libssl, jsse, bc). */
public interface TlsStack {
    String name();

    Availability availability();

    Set<Capability> capabilities();

    /** What a run on this stack shows differently from libssl and why, said once in {@code run.started}. */
    default List<String> caveats() {
        return List.of();
    }

    /**
     * The calls of the scenario language this stack refuses whatever their arguments (by call name,
     * as {@code Op.callName()} gives it), each with why: a run ends such a call in an error saying so,
     * and the app greys it out before anyone clicks it.
     */
    default Map<String, String> refusedCalls() {
        return Map.of();
    }

    /** Starts a run; everything it creates is freed by {@link StackRun#close()}. */
    StackRun open(EventSink sink, VirtualClock clock) throws StackException;
}
