package sessionlab.cli;

import java.io.PrintStream;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;

/** The readable timeline of a run: statements, wire records, sessions, caches, callbacks, results. */
final class Timeline {
    private final PrintStream out;
    private final boolean verbose;

    Timeline(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    void print(LoggedEvent le) {
        String line = format(le.event());
        if (line == null) return;
        if (le.event() instanceof Event.StatementStarted || le.event() instanceof Event.RunFinished) out.println();
        out.printf("%9s  %s%n", time(le.at()), line);
    }

    static String time(long ms) {
        if (ms < 10_000) return ms + "ms";
        if (ms < 600_000) return String.format("%.1fs", ms / 1000.0);
        return String.format("%dh%02dm%02ds", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
    }

    private String format(Event e) {
        return switch (e) {
            case Event.RunStarted r -> "run " + r.file() + " on " + r.stack() + " (" + r.stackVersion() + ")"
                    + (r.refcountsKnown() ? "" : " — reference counts unknown") + join(r.caveats());
            case Event.StatementStarted s -> String.format("%-4s", s.line()) + s.text();
            case Event.Note n -> "  NOTE  " + n.text();
            case Event.ExpectPass p -> "  PASS  " + p.text() + "   [" + p.observed() + "]";
            case Event.ExpectFail f -> "  FAIL  line " + f.line() + ": " + f.text() + "   [" + f.observed() + "]";
            case Event.Error er -> "  ERROR " + er.message();
            case Event.ClockAdvance c -> "  clock +" + time(c.byMs()) + " -> " + time(c.nowMs()) + join(c.caveats());
            case Event.Call c -> verbose ? "  call   " + c.function() + "(" + c.target() + (c.args().isEmpty() ? "" : ", " + c.args()) + ")" : null;
            case Event.Return r -> "  " + r.function() + "(" + r.target() + ") returned " + (r.result().isEmpty() ? "" : r.result());
            case Event.ContextCreated c -> "  SSL_CTX " + c.ctx() + " (" + c.role() + ") " + c.settings();
            case Event.ContextFreed c -> "  SSL_CTX " + c.ctx() + " freed";
            case Event.ConnectionCreated c -> "  SSL " + c.conn() + " on " + c.ctx();
            case Event.ConnectionFreed c -> "  SSL " + c.conn() + " freed";
            case Event.VariableBound v -> "  " + v.name() + " -> " + (v.session() == null ? "NULL" : "session #" + v.session())
                    + (v.owned() ? " (owned reference)" : " (borrowed, no reference)");
            case Event.VariableDangling d -> "  ! " + d.name() + " now dangles: session #" + d.session() + " was destroyed";
            case Event.WireRecord w -> "  wire " + w.conn() + " " + w.direction() + " " + w.label() + " (" + w.length() + " bytes"
                    + (w.encrypted() ? ", encrypted" : "") + ", arrives " + time(w.arrivesAt()) + ")";
            case Event.HandshakeMessage m -> verbose ? "  msg  " + m.conn() + " " + m.side() + (m.sent() ? " sent " : " read ") + m.name() : null;
            case Event.HandshakeDone h -> "  handshake done on " + h.conn() + " " + h.side() + ": " + h.version() + " " + h.cipher()
                    + (h.resumed() ? ", RESUMED" : ", full");
            case Event.TicketSent t -> "  ticket #" + t.index() + " sent on " + t.conn() + " (lifetime " + t.lifetimeSeconds() + "s, " + t.ticketLength() + " bytes)";
            case Event.TicketReceived t -> "  ticket #" + t.index() + " processed by the client of " + t.conn();
            case Event.KeyLog k -> verbose ? "  keylog " + k.conn() + " " + k.label() : null;
            case Event.SessionCreated s -> "  session #" + s.session() + " created" + (s.dupOf() == null ? "" : " as a copy of #" + s.dupOf())
                    + " during " + s.during();
            case Event.SessionState s -> verbose ? "  session #" + s.session() + " " + s.side() + " id=" + shortId(s.id()) + " resumable=" + s.resumable()
                    + " ticket=" + s.ticketLength() + " timeout=" + s.timeoutSeconds() + "s" : null;
            case Event.SessionFlag f -> "  session #" + f.session() + (f.resumable() ? " is now resumable: " : " is no longer resumable: ") + f.reason();
            case Event.SessionRef r -> "  session #" + r.session() + " " + (r.delta() > 0 ? "+" : "") + r.delta() + " " + r.holder()
                    + " -> refcount " + (r.count() == null ? "unknown" : r.count());
            case Event.SessionDestroyed d -> "  session #" + d.session() + " DESTROYED during " + d.during();
            case Event.RefcountMismatch m -> "  ! session #" + m.session() + ": libssl counts " + m.real() + " references, the holders shown add up to "
                    + m.attributed() + " " + m.holders();
            case Event.Leak l -> "  LEAK  " + l.holder() + (l.session() == null ? "" : " (session #" + l.session() + ")") + " was still held; freed by the engine";
            case Event.ResumeExplained r -> "  WHY   " + (r.resumed() ? "" : r.conn() + " did not resume: ") + r.explanation()
                    + (r.causeLine() == null ? "" : "  [see line " + r.causeLine() + "]");
            case Event.Prevented p -> "  PREVENTED " + p.kind() + ": " + p.detail();
            case Event.CacheInsert c -> "  cache " + c.ctx() + " + session #" + c.session() + " (" + c.size() + " cached)";
            case Event.CacheRemove c -> "  cache " + c.ctx() + " - session #" + c.session() + " (" + c.reason() + ", " + c.size() + " cached)";
            case Event.CacheOrder c -> verbose ? "  cache " + c.ctx() + " head..tail " + c.sessions() : null;
            case Event.Callback c -> "  callback " + c.kind() + " on " + c.ctx() + " for session #" + c.session()
                    + (c.returned() == null ? "" : ", returned " + c.returned());
            case Event.Stats s -> verbose ? "  stats " + s.ctx() + " " + s.values() : null;
            case Event.RunFinished r -> "expectations: " + r.passed() + " passed, " + r.failed() + " failed; errors: " + r.errors()
                    + "; leaks: " + r.leaks();
        };
    }

    private static String shortId(String id) {
        return id.isEmpty() ? "(none)" : id.substring(0, Math.min(8, id.length()));
    }

    private static String join(java.util.List<String> caveats) {
        return caveats.isEmpty() ? "" : "\n           note: " + String.join("\n           note: ", caveats);
    }
}
