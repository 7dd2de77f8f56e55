package sessionlab.scenario;

import java.util.List;

/** A scenario file that cannot run. Carries every diagnostic, first one first; nothing ran. */
public final class ScenarioException extends Exception {
    private final transient List<Diagnostic> diagnostics;

    public ScenarioException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "bad scenario" : diagnostics.getFirst().toString());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
