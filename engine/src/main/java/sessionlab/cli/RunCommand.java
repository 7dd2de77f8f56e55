package sessionlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sessionlab.event.EventJson;
import sessionlab.event.EventLog;
import sessionlab.export.Exporter;
import sessionlab.run.RunResult;
import sessionlab.run.Stacks;
import sessionlab.scenario.Diagnostic;
import sessionlab.scenario.LessonText;
import sessionlab.scenario.Scenario;
import sessionlab.scenario.ScenarioException;
import sessionlab.scenario.ScenarioParser;

@Command(name = "run", description = "Run a .lab scenario and print its timeline (exit 0 all passed, 1 an expectation failed, 2 bad file or error).")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--stack", description = "libssl | jsse | bc (overrides the file's stack statement)")
    String stack;

    @Option(names = "--compare", split = ",", paramLabel = "STACKS",
            description = "run the lesson on several stacks (e.g. libssl,jsse,bc) and print a table of outcomes per statement")
    java.util.List<String> compare;

    @Option(names = "--json", description = "print the events as JSON Lines instead of the timeline")
    boolean json;

    @Option(names = "--events", paramLabel = "OUT.jsonl", description = "also write the events to this file")
    Path events;

    @Option(names = "--pcap", paramLabel = "OUT.pcapng", description = "also write the TLS records as a pcapng capture for Wireshark")
    Path pcap;

    @Option(names = "--keylog", paramLabel = "OUT.keys", description = "also write the run's TLS secrets (SSLKEYLOGFILE format) so Wireshark can decrypt the capture")
    Path keylog;

    @Option(names = {"-v", "--verbose"}, description = "show every handshake message, call, stat and session property")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        String source;
        try {
            source = LessonText.read(file);
        } catch (NoSuchFileException e) {
            System.err.println(file + ": no such file");
            return 2;
        } catch (LessonText.NotText e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(file.toString(), source);
        } catch (ScenarioException e) {
            for (Diagnostic d : e.diagnostics()) System.err.println(d);
            return 2;
        }
        if (compare != null && !compare.isEmpty()) {
            var result = sessionlab.run.Comparison.run(scenario, compare, Stacks.standard());
            sessionlab.run.ComparisonTable.print(result, out, 160);
            return result.runs().isEmpty() ? 2 : result.runs().values().stream().mapToInt(RunResult::exitCode).max().orElse(0);
        }
        String name = stack != null ? stack : scenario.stack().orElse("libssl");
        var problem = Stacks.standard().whyNot(name);
        if (problem.isPresent()) {
            System.err.println(file + ": " + problem.get());
            return 2;
        }
        EventLog log = new EventLog();
        Timeline timeline = new Timeline(out, verbose);
        log.onAppend(e -> {
            if (json) out.println(EventJson.toLine(e));
            else timeline.print(e);
        });
        RunResult r = Stacks.standard().run(scenario, name, log);
        if (events != null) {
            try (Writer w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
                EventJson.write(log, w);
            }
        }
        Exporter.write(log, r.keyLog(), pcap, keylog);
        if (keylog != null) {
            System.err.println("warning: " + keylog + " holds the run's TLS secrets (anyone with it can decrypt the capture)");
        }
        return r.exitCode();
    }
}
