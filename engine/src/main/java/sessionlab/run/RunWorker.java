package sessionlab.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.nio.charset.StandardCharsets;
import sessionlab.event.Event;
import sessionlab.event.EventJson;
import sessionlab.event.EventLog;
import sessionlab.scenario.Scenario;
import sessionlab.scenario.ScenarioException;
import sessionlab.scenario.ScenarioParser;

/**
 * The child process of {@link IsolatedRuns}: reads one request per line on stdin
 * ({@code {"file","source","stack"}}), runs it, and streams the run back on stdout as it happens:
 * {@code E <event as JSON>} per event, then {@code R <tallies and key log>}. Streaming means a run
 * that dies in native code still leaves its events up to the fatal call with the parent.
 */
public final class RunWorker {
    static final String ABORT_AT_LINE = "sessionlab.worker.abortAtLine";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunWorker() {}

    public static void main(String[] args) throws IOException {
        // Only the protocol may reach the parent's pipe: stray output goes to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Stacks stacks = Stacks.standard();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        protocol.println("READY");
        protocol.flush();
        for (String line; (line = in.readLine()) != null; ) {
            JsonNode request = JSON.readTree(line);
            serve(stacks, request.get("file").asText(), request.get("source").asText(), request.get("stack").asText(), protocol);
        }
    }

    private static void serve(Stacks stacks, String file, String source, String stack, PrintStream out) {
        EventLog log = new EventLog();
        Integer abortAt = Integer.getInteger(ABORT_AT_LINE);
        log.onAppend(e -> {
            out.println("E " + EventJson.toLine(e));
            if (abortAt != null && e.event() instanceof Event.StatementStarted s && s.line() == abortAt) {
                out.flush();
                abort();
            }
        });
        ObjectNode end = JSON.createObjectNode();
        try {
            Scenario scenario = ScenarioParser.parse(file, source);
            RunResult r = stacks.run(scenario, stack, log);
            end.put("passed", r.passed()).put("failed", r.failed()).put("errors", r.errors()).put("leaks", r.leaks());
            end.set("keyLog", JSON.valueToTree(r.keyLog()));
        } catch (ScenarioException | RuntimeException e) {
            end.put("failure", e.toString());
        }
        out.println("R " + end);
        out.flush();
    }

    /** A real native crash, for the tests that prove the window survives one. */
    private static void abort() {
        Linker linker = Linker.nativeLinker();
        try {
            linker.downcallHandle(linker.defaultLookup().find("abort").orElseThrow(), FunctionDescriptor.ofVoid()).invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
