package sessionlab.app.view.inspect;

import java.util.ArrayList;
import java.util.List;

/** Short, projector-friendly renderings of virtual times, durations and session ids. */
final class Format {
    private Format() {}

    /** A virtual instant in milliseconds: "75 ms", "10800.175 s (3 h)". */
    static String at(long ms) {
        if (ms < 0) return "—";
        if (ms < 10_000) return ms + " ms";
        return String.format(java.util.Locale.ROOT, "%d.%03d s (%s)", ms / 1000, ms % 1000, human(ms / 1000));
    }

    /** A duration in seconds: "45 s", "7200 s (2 h)". */
    static String seconds(long s) {
        return s < 60 ? s + " s" : s + " s (" + human(s) + ")";
    }

    /** "2 h", "3 h 5 min", "1 d 2 h 3 min 4 s". */
    static String human(long s) {
        if (s <= 0) return "0 s";
        List<String> parts = new ArrayList<>();
        long d = s / 86_400, h = s / 3600 % 24, m = s / 60 % 60, sec = s % 60;
        if (d > 0) parts.add(d + " d");
        if (h > 0) parts.add(h + " h");
        if (m > 0) parts.add(m + " min");
        if (sec > 0) parts.add(sec + " s");
        return String.join(" ", parts);
    }

    /** A hex id in groups of 8, 4 groups a line, so a 32-byte id fits a narrow pane on two lines. */
    static String id(String hex) {
        if (hex == null || hex.isEmpty()) return "(no id yet)";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 8) {
            if (i > 0) b.append(i % 32 == 0 ? '\n' : ' ');
            b.append(hex, i, Math.min(i + 8, hex.length()));
        }
        return b.toString();
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }
}
