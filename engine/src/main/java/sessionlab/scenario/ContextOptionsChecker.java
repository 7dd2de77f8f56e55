package sessionlab.scenario;

import static java.util.Map.entry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The options of {@code SSL_CTX_new}. Nothing is silently ignored: an option this lab does not
 * model would make a scenario claim something it does not test.
 */
final class ContextOptionsChecker {
    static final List<String> KNOWN = List.of("min", "max", "cache", "cache_size", "timeout", "tickets",
            "no_ticket", "new_cb", "remove_cb", "early_data", "no_anti_replay");
    private static final Set<String> FLAGS = Set.of("no_ticket", "no_anti_replay");
    private static final Map<String, NewCallback> NEW_CB = ValueChecks.ordered(
            entry("none", NewCallback.NONE), entry("keep", NewCallback.KEEP), entry("drop", NewCallback.DROP));
    private static final Map<String, Boolean> ON_OFF = ValueChecks.ordered(entry("on", true), entry("off", false));
    private static final Map<String, CacheMode> CACHE_BASE = ValueChecks.ordered(
            entry("off", new CacheMode(false, false, false, false)),
            entry("client", new CacheMode(true, false, false, false)),
            entry("server", new CacheMode(false, true, false, false)),
            entry("both", new CacheMode(true, true, false, false)));
    private static final List<String> CACHE_FLAGS = List.of("no_internal_store", "no_auto_clear");

    private final ValueChecks values;
    private final Map<String, Position> seen = new HashMap<>();
    private TlsVersion min;
    private TlsVersion max;
    private CacheMode cache;
    private Integer cacheSize;
    private Duration timeout;
    private Integer tickets;
    private boolean noTicket;
    private NewCallback newCallback;
    private Boolean removeCallback;
    private Integer earlyData;
    private boolean noAntiReplay;

    private ContextOptionsChecker(ValueChecks values) {
        this.values = values;
    }

    /** @param args the arguments after the role; null if any is wrong (each wrong one is reported) */
    static ContextOptions check(List<Syntax.Arg> args, ValueChecks values) {
        int errorsBefore = values.errorCount();
        ContextOptionsChecker c = new ContextOptionsChecker(values);
        for (Syntax.Arg arg : args) c.option(arg);
        c.checkRange();
        // Every failed check reported; a null field below is then simply "not given".
        if (values.errorCount() > errorsBefore) return null;
        return new ContextOptions(Optional.ofNullable(c.min), Optional.ofNullable(c.max), Optional.ofNullable(c.cache),
                optionalInt(c.cacheSize), Optional.ofNullable(c.timeout), optionalInt(c.tickets), c.noTicket,
                c.newCallback == null ? NewCallback.NONE : c.newCallback, Boolean.TRUE.equals(c.removeCallback),
                optionalInt(c.earlyData), c.noAntiReplay);
    }

    private void option(Syntax.Arg arg) {
        switch (arg) {
            case Syntax.NameArg n when n.suffix().isEmpty() && FLAGS.contains(n.name().text()) -> {
                if (firstTime(n.name())) flag(n.name().text());
            }
            case Syntax.NameArg n when n.suffix().isEmpty() && KNOWN.contains(n.name().text()) ->
                    fail(n.position(), "option '" + n.name().text() + "' needs a value: " + n.name().text() + "=...");
            case Syntax.Option o when FLAGS.contains(o.key().text()) ->
                    fail(o.position(), "option '" + o.key().text() + "' is a flag and takes no value");
            case Syntax.Option o when KNOWN.contains(o.key().text()) -> {
                if (firstTime(o.key())) keyed(o);
            }
            case Syntax.Option o -> unknown(o.position(), o.key().text());
            case Syntax.NameArg n -> unknown(n.position(), n.source());
            case Syntax.Literal l -> fail(l.position(),
                    "SSL_CTX_new takes options as key=value or flags, got '" + l.source() + "'");
        }
    }

    private void flag(String name) {
        if (name.equals("no_ticket")) noTicket = true;
        else noAntiReplay = true;
    }

    private void keyed(Syntax.Option o) {
        String key = o.key().text();
        if (key.equals("cache")) {
            cache = cacheMode(o.value());
            return;
        }
        Token t = values.single(o);
        if (t == null) return;
        switch (key) {
            case "min" -> min = values.version(t, "min");
            case "max" -> max = values.version(t, "max");
            case "cache_size" -> cacheSize = values.integer(t, "cache_size", 0, Integer.MAX_VALUE);
            case "timeout" -> timeout = values.duration(t);
            case "tickets" -> tickets = values.integer(t, "tickets", 0, 10);
            case "new_cb" -> newCallback = values.word(t, "new_cb", NEW_CB);
            case "remove_cb" -> removeCallback = values.word(t, "remove_cb", ON_OFF);
            case "early_data" -> earlyData = values.integer(t, "early_data", 0, Integer.MAX_VALUE);
            default -> throw new IllegalStateException("option in KNOWN without a case: " + key);
        }
    }

    /** {@code client}, {@code both+no_auto_clear}, {@code off+no_internal_store+no_auto_clear}. */
    private CacheMode cacheMode(Syntax.Value v) {
        Token base = v.parts().getFirst();
        if (v.leadingPlus()) {
            values.report(v.position(), "cache needs a mode first (off, client, server, both), got '"
                    + v.source() + "'");
            return null;
        }
        CacheMode mode = values.word(base, "cache mode", CACHE_BASE);
        boolean noInternalStore = false;
        boolean noAutoClear = false;
        for (Token flag : v.parts().subList(1, v.parts().size())) {
            boolean store = flag.text().equals("no_internal_store");
            if (!CACHE_FLAGS.contains(flag.text())) {
                values.report(flag.position(), "unknown cache flag " + flag.display()
                        + " (known: no_internal_store, no_auto_clear)");
                mode = null;
            } else if (store ? noInternalStore : noAutoClear) {
                values.report(flag.position(), "duplicate cache flag " + flag.display());
                mode = null;
            } else if (store) {
                noInternalStore = true;
            } else {
                noAutoClear = true;
            }
        }
        return mode == null ? null : new CacheMode(mode.client(), mode.server(), noInternalStore, noAutoClear);
    }

    /** A contradiction is reported at min: that is the bound a reader would lower. */
    private void checkRange() {
        if (min != null && max != null && min.compareTo(max) > 0) {
            fail(seen.get("min"), "min=" + min.word() + " is above max=" + max.word());
        }
    }

    private boolean firstTime(Token key) {
        Position first = seen.putIfAbsent(key.text(), key.position());
        if (first == null) return true;
        fail(key.position(), "duplicate option '" + key.text() + "' (first given at column " + first.column() + ")");
        return false;
    }

    private void unknown(Position at, String name) {
        fail(at, "unknown option '" + name + "' for SSL_CTX_new (known: " + String.join(", ", KNOWN) + ")");
    }

    private void fail(Position at, String message) {
        values.report(at, message);
    }

    private static OptionalInt optionalInt(Integer n) {
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }
}
