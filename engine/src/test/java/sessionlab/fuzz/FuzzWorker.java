package sessionlab.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import sessionlab.cli.Main;
import java.util.ArrayList;
import java.util.List;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.run.RunResult;
import sessionlab.run.Stacks;
import sessionlab.scenario.Scenario;
import sessionlab.scenario.ScenarioException;
import sessionlab.scenario.ScenarioParser;

/**
 * The child JVM of {@link RandomSequencesTest}: runs generated lessons one after another and reports
 * each on stdout ({@code start SEED}, then {@code ok SEED EXIT} or {@code bad SEED what went wrong}),
 * so that a crash in native code kills this process, not the test runner, and the parent knows which
 * lesson did it. Arguments: stack, first seed, count, and {@code generate} (random lessons) or
 * {@code mutate SAMPLES_DIR} (mutated sample lessons, run through the command line as a user would).
 */
public final class FuzzWorker {
    private FuzzWorker() {}

    public static void main(String[] args) {
        String stack = args[0];
        long first = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        boolean mutate = args.length > 3 && args[3].equals("mutate");
        List<Path> samples = mutate ? LessonMutator.samples(Path.of(args[4])) : List.of();
        PrintStream out = System.out;
        Stacks stacks = Stacks.standard();
        for (long seed = first; seed < first + count; seed++) {
            out.println("start " + seed);
            out.flush();
            List<String> problems = mutate ? checkMutant(samples, stack, seed, out) : check(stacks, stack, seed);
            out.println(problems.isEmpty() ? "ok " + seed : "bad " + seed + " " + String.join(" | ", problems).replace('\n', ' '));
            out.flush();
        }
        out.println("finished");
        out.flush();
    }

    private static final Pattern POSITIONED = Pattern.compile("^\\S+\\.lab:\\d+:\\d+: .+");

    /**
     * Runs one mutated sample through {@code sessionlab run}: exit 0, 1 or 2, a bad file answered only
     * with {@code FILE:LINE:COLUMN: message} lines, and never a stack trace.
     */
    static List<String> checkMutant(List<Path> samples, String stack, long seed, PrintStream realOut) {
        LessonMutator.Mutant m = LessonMutator.mutate(samples, seed);
        Path file = Path.of("mutant-" + seed + ".lab").toAbsolutePath();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            Files.writeString(file, m.text());
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute("run", file.toString(), "--stack", stack);
        } catch (IOException | RuntimeException e) {
            return List.of("mutant of " + m.from().getFileName() + " threw " + e);
        } finally {
            System.setOut(realOut);
            System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        }
        List<String> problems = new ArrayList<>();
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        if (exit < 0 || exit > 2) problems.add("exit " + exit);
        if (all.contains("Exception") || all.contains("\tat ")) problems.add("a stack trace: " + all);
        if (exit == 2 && out.size() == 0) {
            for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !POSITIONED.matcher(line).matches() && !line.startsWith(" ")) problems.add("unpositioned: " + line);
            }
        }
        if (problems.isEmpty()) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                problems.add("cannot delete " + file);
            }
        } else {
            problems.add("mutant of " + m.from().getFileName() + " kept as " + file);
        }
        return problems;
    }

    /** Runs one lesson and lists every broken promise: empty when the run ended as it must. */
    static List<String> check(Stacks stacks, String stack, long seed) {
        String text = ScenarioGenerator.generate(seed);
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse("seed-" + seed + ".lab", text);
        } catch (ScenarioException e) {
            return List.of("generated lesson does not parse: " + e.diagnostics());
        }
        RunResult result;
        try {
            result = stacks.run(scenario, stack, new EventLog());
        } catch (RuntimeException e) {
            return List.of("the run threw " + e);
        }
        List<String> problems = new ArrayList<>();
        int exit = result.exitCode();
        if (exit < 0 || exit > 2) problems.add("exit " + exit);
        EventLog log = result.log();
        log.ofType(Event.Error.class).stream().filter(e -> e.kind().equals("internal") || e.kind().equals("outlived"))
                .forEach(e -> problems.add(e.kind() + ": " + e.message()));
        log.ofType(Event.RefcountMismatch.class).forEach(m -> problems.add("mismatch: " + m));
        if (stack.equals("libssl")) {
            int created = log.ofType(Event.SessionCreated.class).size();
            int destroyed = log.ofType(Event.SessionDestroyed.class).size();
            if (created != destroyed) problems.add("sessions created " + created + " != destroyed " + destroyed);
        }
        if (log.ofType(Event.RunFinished.class).isEmpty()) problems.add("no run.finished");
        return problems;
    }
}
