package sessionlab.scenario;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario spelling of durations: a whole, non-negative amount and a required unit
 * ({@code 250ms}, {@code 300s}, {@code 5m}, {@code 2h}, {@code 1d}). The unit is required because
 * a bare {@code 300} is ambiguous between libssl's seconds and Java's milliseconds.
 */
public final class Durations {
    /** Units largest first, so {@link #format} finds the shortest exact spelling. */
    private static final List<Unit> UNITS = List.of(
            new Unit("d", ChronoUnit.DAYS), new Unit("h", ChronoUnit.HOURS), new Unit("m", ChronoUnit.MINUTES),
            new Unit("s", ChronoUnit.SECONDS), new Unit("ms", ChronoUnit.MILLIS));
    static final String UNIT_LIST = "ms, s, m, h, d";
    private static final Pattern SHAPE = Pattern.compile("(-?)([0-9]+)(\\.[0-9]+)?([A-Za-z0-9_]*)");

    private record Unit(String word, ChronoUnit unit) {}

    private Durations() {}

    /**
     * Parses {@code 250ms}, {@code 3h} and the like.
     *
     * @throws IllegalArgumentException with a message fit for a diagnostic, e.g.
     *     {@code duration needs a unit (ms, s, m, h, d): '300'}
     */
    public static Duration parseDuration(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 250ms, 300s, 5m, 2h, 1d)");
        }
        if (!m.group(1).isEmpty()) {
            throw new IllegalArgumentException("duration must not be negative: '" + text + "'");
        }
        if (m.group(3) != null) {
            throw new IllegalArgumentException("duration amount must be a whole number: '" + text + "'");
        }
        String unitWord = m.group(4);
        if (unitWord.isEmpty()) {
            throw new IllegalArgumentException("duration needs a unit (" + UNIT_LIST + "): '" + text + "'");
        }
        Unit unit = UNITS.stream().filter(u -> u.word.equals(unitWord)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown duration unit '" + unitWord + "' (" + UNIT_LIST + "): '" + text + "'"));
        try {
            return Duration.of(Long.parseLong(m.group(2)), unit.unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration too large: '" + text + "'");
        }
    }

    /**
     * The shortest exact scenario spelling: {@code 3h}, {@code 90s}, {@code 250ms}; zero is {@code 0s}.
     * A duration finer than a millisecond has no scenario spelling and prints in ISO-8601.
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.isZero()) {
            return "0s";
        }
        for (Unit u : UNITS) {
            Duration one = u.unit.getDuration();
            long amount = duration.dividedBy(one);
            if (amount > 0 && one.multipliedBy(amount).equals(duration)) {
                return amount + u.word;
            }
        }
        return duration.toString();
    }
}
