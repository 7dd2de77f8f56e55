package sessionlab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sessionlab.pki.DemoPki;
import sessionlab.stack.TlsStack;
import sessionlab.stack.bc.BcStack;
import sessionlab.stack.jsse.JsseStack;
import sessionlab.stack.libssl.LibsslStack;

/** The stacks this build knows, by scenario name. */
public final class Stacks {
    private final Map<String, TlsStack> stacks = new LinkedHashMap<>();

    public Stacks(DemoPki pki) {
        stacks.put("libssl", new LibsslStack(pki));
        stacks.put("bc", new BcStack(pki));
        stacks.put("jsse", new JsseStack(pki));
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

    /** Names the language knows but this build does not run yet. */
    public static final Map<String, String> PLANNED = Map.of();
}
