package sessionlab.app.view.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.ConnectionView;
import sessionlab.app.model.LabState.ContextView;
import sessionlab.app.model.LabState.SessionView;
import sessionlab.app.model.LabState.WireView;

/**
 * What the inspector shows, as plain data: the selected object looked up again in the state at the cursor,
 * its title line and its read-only property rows by category. No JavaFX nodes here.
 */
public final class InspectorItems {
    public static final String SESSION = "Session", REFERENCES = "References", TIME = "Ticket and time",
            CONNECTION = "Connection", HANDSHAKE = "Handshake", CONTEXT = "Context", CACHE = "Cache",
            SETTINGS = "Settings", STATISTICS = "Statistics", RECORD = "Record";
    private static final List<String> ORDER = List.of(SESSION, REFERENCES, TIME, CONNECTION, HANDSHAKE, CONTEXT, CACHE,
            SETTINGS, STATISTICS, RECORD);
    /** Categories in teaching order (the property sheet would sort them alphabetically). */
    public static final Comparator<String> CATEGORY_ORDER = Comparator.<String>comparingInt(
            c -> ORDER.contains(c) ? ORDER.indexOf(c) : ORDER.size()).thenComparing(Comparator.naturalOrder());

    private InspectorItems() {}

    /** The selected object as it is at the cursor, or null if it does not exist there. */
    public static Object current(Object selection, LabState state) {
        return switch (selection) {
            case SessionView s -> state.sessions().get(s.number());
            case ConnectionView c -> state.connections().get(c.name());
            case ContextView x -> state.contexts().get(x.name());
            case WireView w -> record(state.records(), w.seq());
            case null, default -> null;
        };
    }

