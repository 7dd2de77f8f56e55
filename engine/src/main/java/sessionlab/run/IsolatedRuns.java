package sessionlab.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sessionlab.event.Event;
import sessionlab.event.EventJson;
import sessionlab.event.EventLog;
import sessionlab.event.LoggedEvent;

/**
 * Runs lessons in a child JVM ({@link RunWorker}), so that a fault inside native code ends that
 * process, never the caller's (the app's window). The child is started on first use and kept for
 * the next runs; when it dies, the run reports what it did up to that point plus an error saying
 * so, and the next run starts a new child. Calls are serialised: one run at a time.
 */
public final class IsolatedRuns implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The AOT cache the launcher of an installed image gives the child (made by the image build's training run). */
    public static final String WORKER_AOT = "sessionlab.worker.aot";
    /** With {@code -Dsessionlab.worker.train=true}, a missing {@link #WORKER_AOT} cache is written when the child ends. */
    public static final String WORKER_TRAIN = "sessionlab.worker.train";
    private final List<String> jvmOptions;
    private Process process;
    private Writer requests;
    private BufferedReader replies;

    /** @param jvmOptions extra options for the child (tests use them to inject a crash) */
    public IsolatedRuns(List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public IsolatedRuns() {
        this(List.of());
    }

    /** The child JVM: the same Java and class path as this process; its crash log goes to the temp directory. */
    private List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "sessionlab-run-hs_err_pid%p.log")));
        // the JVM's own warnings go to stderr: stdout is the reply channel
        cmd.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr"));
        // an installed image names an AOT cache for the child (start-up: see app/src/dist/build-image.sh)
        String aot = System.getProperty(WORKER_AOT, "");
        if (!aot.isEmpty() && Files.exists(Path.of(aot))) cmd.add("-XX:AOTCache=" + aot);
        else if (!aot.isEmpty() && training()) cmd.add("-XX:AOTCacheOutput=" + aot);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RunWorker.class.getName()));
        return cmd;
    }

    /** Starts the child now (if it is not running), so that the first run does not wait for it. */
    public synchronized void warmUp() throws IOException {
        if (process != null && process.isAlive()) return;
        ProcessBuilder pb = new ProcessBuilder(command());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        process = pb.start();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = replies.readLine();
        if (!"READY".equals(ready)) throw new IOException("the run process did not start: " + (ready == null ? "it exited" : ready));
    }

    /** Runs a lesson (already checked by the caller) on {@code stack} in the child; never throws for what happens there. */
    public synchronized RunResult run(String file, String source, String stack) {
        EventLog log = new EventLog();
        List<String> other = new ArrayList<>();
        try {
            warmUp();
            requests.write(JSON.createObjectNode().put("file", file).put("source", source).put("stack", stack) + "\n");
            requests.flush();
            for (String line; (line = replies.readLine()) != null; ) {
                if (line.startsWith("E ")) {
                    log.appendLogged(EventJson.fromLine(line.substring(2)));
                } else if (line.startsWith("R ")) {
                    return finished(log, JSON.readTree(line.substring(2)));
                } else if (other.size() < 20) {
                    other.add(line);
                }
            }
        } catch (IOException e) {
            other.add(e.getMessage());
        }
        return died(log, other);
    }

    private static RunResult finished(EventLog log, JsonNode end) {
        if (end.has("failure")) {
            append(log, new Event.Error(null, "internal", "the run process failed: " + end.get("failure").asText()));
            return new RunResult(log, 0, 0, 1, 0, List.of());
        }
        List<String> keyLog = new ArrayList<>();
        end.get("keyLog").forEach(k -> keyLog.add(k.asText()));
        return new RunResult(log, end.get("passed").asInt(), end.get("failed").asInt(), end.get("errors").asInt(),
                end.get("leaks").asInt(), List.copyOf(keyLog));
    }

    /** The child ended mid-run: its events so far, then an error that says where and how, then the tallies. */
    private RunResult died(EventLog log, List<String> printed) {
        int exit = waitForExit();
        Path crashLog = Path.of(System.getProperty("java.io.tmpdir"), "sessionlab-run-hs_err_pid" + process.pid() + ".log");
        process = null;
        Integer line = null;
        for (LoggedEvent e : log.events()) if (e.event() instanceof Event.StatementStarted s) line = s.line();
        String how = exit > 128 ? "signal " + (exit - 128) + signalName(exit - 128) : "exit " + exit;
        String said = printed.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst()
                .or(() -> printed.stream().filter(l -> l.startsWith("# C ") || l.startsWith("# Problematic")).findFirst())
                .map(l -> "; it said: " + l.trim()).orElse("");
        append(log, new Event.Error(line, "crashed", "the run process died (" + how + ")"
                + (line == null ? "" : " during line " + line)
                + ": a fault inside the TLS library, which ended that process only; everything above happened before it" + said
                + (java.nio.file.Files.exists(crashLog) ? " (the JVM's report: " + crashLog + ")" : "")));
        int passed = log.ofType(Event.ExpectPass.class).size();
        int failed = log.ofType(Event.ExpectFail.class).size();
        int errors = log.ofType(Event.Error.class).size();
        append(log, new Event.RunFinished(passed, failed, errors, log.ofType(Event.Leak.class).size()));
        return new RunResult(log, passed, failed, errors, 0, List.of());
    }

    private int waitForExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 6 -> " SIGABRT";
            case 9 -> " SIGKILL";
            case 11 -> " SIGSEGV";
            default -> "";
        };
    }

    private static void append(EventLog log, Event e) {
        List<LoggedEvent> events = log.events();
        log.append(events.isEmpty() ? 0 : events.getLast().at(), e);
    }

    private static boolean training() {
        return Boolean.getBoolean(WORKER_TRAIN);
    }

    /** Ends the child the way it ends itself: its stdin closes, it finishes (a training child writes its AOT cache first). */
    @Override
    public synchronized void close() {
        if (process == null) return;
        try {
            requests.close();
            if (!process.waitFor(training() ? 120 : 5, java.util.concurrent.TimeUnit.SECONDS)) process.destroy();
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
        process = null;
    }
}
