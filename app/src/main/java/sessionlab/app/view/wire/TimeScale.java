package sessionlab.app.view.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The lane's x axis: virtual milliseconds mapped linearly, except that a jump far larger than the
 * usual spacing (an {@code advance}) is drawn as a fixed-width break instead of squashing the rest.
 */
final class TimeScale {
    /** A jump shorter than this is never a break. */
    static final long MIN_BREAK_MS = 1000;
    /** A jump must be this many times the median spacing to become a break. */
    static final int BREAK_FACTOR = 20;

    /** A compressed stretch of time, drawn from {@code x0} to {@code x1}. */
    record Break(long from, long to, double x0, double x1) {
        String label() {
            return "≈ +" + duration(to - from);
        }
    }

    private final long[] times;
    private final boolean[] broken;
    private final double[] xs;
    private final List<Break> breaks = new ArrayList<>();
    private double pxPerMs;

    /** @param moments every time that must be placed; at least one is added if none are given */
    TimeScale(Collection<Long> moments) {
        long[] sorted = moments.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        if (sorted.length == 0) sorted = new long[] {0};
        if (sorted.length == 1) sorted = new long[] {sorted[0], sorted[0] + 100};
        times = sorted;
        broken = new boolean[times.length - 1];
        long[] deltas = new long[times.length - 1];
        for (int i = 0; i < deltas.length; i++) deltas[i] = times[i + 1] - times[i];
        long[] byLength = deltas.clone();
        Arrays.sort(byLength);
        long median = Math.max(1, byLength[byLength.length / 2]);
        for (int i = 0; i < deltas.length; i++) broken[i] = deltas[i] >= MIN_BREAK_MS && deltas[i] > BREAK_FACTOR * median;
        xs = new double[times.length];
    }

    /** Lays the axis out between x0 and x1 pixels. */
    void fit(double x0, double x1) {
        double width = Math.max(1, x1 - x0);
        int nBreaks = 0;
        long linear = 0;
        for (int i = 0; i < broken.length; i++) {
            if (broken[i]) nBreaks++;
            else linear += times[i + 1] - times[i];
        }
        double breakPx = nBreaks == 0 ? 0 : Math.min(56, width * 0.3 / nBreaks);
        double rest = width - nBreaks * breakPx;
        pxPerMs = linear == 0 ? 0 : rest / linear;
        double evenPx = linear == 0 && nBreaks == 0 ? width : 0;
        breaks.clear();
        xs[0] = linear == 0 && nBreaks > 0 ? x0 + (rest / 2) : x0;
        for (int i = 0; i < broken.length; i++) {
            double step = broken[i] ? breakPx : linear == 0 ? evenPx : (times[i + 1] - times[i]) * pxPerMs;
            xs[i + 1] = xs[i] + step;
            if (broken[i]) breaks.add(new Break(times[i], times[i + 1], xs[i], xs[i + 1]));
        }
    }

    double x(long t) {
        if (t <= times[0]) return xs[0];
        if (t >= times[times.length - 1]) return xs[xs.length - 1];
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) return xs[i];
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (double) (t - times[lo]) / (times[hi] - times[lo]);
        return xs[lo] + f * (xs[hi] - xs[lo]);
    }

    List<Break> breaks() {
        return breaks;
    }

    long first() {
        return times[0];
    }

    long last() {
        return times[times.length - 1];
    }

    /** Round times for axis labels, at least {@code minSpacingPx} apart, in every unbroken stretch. */
    List<Long> ticks(double minSpacingPx) {
        List<Long> ticks = new ArrayList<>();
        if (pxPerMs <= 0) {
            ticks.add(times[0]);
            for (Break b : breaks) ticks.add(b.to());
            return ticks;
        }
        long step = niceStep(minSpacingPx / pxPerMs);
        int start = 0;
        for (int i = 0; i <= broken.length; i++) {
            if (i == broken.length || broken[i]) {
                long a = times[start];
                long b = times[i];
                long t = Math.floorDiv(a + step - 1, step) * step;
                if (start > 0 && t - a < step / 2) t += step;
                if (start > 0) ticks.add(a);
                for (; t <= b; t += step) ticks.add(t);
                start = i + 1;
            }
        }
        return ticks;
    }

    static long niceStep(double ms) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) if (step * m >= ms) return step * m;
            step *= 10;
        }
    }

    /** A coarse duration for break labels: "3h", "10min", "12s", "250ms". */
    static String duration(long ms) {
        if (ms >= 3_600_000) return trim(ms / 3_600_000.0) + "h";
        if (ms >= 60_000) return trim(ms / 60_000.0) + "min";
        if (ms >= 1000) return trim(ms / 1000.0) + "s";
        return ms + "ms";
    }

    /** An axis label: milliseconds while small, then h:mm:ss.mmm. */
    static String label(long ms) {
        if (ms < 10_000) return ms + " ms";
        long h = ms / 3_600_000;
        long m = ms / 60_000 % 60;
        long s = ms / 1000 % 60;
        long rest = ms % 1000;
        return h > 0 ? String.format("%d:%02d:%02d.%03d", h, m, s, rest) : String.format("%d:%02d.%03d", m, s, rest);
    }

    private static String trim(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