    /** The record logged at {@code seq}, by binary search (records are in log order). */
    private static WireView record(List<WireView> records, long seq) {
        int lo = 0, hi = records.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = records.get(mid).seq();
            if (s < seq) lo = mid + 1;
            else if (s > seq) hi = mid - 1;
            else return records.get(mid);
        }
        return null;
    }

    /** Why there is nothing to show for a selection that {@link #current} did not find. */
    public static String missing(Object selection) {
        return switch (selection) {
            case null -> "Select a session, connection, context or record";
            case SessionView s -> "Session #" + s.number() + ": not created yet at this point";
            case ConnectionView c -> "Connection " + c.name() + ": not created yet at this point";
            case ContextView x -> "Context " + x.name() + ": not created yet at this point";
            case WireView w -> "Record of event " + w.seq() + ": not sent yet at this point";
            default -> "Nothing to inspect for " + selection.getClass().getSimpleName();
        };
    }

    public static String title(Object current, LabState state) {
        return switch (current) {
            case SessionView s -> "Session #" + s.number() + (s.side().isEmpty() ? "" : " · " + s.side()) + " · "
                    + (s.alive() ? "refcount " + (s.refcount() == null ? "unknown" : s.refcount()) : "destroyed");
            case ConnectionView c -> "SSL " + c.name() + " · " + c.side() + (c.freed() ? " · freed" : "");
            case ContextView x -> "SSL_CTX " + x.name() + " · " + x.role() + (x.freed() ? " · freed" : "");
            case WireView w -> w.label() + " · " + w.conn() + " · " + arrow(w);
            case null, default -> "";
        };
    }

    public static List<ReadOnlyItem> items(Object current, LabState state) {
        List<ReadOnlyItem> out = new ArrayList<>();
        switch (current) {
            case SessionView s -> session(out, s, state);
            case ConnectionView c -> connection(out, c, state);
            case ContextView x -> context(out, x, state);
            case WireView w -> record(out, w, state);
            case null, default -> { }
        }
        return out;
    }

    private static void session(List<ReadOnlyItem> out, SessionView s, LabState state) {
        add(out, SESSION, "Session", "#" + s.number(), "The run's own number: #1 is the first session the run saw.");
        add(out, SESSION, "Side", Format.orDash(s.side()), "Whose session this is.");
        add(out, SESSION, "State", s.alive() ? "alive" : "destroyed at " + Format.at(s.destroyedAt()), StackHints.sessionState(state.stack()));
        add(out, SESSION, "Resumable", Format.yesNo(s.resumable()), StackHints.resumable(state.stack()));
        add(out, SESSION, "Why", Format.orDash(s.reason()), "What last changed the resumable flag.");
        add(out, SESSION, "Version", Format.orDash(s.version()), "The protocol version of the session.");
        if (state.onLibssl()) {
            add(out, SESSION, "Copy of", s.dupOf() == null ? "— (an original)" : "#" + s.dupOf(),
                    "libssl copies a session (ssl_session_dup) instead of changing one others may hold.");
        }
        add(out, SESSION, "In cache", s.cache() == null ? "no" : s.cache(), "The SSL_CTX whose session cache holds it.");

        add(out, REFERENCES, "Reference count", s.refcount() == null ? "unknown: this stack cannot read it" : String.valueOf(s.refcount()),
                StackHints.refcount(state.stack()));
        if (s.holders().isEmpty()) add(out, REFERENCES, "Holders", "none", "Nobody holds a reference.");
        for (Map.Entry<String, Integer> h : s.holders().entrySet())
            add(out, REFERENCES, h.getKey(), h.getValue() + (h.getValue() == 1 ? " reference" : " references"), holderMeaning(h.getKey(), state.stack()));

        add(out, TIME, "Session id", Format.id(s.id()), "The full session id (hex).");
        add(out, TIME, "Ticket", s.ticketLength() > 0 ? s.ticketLength() + " bytes" : s.ticketLength() < 0 ? "yes (its length is not visible)" : "none",
                "The length of the ticket the session carries.");
        add(out, TIME, "Lifetime hint", s.lifetimeHint() > 0 ? Format.seconds(s.lifetimeHint()) : "—", "The ticket lifetime the server announced.");
        add(out, TIME, "Timeout", Format.seconds(s.timeoutSeconds()), StackHints.timeout(state.stack()));
        add(out, TIME, "Created at", Format.at(s.createdAt()), StackHints.createdAt(state.stack()));
        if (s.alive()) {
            long age = s.ageSeconds(state.now());
            add(out, TIME, "Age now", Format.seconds(age) + (age >= s.timeoutSeconds() && s.timeoutSeconds() > 0 ? " · expired" : ""),
                    "At the cursor (" + Format.at(state.now()) + "), against its timeout.");
        }
    }

    static String holderMeaning(String holder, String stack) {
        boolean libssl = "libssl".equals(stack);
        if (holder.startsWith("SSL ")) return libssl ? "The SSL object's session pointer (what SSL_get_session returns)."
                : "The connection end's session (what bctls's getSession returns).";
        if (holder.startsWith("engine ")) return "The SSLEngine's session (what SSLEngine.getSession returns).";
        if (holder.startsWith("cache ")) return libssl ? "The context's internal session cache." : "The context's session cache.";
        if (holder.startsWith("var ")) return libssl ? "A scenario name that owns a reference (get1 or up_ref): it must SSL_SESSION_free it."
                : "A scenario name holding a Java reference (any get): SSL_SESSION_free drops it.";
        if (holder.startsWith("new_cb ")) return "The new-session callback kept a reference (returned 1).";
        if (holder.startsWith("lost ")) return "A reference whose owner name was overwritten: it can never be freed.";
        return "A holder of references.";
    }

    private static void connection(List<ReadOnlyItem> out, ConnectionView c, LabState state) {
        add(out, CONNECTION, "Name", c.name(), "As named in the scenario: c1 is the client side, c1.server the server side.");
        add(out, CONNECTION, "Side", c.side(), "");
        add(out, CONNECTION, "Context", c.ctx(), "The SSL_CTX it was made from.");
        add(out, CONNECTION, "State", c.freed() ? "freed" : "alive", "SSL_free releases the SSL and its session reference.");
        add(out, HANDSHAKE, "Handshake", c.handshakeDone() ? "done at " + Format.at(c.handshakeDoneAt()) : "not done",
                "SSL_connect / SSL_accept returned 1.");
        add(out, HANDSHAKE, "Version", Format.orDash(c.version()), "");
        add(out, HANDSHAKE, "Resumed", Format.yesNo(c.resumed()), "SSL_session_reused.");
        add(out, HANDSHAKE, "Tickets received", String.valueOf(c.ticketsReceived()), "NewSessionTickets the client processed (only when it reads).");
        add(out, HANDSHAKE, "Tickets read at", c.ticketsReadAt() < 0 ? "not yet" : Format.at(c.ticketsReadAt()), "");
        if (c.handshakeDoneAt() >= 0 && c.ticketsReadAt() >= 0)
            add(out, HANDSHAKE, "No resumable session for", Format.at(c.ticketsReadAt() - c.handshakeDoneAt()),
                    "The gap between the handshake and reading the tickets.");
        if (c.resume() != null) {
            add(out, HANDSHAKE, "Why " + (c.resume().resumed() ? "it resumed" : "no resumption"), c.resume().explanation(),
                    "From the evidence in the run: what " + c.resume().name() + " was, whether the ClientHello offered it, and what the server did.");
            add(out, HANDSHAKE, "Offered", Format.yesNo(c.resume().offered()), "Did the ClientHello offer the session?");
            if (c.resume().causeLine() != null) {
                add(out, HANDSHAKE, "Caused at", "line " + c.resume().causeLine() + " (event " + c.resume().causeSeq() + ")",
                        "The step that made it so; use the link under the inspector to go there.");
            }
        }
        SessionView s = c.session() == null ? null : state.sessions().get(c.session());
        add(out, SESSION, "Session pointer", c.session() == null ? "NULL" : "#" + c.session()
                + (s == null ? "" : s.alive() ? (s.resumable() ? " · resumable" : " · not resumable") : " · destroyed"),
                "What SSL_get_session(" + c.name() + ") returns.");
    }

    private static void context(List<ReadOnlyItem> out, ContextView x, LabState state) {
        add(out, CONTEXT, "Name", x.name(), "");
        add(out, CONTEXT, "Role", x.role(), "");
        add(out, CONTEXT, "State", x.freed() ? "freed" : "alive", "");
        add(out, CONTEXT, "New-session callbacks", String.valueOf(x.newCallbacks()), "Calls since the context was created.");
        add(out, CONTEXT, "Remove callbacks", String.valueOf(x.removeCallbacks()), "Calls since the context was created.");
        add(out, CACHE, "Size", String.valueOf(x.cache().size()), "Sessions in the internal cache.");
        String unseen = x.settings().get(sessionlab.event.Event.ContextCreated.ORDER_NOT_VISIBLE);
        List<Integer> entries = x.cache(); // head to tail, or in session order where the stack cannot see its order
        for (int i = 0; i < entries.size(); i++) {
            int n = entries.get(i);
            SessionView s = state.sessions().get(n);
            String expiry = s == null ? "" : " · expires at " + Format.at(s.createdAt() + s.timeoutSeconds() * 1000);
            String where = unseen != null ? "" : i == 0 ? " (head)" : i == entries.size() - 1 ? " (tail)" : "";
            add(out, CACHE, "Entry " + (i + 1) + where, "#" + n + expiry, StackHints.cacheEntry(unseen == null, unseen));
        }
        x.settings().forEach((k, v) -> add(out, SETTINGS, k, v, StackHints.setting(state.stack())));
        if (x.stats().isEmpty()) add(out, STATISTICS, "Counters", "none reported yet", "");
        x.stats().forEach((k, v) -> add(out, STATISTICS, k, String.valueOf(v), StackHints.counter(state.stack(), k)));
    }

    private static void record(List<ReadOnlyItem> out, WireView w, LabState state) {
        add(out, RECORD, "Event", "#" + w.seq(), "Its place in the log.");
        add(out, RECORD, "Connection", w.conn(), "");
        add(out, RECORD, "Direction", arrow(w), "");
        add(out, RECORD, "Label", w.label(), StackHints.recordLabel(state.stack()));
        add(out, RECORD, "Encrypted", Format.yesNo(w.encrypted()), "");
        add(out, RECORD, "Length", w.length() + " bytes (" + HexDump.HEADER + " header + " + Math.max(0, w.length() - HexDump.HEADER) + ")",
                "The whole record as it crossed the wire.");
        add(out, RECORD, "Sent at", Format.at(w.sentAt()), "");
        add(out, RECORD, "Arrives at", Format.at(w.arrivesAt()), "It waits on the wire until then, and until the peer reads.");
    }

    private static String arrow(WireView w) {
        return w.clientToServer() ? "client → server" : "server → client";
    }

    private static void add(List<ReadOnlyItem> out, String category, String name, String value, String description) {
        out.add(new ReadOnlyItem(category, name, value, description));
    }
}
