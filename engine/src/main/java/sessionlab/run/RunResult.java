package sessionlab.run;

import java.util.List;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.event.LoggedEvent;

/** What a run left: its log, the tallies, and the key log (kept out of the event log: secrets). */
public record RunResult(EventLog log, int passed, int failed, int errors, int leaks, List<String> keyLog) {
    /** 0 when every expectation passed, 1 when one failed, 2 when a statement could not run. */
    public int exitCode() {
        return errors > 0 ? 2 : failed > 0 ? 1 : 0;
    }

    /** The stack that ran, as run.started names it ("" for a log without one). */
    public String stack() {
        return log.events().stream().map(LoggedEvent::event).filter(Event.RunStarted.class::isInstance)
                .map(e -> ((Event.RunStarted) e).stack()).findFirst().orElse("");
    }
}
