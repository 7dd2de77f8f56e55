package sessionlab.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.event.LoggedEvent;
import sessionlab.scenario.Scenario;

/**
 * One lesson on several stacks, statement by statement: what each stack did on each line (resumed or
 * full handshake, tickets read, the size of a cache that changed, expectation results, what it could
 * not do). Only observed facts.
 */
public final class Comparison {
    /** What one stack did on one line; {@code text} is the short cell shown in the table. */
    public record Cell(String text, boolean failed, boolean unsupported) {}

    /** Per stack name: its run (null when it cannot run here) and the cells by line. */
    public record Result(List<String> stacks, Map<Integer, String> lines, Map<String, Map<Integer, Cell>> cells,
                         Map<String, RunResult> runs, Map<String, String> unavailable) {
        /** Lines where the stacks that ran did not all do the same. */
        public List<Integer> differingLines() {
            List<Integer> out = new ArrayList<>();
            for (int line : lines.keySet()) {
                String first = null;
                boolean differs = false;
                for (String s : stacks) {
                    if (!runs.containsKey(s)) continue;
                    String t = cells.get(s).getOrDefault(line, new Cell("", false, false)).text();
                    if (first == null) first = t;
                    else if (!first.equals(t)) differs = true;
                }
                if (differs) out.add(line);
            }
            return out;
        }
    }

    private Comparison() {}

    public static Result run(Scenario scenario, List<String> stackNames, Stacks stacks) {
        Map<Integer, String> lines = new TreeMap<>();
        Map<String, Map<Integer, Cell>> cells = new LinkedHashMap<>();
        Map<String, RunResult> runs = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (String name : stackNames) {
            var problem = stacks.whyNot(name);
            if (problem.isPresent()) {
                unavailable.put(name, problem.get());
                cells.put(name, Map.of());
                continue;
            }
            RunResult r = stacks.run(scenario, name, new EventLog());
            runs.put(name, r);
            cells.put(name, cellsOf(r.log().events(), lines));
        }
        return new Result(List.copyOf(stackNames), lines, cells, runs, unavailable);
    }

    /** The cells of one run, by line; fills {@code lines} with the statements seen. */
    public static Map<Integer, Cell> cellsOf(List<LoggedEvent> events, Map<Integer, String> lines) {
        Map<Integer, List<String>> parts = new TreeMap<>();
        Map<Integer, Boolean> failed = new TreeMap<>();
        Map<Integer, Boolean> unsupported = new TreeMap<>();
        Map<Integer, Map<String, Integer>> cacheSizes = new TreeMap<>();
        int line = 0;
        for (LoggedEvent le : events) {
            Event e = le.event();
            if (e instanceof Event.StatementStarted s) {
                line = s.line();
                lines.putIfAbsent(line, s.text());
                continue;
            }
            if (line == 0) continue;
            if (e instanceof Event.Leak) break; // the end-of-run clean-up: it belongs to no line
            List<String> p = parts.computeIfAbsent(line, k -> new ArrayList<>());
            switch (e) {
                case Event.HandshakeDone h when "client".equals(h.side()) -> p.add(h.version() + (h.resumed() ? " resumed" : " full"));
                case Event.ExpectPass x -> p.add("pass");
                case Event.ExpectFail f -> {
                    p.add("FAIL [" + f.observed() + "]");
                    failed.put(line, true);
                }
                case Event.Error er -> {
                    boolean unsup = er.kind().equals("unsupported") || er.message().contains("not supported") || er.message().contains(" has no ");
                    p.add((unsup ? "unsupported: " : "error: ") + er.message().replaceFirst("^[^ ]+:\\d+:\\d+: ", ""));
                    if (unsup) unsupported.put(line, true);
                    else failed.put(line, true);
                }
                case Event.ResumeExplained r when !r.resumed() -> p.add("not resumed: " + r.reason());
                default -> { }
            }
            switch (e) {
                case Event.CacheInsert i -> cacheSizes.computeIfAbsent(line, k -> new LinkedHashMap<>()).put(i.ctx(), i.size());
                case Event.CacheRemove r -> cacheSizes.computeIfAbsent(line, k -> new LinkedHashMap<>()).put(r.ctx(), r.size());
                default -> { }
            }
            if (e instanceof Event.TicketReceived t) {
                p.removeIf(x -> x.endsWith(" ticket(s) read"));
                p.add(t.index() + " ticket(s) read");
            }
        }
        // a cache that changed on a line: its size once the line was done
        cacheSizes.forEach((l, sizes) -> sizes.forEach((ctx, n) -> parts.computeIfAbsent(l, k -> new ArrayList<>()).add("cache " + ctx + " " + n)));
        Map<Integer, Cell> out = new TreeMap<>();
        parts.forEach((l, p) -> out.put(l, new Cell(String.join("; ", p), failed.getOrDefault(l, false), unsupported.getOrDefault(l, false))));
        return out;
    }
}
