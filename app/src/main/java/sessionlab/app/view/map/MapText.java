package sessionlab.app.view.map;

import java.util.Map;
import java.util.StringJoiner;

/** Text and id helpers shared by the map's nodes. Pure functions, no FX. */
final class MapText {
    private MapText() {}

    /** A CSS-safe id: {@code c1.server} becomes {@code c1-server}, so that {@code #ssl-c1-server} is a valid selector. */
    static String id(String prefix, String name) {
        return prefix + "-" + name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** A duration the way a presenter would say it: seconds, then minutes, then hours. */
    static String duration(long seconds) {
        if (seconds < 120) return seconds + " s";
        if (seconds < 7200) return seconds / 60 + " min";
        long h = seconds / 3600, m = seconds % 3600 / 60;
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** "SSL c1, cache client, var s1"; a holder with several references gets "×n". */
    static String holders(Map<String, Integer> holders) {
        if (holders.isEmpty()) return "no holders";
        StringJoiner j = new StringJoiner(", ");
        holders.forEach((who, n) -> j.add(n == 1 ? who : who + " ×" + n));
        return j.toString();
    }

    static int sum(Map<String, Integer> holders) {
        int s = 0;
        for (int n : holders.values()) s += n;
        return s;
    }
}
