package sessionlab.app.playback;

import java.util.List;

/**
 * How fast Play moves: a number of events per second, or the run's own virtual time ({@code slowdown} wall
 * milliseconds per virtual millisecond), so that the gap between a handshake and its tickets can be felt. At virtual
 * pace a stretch with nothing happening longer than {@link #LONGEST_WAIT_MS} of wall time (an {@code advance 3h})
 * is skipped rather than waited out.
 */
public record Pace(double eventsPerSecond, double slowdown) {
    public static final long LONGEST_WAIT_MS = 1500;
    public static final Pace REAL_TIME = new Pace(0, 1);
    public static final Pace TENTH_OF_REAL_TIME = new Pace(0, 10);
    /** What the transport bar offers, slowest first. */
    public static final List<Pace> CHOICES = List.of(events(1), events(2), events(4), events(8), events(16), events(32),
            TENTH_OF_REAL_TIME, REAL_TIME);

    public static Pace events(double perSecond) {
        return new Pace(perSecond, 0);
    }

    public boolean virtualTime() {
        return slowdown > 0;
    }

    /** "8 ev/s", "real time", "real time ÷10". */
    public String label() {
        if (!virtualTime()) return (eventsPerSecond == Math.rint(eventsPerSecond) ? Long.toString((long) eventsPerSecond) : Double.toString(eventsPerSecond)) + " ev/s";
        return slowdown == 1 ? "real time" : "real time ÷" + (slowdown == Math.rint(slowdown) ? Long.toString((long) slowdown) : Double.toString(slowdown));
    }
}
