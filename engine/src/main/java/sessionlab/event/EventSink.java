package sessionlab.event;

import java.util.function.LongSupplier;

/** Where a stack reports what it observed; stamps each event with the virtual time. */
public final class EventSink {
    private final EventLog log;
    private final LongSupplier virtualMillis;

    public EventSink(EventLog log, LongSupplier virtualMillis) {
        this.log = log;
        this.virtualMillis = virtualMillis;
    }

    private Runnable beforeEmit = () -> {};
    private boolean flushing;

    public LoggedEvent emit(Event e) {
        if (!flushing) {
            flushing = true;
            try {
                beforeEmit.run();
            } finally {
                flushing = false;
            }
        }
        return log.append(virtualMillis.getAsLong(), e);
    }

    /**
     * Runs before every event: lets an observer hold back an event until it is complete
     * (a session's creation learns a moment later that it was a copy of another).
     */
    public void beforeEmit(Runnable hook) {
        this.beforeEmit = hook;
    }

    public EventLog log() {
        return log;
    }
}
