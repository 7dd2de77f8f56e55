package sessionlab.run;

import java.io.PrintStream;
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
            StringBuilder row = new StringBuilder(String.format("%-4s %-40s", (differing.contains(l.getKey()) ? "*" : "") + l.getKey(),
                    cut(l.getValue(), 40)));
            for (String s : stacks) {
                Comparison.Cell c = r.cells().get(s).get(l.getKey());
                row.append(" | ").append(pad(r.unavailable().containsKey(s) ? "n/a" : c == null ? "" : cut(c.text(), col), col));
            }
            out.println(row);
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

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }
}
