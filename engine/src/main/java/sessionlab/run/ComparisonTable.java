package sessionlab.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a comparison as a plain-text table: one row per statement, one column per stack. */
public final class ComparisonTable {
    private ComparisonTable() {}

    public static void print(Comparison.Result r, PrintStream out, int width) {
        List<String> stacks = r.stacks();
        int col = Math.max(18, (width - 46) / Math.max(1, stacks.size()));
        StringBuilder head = new StringBuilder(String.format("%-4s %-40s", "line", "statement"));
        for (String s : stacks) head.append(" | ").append(pad(s + status(r, s), col));
        out.println(head);
        out.println("-".repeat(head.length()));
        List<Integer> differing = r.differingLines();
        for (Map.Entry<Integer, String> l : r.lines().entrySet()) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (String s : stacks) {
                Comparison.Cell c = r.cells().get(s).get(l.getKey());
                List<String> lines = wrap(r.unavailable().containsKey(s) ? "n/a" : c == null ? "" : c.text(), col);
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            for (int k = 0; k < height; k++) {
                StringBuilder row = new StringBuilder(k == 0
                        ? String.format("%-4s %-40s", (differing.contains(l.getKey()) ? "*" : "") + l.getKey(), cut(l.getValue(), 40))
                        : " ".repeat(45));
                for (List<String> cell : cells) row.append(" | ").append(pad(k < cell.size() ? cell.get(k) : "", col));
                out.println(row.toString().stripTrailing());
            }
        }
        out.println();
        out.println("* = the stacks did not do the same on this line");
        r.unavailable().forEach((s, why) -> out.println(s + ": not run: " + why));
        r.runs().forEach((s, run) -> out.println(s + ": " + run.passed() + " passed, " + run.failed() + " failed, " + run.errors() + " errors"));
    }

    private static String status(Comparison.Result r, String s) {
        return r.unavailable().containsKey(s) ? " (not run)" : "";
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    /** A cell's facts ("a; b; c") over as many lines of {@code width} as they need, a fact never split unless it alone is wider. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : text.split("; ")) {
            String piece = line.isEmpty() ? part : "; " + part;
            if (!line.isEmpty() && line.length() + piece.length() > width) {
                out.add(line + ";");
                line.setLength(0);
                piece = part;
            }
            line.append(piece);
            while (line.length() > width) {
                out.add(line.substring(0, width));
                line.delete(0, width);
            }
        }
        out.add(line.toString());
        return out;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }
}
