package sessionlab.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typing of literal values (integers, durations, enumerated words). Each check reports into the
 * shared diagnostics and returns null on error.
 */
final class ValueChecks {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final List<Diagnostic> diagnostics;

    ValueChecks(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void report(Position position, String message) {
        diagnostics.add(new Diagnostic(position, message));
    }

    int errorCount() {
        return diagnostics.size();
    }

    /** The one token of {@code key=value}; {@code a+b} and {@code +a} only fit cache= and at=. */
    Token single(Syntax.Option option) {
        Syntax.Value v = option.value();
        if (v.leadingPlus() || v.parts().size() > 1) {
            report(v.position(), option.key().text() + " takes a single value, got '" + v.source() + "'");
            return null;
        }
        return v.parts().getFirst();
    }

    /** An integer in [min, max]; {@code what} names it in the message. */
    Integer integer(Token t, String what, int min, int max) {
        if (t.is(Token.Kind.NUMBER) && INTEGER.matcher(t.text()).matches()) {
            try {
                long n = Long.parseLong(t.text());
                if (n >= min && n <= max) return (int) n;
            } catch (NumberFormatException tooLong) {
                // falls through to the range message, which is what the author needs to know
            }
        }
        String range = max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max;
        report(t.position(), what + " must be an integer " + range + ", got " + t.display());
        return null;
    }

    Integer integer(Syntax.Arg arg, String what, int min, int max) {
        if (arg instanceof Syntax.Literal(Token t)) return integer(t, what, min, max);
        String range = max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max;
        report(arg.position(), what + " must be an integer " + range + ", got '" + arg.source() + "'");
        return null;
    }

    Duration duration(Token t) {
        try {
            return Durations.parseDuration(t.text());
        } catch (IllegalArgumentException e) {
            report(t.position(), e.getMessage());
            return null;
        }
    }

    Duration duration(Syntax.Arg arg) {
        if (arg instanceof Syntax.Literal(Token t)) return duration(t);
        report(arg.position(), "not a duration: '" + arg.source() + "' (e.g. 250ms, 300s, 5m, 2h, 1d)");
        return null;
    }

    /** One of the words of {@code known} (an ordered map: the message lists them in order), e.g. {@code unknown new_cb 'kept' (known: ...)}. */
    <E> E word(Token t, String what, Map<String, E> known) {
        E e = known.get(t.text());
        if (e == null) {
            report(t.position(), "unknown " + what + " " + t.display() + " (known: "
                    + String.join(", ", known.keySet()) + ")");
        }
        return e;
    }

    /** Keys in the order given, for messages. */
    @SafeVarargs
    static <E> Map<String, E> ordered(Map.Entry<String, E>... entries) {
        Map<String, E> m = new LinkedHashMap<>();
        for (var e : entries) m.put(e.getKey(), e.getValue());
        return Collections.unmodifiableMap(m);
    }

    TlsVersion version(Token t, String what) {
        var v = TlsVersion.ofWord(t.text());
        if (v.isEmpty()) {
            report(t.position(), "unknown version " + t.display() + " for " + what + " (known: tls1.2, tls1.3)");
            return null;
        }
        return v.get();
    }
}
