package sessionlab.app.script;

import java.util.Set;
import java.util.stream.Collectors;
import sessionlab.app.model.LabState;

/** Pure text operations behind interactive mode: each click becomes one statement of the lesson. */
public final class ScriptEdits {
    private ScriptEdits() {}

    /** The source with {@code statement} appended as its own last line. */
    public static String append(String source, String statement) {
        String s = source == null ? "" : source;
        if (!s.isEmpty() && !s.endsWith("\n")) s += "\n";
        return s + statement + "\n";
    }

    /** The first of prefix1, prefix2, ... not yet used by a variable, connection or context. */
    public static String freshName(LabState state, String prefix) {
        Set<String> used = state.variables().keySet().stream().collect(Collectors.toSet());
        used.addAll(state.contexts().keySet());
        state.connections().values().forEach(c -> used.add(c.connection()));
        for (int i = 1; ; i++) if (!used.contains(prefix + i)) return prefix + i;
    }
}
