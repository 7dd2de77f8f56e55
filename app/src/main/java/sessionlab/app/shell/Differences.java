package sessionlab.app.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import sessionlab.app.model.History;
import sessionlab.run.Comparison;

/** Where two runs of the same lesson did not do the same: line to what the other stack did there. */
final class Differences {
    private Differences() {}

    static Map<Integer, String> between(History mine, History other, String otherStack) {
        Map<Integer, String> lines = new TreeMap<>();
        Map<Integer, Comparison.Cell> a = Comparison.cellsOf(mine.events(), lines);
        Map<Integer, Comparison.Cell> b = Comparison.cellsOf(other.events(), lines);
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int line : lines.keySet()) {
            String x = a.containsKey(line) ? a.get(line).text() : "";
            String y = b.containsKey(line) ? b.get(line).text() : "";
            if (!x.equals(y)) out.put(line, otherStack + ": " + (y.isEmpty() ? "(nothing)" : y));
        }
        return out;
    }

    /** The cursor in {@code other} at the end of the same statement (by order of execution) as {@code cursor} in {@code mine}. */
    static int matchingCursor(History mine, int cursor, History other) {
        int[] a = mine.statementStarts();
        int n = 0;
        for (int s : a) if (s <= cursor) n++;
        if (n == 0) return -1;
        int[] b = other.statementStarts();
        if (n > b.length) return other.size() - 1;
        return n < b.length ? b[n] - 1 : other.size() - 1;
    }
}
