package sessionlab.stack;

import java.util.List;
import java.util.Set;
import sessionlab.event.EventSink;
import sessionlab.wire.VirtualClock;

/** A real TLS implementation that scenarios can drive (libssl, jsse, bc). */
public interface TlsStack {
    String name();

    Availability availability();

    Set<Capability> capabilities();

    /** What this stack cannot show or does differently, for the run.started event. */
    default List<String> caveats() {
        return List.of();
    }

    /** Starts a run; everything it creates is freed by {@link StackRun#close()}. */
    StackRun open(EventSink sink, VirtualClock clock) throws StackException;
}
