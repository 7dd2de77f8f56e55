package sessionlab.app.model;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects one statement touched: those its text names (c1, s0, client...) and those whose folded state it
 * changed (a session it created, counted, cached or destroyed; an SSL whose pointer moved; a context whose cache
 * changed; a name it bound or left dangling). The presenter highlights them and the map draws them first.
 */
public record Touched(Set<Integer> sessions, Set<String> connections, Set<String> contexts, Set<String> variables) {
    public static final Touched NONE = new Touched(Set.of(), Set.of(), Set.of(), Set.of());
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.server)?");

    public boolean isEmpty() {
        return sessions.isEmpty() && connections.isEmpty() && contexts.isEmpty() && variables.isEmpty();
    }

    /** What the statement {@code text} touched going from {@code before} (its start) to {@code after} (its end). */
    public static Touched by(String text, LabState before, LabState after) {
        Set<Integer> sessions = new LinkedHashSet<>();
        Set<String> connections = new LinkedHashSet<>(), contexts = new LinkedHashSet<>(), variables = new LinkedHashSet<>();
        for (String name : names(text)) {
            if (after.connections().containsKey(name)) connections.add(name);
            if (after.contexts().containsKey(name)) contexts.add(name);
            LabState.VariableView v = after.variables().get(name);
            if (v != null) {
                variables.add(name);
                if (v.session() != null && after.sessions().containsKey(v.session())) sessions.add(v.session());
            }
        }
        after.sessions().forEach((n, s) -> {
            LabState.SessionView was = before.sessions().get(n);
            if (was == null || was.alive() != s.alive() || !Objects.equals(was.refcount(), s.refcount())
                    || !Objects.equals(was.cache(), s.cache()) || was.resumable() != s.resumable()) sessions.add(n);
        });
        after.connections().forEach((n, c) -> {
            LabState.ConnectionView was = before.connections().get(n);
            if (was == null || was.freed() != c.freed() || !Objects.equals(was.session(), c.session())
                    || was.handshakeDone() != c.handshakeDone() || was.ticketsReceived() != c.ticketsReceived()) connections.add(n);
        });
        after.contexts().forEach((n, x) -> {
            LabState.ContextView was = before.contexts().get(n);
            if (was == null || was.freed() != x.freed() || !was.cache().equals(x.cache())) contexts.add(n);
        });
        after.variables().forEach((n, v) -> {
            if (!v.equals(before.variables().get(n))) variables.add(n);
        });
        return new Touched(Set.copyOf(sessions), Set.copyOf(connections), Set.copyOf(contexts), Set.copyOf(variables));
    }

    /** What the statement whose events end at {@code cursor} touched; {@link #NONE} before the first statement. */
    public static Touched atStatement(History history, int cursor) {
        int k = history.statementAt(cursor);
        if (k < 0) return NONE;
        int start = history.statementStarts()[k];
        var st = (sessionlab.event.Event.StatementStarted) history.events().get(start).event();
        return by(st.text(), history.stateAt(start - 1), history.stateAt(cursor));
    }

    /** Identifiers in a statement that may name scenario objects; a note's text and string arguments name nothing. */
    static Set<String> names(String statement) {
        Set<String> out = new LinkedHashSet<>();
        if (statement == null || statement.startsWith("note ")) return out;
        Matcher m = NAME.matcher(statement.replaceAll("\"[^\"]*\"", ""));
        while (m.find()) out.add(m.group());
        return out;
    }
}
