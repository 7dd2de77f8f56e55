package sessionlab.export;

import java.nio.file.Files;
import java.nio.file.Path;
import sessionlab.event.EventLog;
import sessionlab.run.RunResult;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.ScenarioParser;

/** Test helper: the TLS 1.3 ticket lesson run on the real libssl, exported to a directory. */
final class TicketLesson {
    static final Path FILE = Path.of("../samples/01-tls13-ticket-timing.lab");

    private TicketLesson() {}

    static RunResult run() throws Exception {
        RunResult r = ScenarioRunner.run(ScenarioParser.parse(FILE.getFileName().toString(), Files.readString(FILE)),
                Stacks.standard().byName("libssl").orElseThrow(), new EventLog());
        if (r.exitCode() != 0) throw new AssertionError("the ticket lesson did not pass: exit " + r.exitCode());
        return r;
    }
}
