package sessionlab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import sessionlab.event.EventLog;
import sessionlab.pki.DemoPki;
import sessionlab.scenario.Scenario;
import sessionlab.stack.TlsStack;
import sessionlab.stack.bc.BcStack;
import sessionlab.stack.jsse.JsseStack;
import sessionlab.stack.libssl.LibsslStack;

/**
 * The stacks this build knows, by scenario name. Each is made on first use, and the demo PKI with the
 * first: the window paints before any key is generated, and the CLI makes only the stack it runs.
 */
public final class Stacks {
    private final Map<String, Lazy<TlsStack>> stacks = new LinkedHashMap<>();
    private final Lazy<DemoPki> pki;

    public Stacks(DemoPki pki) {
        this(() -> pki);
    }

    /** {@code pki} is asked once, by whichever stack is made first. */
    public Stacks(Supplier<DemoPki> pki) {
        Lazy<DemoPki> once = new Lazy<>(pki);
        this.pki = once;
        stacks.put("libssl", new Lazy<>(() -> new LibsslStack(once.get())));
        stacks.put("jsse", new Lazy<>(() -> new JsseStack(once.get())));
        stacks.put("bc", new Lazy<>(() -> new BcStack(once.get())));
    }

    /**
     * Starts making the demo PKI on a daemon thread (key generation is most of a short run's start):
     * the CLI reads its lesson meanwhile, and the first stack made waits for the PKI if it is not ready.
     */
    public void preparePkiInBackground() {
        Thread.ofPlatform().daemon().name("sessionlab-pki").start(() -> {
            try {
                pki.get();
            } catch (RuntimeException e) {
                // not here: the stack that asks for the PKI makes it again and reports the failure where it runs
            }
        });
    }

    /** The demo PKI is made once per process (it is only for these local handshakes). */
    public static Stacks standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final Stacks STANDARD = new Stacks(DemoPki::generate);
    }

    /** A value made by the first caller; the others wait for it. */
    private static final class Lazy<T> {
        private final Supplier<T> make;
        private T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        synchronized T get() {
            if (value == null) value = make.get();
            return value;
        }
    }

    public Optional<TlsStack> byName(String name) {
        Lazy<TlsStack> s = stacks.get(name);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    public Iterable<TlsStack> all() {
        return stacks.values().stream().map(Lazy::get).toList();
    }

    /** The calls {@code name} refuses outright, each with why (none for an unknown stack). */
    public Map<String, String> refusedCalls(String name) {
        return byName(name).map(TlsStack::refusedCalls).orElse(Map.of());
    }

    /** Why the named stack cannot run here, or empty when it can. */
    public Optional<String> whyNot(String name) {
        TlsStack s = byName(name).orElse(null);
        if (s == null) return Optional.of("unknown stack '" + name + "' (known: " + String.join(", ", stacks.keySet()) + ")");
        if (!s.availability().available()) return Optional.of("stack " + name + " is not available here: " + s.availability().detail());
        return Optional.empty();
    }

    /** Runs a checked scenario on the named stack; {@link #whyNot} must have said it can run. */
    public RunResult run(Scenario scenario, String name, EventLog log) {
        String problem = whyNot(name).orElse(null);
        if (problem != null) throw new IllegalArgumentException(problem);
        return ScenarioRunner.run(scenario, byName(name).orElseThrow(), log);
    }
}
