package sessionlab.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random valid lessons, misuse included, run in child JVMs under glibc's heap checks
 * ({@code MALLOC_CHECK_=3}, {@code MALLOC_PERTURB_}), so that a native crash fails this test instead
 * of killing the test runner. Every run must end with exit 0, 1 or 2, no internal error, no
 * refcount mismatch, no native object outliving the run, and (libssl) as many sessions destroyed as
 * created. {@code -Dfuzz.sequences=10000} makes it the large, nightly-style run.
 */
class RandomSequencesTest {
    private static final int SEQUENCES = Integer.getInteger("fuzz.sequences", 300);
    private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 200);
    private static final long FIRST_SEED = Long.getLong("fuzz.seed", 1);
    /** Far longer than any generated lesson takes (a few ms on libssl, under a second on jsse). */
    private static final long QUIET_LIMIT_SECONDS = 120;

    @Test
    void randomLessonsEndCleanlyOnEveryStack() throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (String stack : List.of("libssl", "bc", "jsse")) workers.add(Worker.start(stack, FIRST_SEED, SEQUENCES));
        List<String> failures = new ArrayList<>();
        for (Worker w : workers) failures.addAll(w.finish());
        assertThat(failures).as("failures of %d random lessons per stack", SEQUENCES).isEmpty();
        for (Worker w : workers) assertThat(w.passed).as(w.stack + " lessons that ended cleanly").isEqualTo(SEQUENCES);
    }

    @Test
    void mutatedSampleLessonsRunToACleanEndOrSayWhereTheyAreWrong() throws Exception {
        Path samples = Path.of("..", "samples").toAbsolutePath().normalize();
        Worker w = Worker.start("libssl", FIRST_SEED, MUTANTS, "mutate", samples.toString());
        assertThat(w.finish()).as("failures of %d mutated sample lessons", MUTANTS).isEmpty();
        assertThat(w.passed).isEqualTo(MUTANTS);
    }

    /** One child JVM running lessons {@code first..first+count-1} on one stack; its stdout is read on a thread. */
    private static final class Worker {
        final String stack;
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Path crashLog;
        final boolean mutating;
        int passed;

        private Worker(String stack, Process process, Path crashLog, boolean mutating) {
            this.stack = stack;
            this.process = process;
            this.crashLog = crashLog;
            this.mutating = mutating;
        }

        static Worker start(String stack, long first, int count, String... mode) throws IOException {
            Path target = Path.of("target", "fuzz").toAbsolutePath();
            Files.createDirectories(target);
            Path crashLog = target.resolve("hs_err_" + stack + (mode.length > 0 ? "_" + mode[0] : "") + ".log");
            Files.deleteIfExists(crashLog);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:ErrorFile=" + crashLog,
                    "-cp", System.getProperty("java.class.path"), FuzzWorker.class.getName(),
                    stack, Long.toString(first), Integer.toString(count)));
            command.addAll(List.of(mode));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.directory(target.toFile());
            pb.redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("MALLOC_CHECK_", "3");
            env.put("MALLOC_PERTURB_", Integer.toString(1 + (int) (first % 254)));
            Worker w = new Worker(stack, pb.start(), crashLog, mode.length > 0);
            Thread reader = new Thread(w::read, "fuzz-" + stack);
            reader.setDaemon(true);
            reader.start();
            return w;
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
            } catch (IOException e) {
                lines.add("read failed: " + e);
            } finally {
                lines.add("<eof>");
            }
        }

        /** Reads the worker's reports to the end; a crash or a hang names the lesson that caused it. */
        List<String> finish() throws Exception {
            List<String> failures = new ArrayList<>();
            List<String> other = new ArrayList<>();
            String started = null;
            while (true) {
                String line = lines.poll(QUIET_LIMIT_SECONDS, TimeUnit.SECONDS);
                if (line == null) {
                    process.destroyForcibly();
                    failures.add(stack + ": no progress for " + QUIET_LIMIT_SECONDS + " s (a hang) in " + lesson(started));
                    return failures;
                }
                if (line.equals("finished")) break;
                if (line.equals("<eof>")) {
                    int exit = process.waitFor();
                    failures.add(stack + ": the child JVM died (exit " + exit + (exit > 128 ? ", signal " + (exit - 128) : "")
                            + ") in " + lesson(started) + (Files.exists(crashLog) ? "; see " + crashLog : "")
                            + "; it printed: " + other.stream().limit(20).collect(Collectors.joining(" / ")));
                    return failures;
                }
                if (line.startsWith("start ")) started = line.substring(6);
                else if (line.startsWith("ok ")) passed++;
                else if (line.startsWith("bad ")) failures.add(stack + ": " + line + (mutating ? "" : "\n" + ScenarioGenerator.generate(Long.parseLong(started))));
                else other.add(line);
            }
            assertThat(process.waitFor(QUIET_LIMIT_SECONDS, TimeUnit.SECONDS)).as(stack + " worker exits").isTrue();
            if (process.exitValue() != 0) failures.add(stack + ": worker exit " + process.exitValue());
            return failures;
        }

        private String lesson(String seed) {
            if (seed == null) return "start-up";
            return "seed " + seed + (mutating ? " (a mutated sample, kept in target/fuzz)" : ":\n" + ScenarioGenerator.generate(Long.parseLong(seed)));
        }
    }
}
