package sessionlab.app.view.inspect;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import sessionlab.event.Event;

/** One line per event: its fields as a reader wants them, for the event table (and its text filter). */
public final class EventSummary {
    private EventSummary() {}

    public static String of(Event e) {
        return switch (e) {
            case Event.RunStarted r -> r.stack() + " " + r.stackVersion() + " · " + r.file()
                    + (r.refcountsKnown() ? "" : " · reference counts unknown") + caveats(r.caveats());
            case Event.RunFinished r -> r.passed() + " passed, " + r.failed() + " failed, " + r.errors() + " errors, " + r.leaks() + " leaks";
            case Event.StatementStarted s -> "line " + s.line() + ": " + s.text();
            case Event.Note n -> "line " + n.line() + ": " + n.text();
            case Event.ExpectPass p -> "line " + p.line() + ": " + p.text() + " [" + p.observed() + "]";
            case Event.ExpectFail f -> "line " + f.line() + ": " + f.text() + " [" + f.observed() + "]";
            case Event.Error er -> (er.line() == null ? "" : "line " + er.line() + ": ") + er.kind() + ": " + er.message();
            case Event.ClockAdvance c -> "+" + c.byMs() + " ms, now " + c.nowMs() + " ms" + caveats(c.caveats());
            case Event.Call c -> c.target() + ": " + c.function() + "(" + c.args() + ")";
            case Event.Return r -> r.target() + ": " + r.function() + " → " + r.result();
            case Event.ContextCreated c -> c.ctx() + " (" + c.role() + ") " + pairs(c.settings());
            case Event.ContextFreed c -> c.ctx();
            case Event.ConnectionCreated c -> c.conn() + " (" + c.side() + ") from " + c.ctx() + ", latency " + c.latencyMs() + " ms";
            case Event.ConnectionFreed c -> c.conn();
            case Event.VariableBound v -> v.name() + " = " + (v.session() == null ? "NULL" : "#" + v.session())
                    + (v.owned() ? " (owned)" : " (borrowed)") + " by " + v.how();
            case Event.VariableDangling d -> d.name() + " → #" + d.session() + ", which was destroyed";
            case Event.WireRecord w -> w.conn() + " " + w.direction() + " " + w.label() + ", " + w.length() + " bytes"
                    + (w.encrypted() ? ", encrypted" : "") + ", sent " + w.sentAt() + " ms, arrives " + w.arrivesAt() + " ms";
            case Event.HandshakeMessage m -> m.conn() + " (" + m.side() + ") " + (m.sent() ? "sent " : "received ") + m.name()
                    + ", " + m.length() + " bytes";
            case Event.HandshakeDone h -> h.conn() + " (" + h.side() + ") " + h.version() + " " + h.cipher()
                    + (h.resumed() ? ", resumed" : ", full handshake");
            case Event.TicketSent t -> t.conn() + " ticket #" + t.index() + ", " + t.ticketLength() + " bytes, lifetime " + t.lifetimeSeconds() + " s";
            case Event.TicketReceived t -> t.conn() + " ticket #" + t.index() + ", " + t.ticketLength() + " bytes, lifetime " + t.lifetimeSeconds() + " s";
            case Event.KeyLog k -> k.conn() + " " + k.label();
            case Event.SessionCreated c -> "#" + c.session() + (c.dupOf() == null ? "" : " copy of #" + c.dupOf()) + " during " + c.during();
            case Event.SessionState s -> "#" + s.session() + " " + s.side() + " " + s.version()
                    + (s.resumable() ? ", resumable" : ", not resumable") + ", id " + (s.id().isEmpty() ? "none" : s.id().substring(0, Math.min(8, s.id().length())))
                    + (s.ticketLength() > 0 ? ", ticket " + s.ticketLength() + " bytes" : "") + ", timeout " + s.timeoutSeconds() + " s";
            case Event.SessionFlag f -> "#" + f.session() + (f.resumable() ? " resumable: " : " not resumable: ") + f.reason();
            case Event.SessionRef r -> "#" + r.session() + " " + r.holder() + " " + (r.delta() > 0 ? "+" : "") + r.delta()
                    + " → count " + (r.count() == null ? "unknown" : r.count());
            case Event.SessionDestroyed d -> "#" + d.session() + " during " + d.during();
            case Event.RefcountMismatch m -> "#" + m.session() + " real " + m.real() + ", attributed " + m.attributed() + " " + m.holders();
            case Event.Leak l -> l.holder() + (l.session() == null ? "" : " (#" + l.session() + ")");
            case Event.Prevented p -> p.kind() + " on " + p.name() + (p.session() == null ? "" : " (#" + p.session() + ")") + ": " + p.detail();
            case Event.ResumeExplained r -> r.conn() + " " + r.reason() + ": " + r.explanation();
            case Event.CacheInsert i -> i.ctx() + " + #" + i.session() + ", size " + i.size();
            case Event.CacheRemove r -> r.ctx() + " − #" + r.session() + " (" + r.reason() + "), size " + r.size();
            case Event.CacheOrder o -> o.ctx() + " head→tail " + o.sessions().stream().map(n -> "#" + n).collect(Collectors.joining(" "))
                    + (o.fromLibrary() ? "" : " (not read from the library)");
            case Event.Callback c -> c.ctx() + " " + c.kind() + " callback, #" + c.session() + (c.returned() == null ? "" : ", returned " + c.returned());
            case Event.Stats s -> s.ctx() + " " + s.values().entrySet().stream().filter(v -> v.getValue() != 0)
                    .map(v -> v.getKey() + "=" + v.getValue()).collect(Collectors.joining(" "));
        };
    }

    private static String pairs(Map<String, String> m) {
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String caveats(List<String> caveats) {
        return caveats == null || caveats.isEmpty() ? "" : " · " + String.join("; ", caveats);
    }
}
