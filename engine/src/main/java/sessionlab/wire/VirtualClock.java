package sessionlab.wire;

/** The run's virtual time in milliseconds. Only the engine moves it: never wall-clock time. */
public final class VirtualClock {
    private long now;

    public long now() {
        return now;
    }

    /** Moves forward to {@code t}; never backwards. */
    public void advanceTo(long t) {
        if (t > now) now = t;
    }

    public void advanceBy(long ms) {
        if (ms < 0) throw new IllegalArgumentException("time does not go backwards: " + ms);
        now += ms;
    }
}
