package sessionlab.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names bound so far, in file order, and the resolution of name arguments against them.
 * Resolution reports into the shared diagnostics and returns null on error, so that one line
 * can report several independent problems.
 */
final class Names {
    enum Kind {
        CONTEXT("a context"), CONNECTION("a connection"), SESSION("a session"),
        /** Bound by a call that did not check: its uses are not reported again. */
        UNKNOWN("unknown");

        private final String phrase;

        Kind(String phrase) { this.phrase = phrase; }

        String phrase() { return phrase; }
    }

    /** {@code role} is known only for contexts made by an SSL_CTX_new that checked. */
    record Binding(Kind kind, Optional<Role> role, int line) {}

    private final Map<String, Binding> bindings = new HashMap<>();
    private final List<Diagnostic> diagnostics;

    Names(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<Binding> lookup(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    /** Re-binding to the same kind is fine (a session variable may be overwritten); to another kind is not. */
    void bind(Token name, Kind kind, Optional<Role> role) {
        Binding old = bindings.get(name.text());
        if (kind == Kind.UNKNOWN && old != null) {
            return;
        }
        if (old != null && old.kind != kind && old.kind != Kind.UNKNOWN) {
            report(name.position(), "'" + name.text() + "' is " + old.kind.phrase + " (line " + old.line
                    + "), cannot rebind it to " + kind.phrase);
            return;
        }
        bindings.put(name.text(), new Binding(kind, role, name.position().line()));
    }

    /** For a line that did not parse: its name exists from here on, of no known kind. */
    void bindIfAbsent(String name, int line) {
        bindings.putIfAbsent(name, new Binding(Kind.UNKNOWN, Optional.empty(), line));
    }

    Ref session(Syntax.Arg arg, String user) {
        Syntax.NameArg n = resolve(arg, Kind.SESSION, user);
        return n == null ? null : new Ref(n.position(), n.name().text());
    }

    Ref context(Syntax.Arg arg, String user) {
        Syntax.NameArg n = resolve(arg, Kind.CONTEXT, user);
        return n == null ? null : new Ref(n.position(), n.name().text());
    }

    /** {@code c1} is the client side, {@code c1.server} the server side. */
    ConnRef connection(Syntax.Arg arg, String user) {
        Syntax.NameArg n = resolve(arg, Kind.CONNECTION, user);
        if (n == null) return null;
        return new ConnRef(n.position(), n.name().text(), n.suffix().isPresent() ? Side.SERVER : Side.CLIENT);
    }

    private Syntax.NameArg resolve(Syntax.Arg arg, Kind want, String user) {
        if (!(arg instanceof Syntax.NameArg n)) {
            report(arg.position(), user + " needs " + want.phrase + ", got '" + arg.source() + "'");
            return null;
        }
        String name = n.name().text();
        Binding b = bindings.get(name);
        if (b == null) {
            report(n.position(), "'" + name + "' is not defined");
            return null;
        }
        if (n.suffix().isPresent()) {
            Token suffix = n.suffix().get();
            if (!suffix.text().equals("server")) {
                report(suffix.position(), "unknown suffix '." + suffix.text() + "' on '" + name + "' (only .server)");
                return null;
            }
            if (b.kind != Kind.CONNECTION && b.kind != Kind.UNKNOWN) {
                report(n.position(), "'" + name + "' is " + b.kind.phrase
                        + "; only a connection has a .server side");
                return null;
            }
        }
        if (b.kind != want && b.kind != Kind.UNKNOWN) {
            report(n.position(), "'" + n.source() + "' is " + b.kind.phrase + ", " + user + " needs " + want.phrase);
            return null;
        }
        return n;
    }

    void report(Position position, String message) {
        diagnostics.add(new Diagnostic(position, message));
    }
}
