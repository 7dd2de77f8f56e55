package sessionlab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sessionlab.event.EventLog;
import sessionlab.pki.DemoPki;
import sessionlab.scenario.Scenario;
import sessionlab.stack.TlsStack;
import sessionlab.stack.bc.BcStack;
import sessionlab.stack.jsse.JsseStack;
import sessionlab.stack.libssl.LibsslStack;

/** The stacks this build knows, by scenario name. */
public final class Stacks {
    private final Map<String, TlsStack> stacks = new LinkedHashMap<>();

    public Stacks(DemoPki pki) {
        stacks.put("libssl", new LibsslStack(pki));
        stacks.put("jsse", new JsseStack(pki));
        stacks.put("bc", new BcStack(pki));
    }

    /** The demo PKI is made once per process (it is only for these local handshakes). */
    public static Stacks standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final Stacks STANDARD = new Stacks(DemoPki.generate());
    }

    public Optional<TlsStack> byName(String name) {
        return Optional.ofNullable(stacks.get(name));
    }

    public Iterable<TlsStack> all() {
        return stacks.values();
    }

    /** Why the named stack cannot run here, or empty when it can. */
    /** The calls {@code name} refuses outright, each with why (none for an unknown stack). */
    public Map<String, String> refusedCalls(String name) {
        TlsStack s = stacks.get(name);
        return s == null ? Map.of() : s.refusedCalls();
    }

    public Optional<String> whyNot(String name) {
        TlsStack s = stacks.get(name);
        if (s == null) return Optional.of("unknown stack '" + name + "' (known: " + String.join(", ", stacks.keySet()) + ")");
        if (!s.availability().available()) return Optional.of("stack " + name + " is not available here: " + s.availability().detail());
        return Optional.empty();
    }

    /** Runs a checked scenario on the named stack; {@link #whyNot} must have said it can run. */
    public RunResult run(Scenario scenario, String name, EventLog log) {
        String problem = whyNot(name).orElse(null);
        if (problem != null) throw new IllegalArgumentException(problem);
        return ScenarioRunner.run(scenario, stacks.get(name), log);
    }
}
