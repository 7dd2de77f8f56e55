package sessionlab.scenario;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a statement call into its typed {@link Op}, checking names, kinds, counts and options. */
final class CallChecker {
    private final Names names;
    private final ValueChecks values;

    CallChecker(Names names, ValueChecks values) {
        this.names = names;
        this.values = values;
    }

    /** @return the op, or null when anything was reported */
    Op check(CallKind kind, Syntax.Call call) {
        int errorsBefore = values.errorCount();
        List<Syntax.Arg> args = call.args();
        if (kind == CallKind.CTX_NEW) return ctxNew(call);
        List<Syntax.Arg> positional = args;
        Map<String, Syntax.Option> options = Map.of();
        if (kind == CallKind.CONNECT || kind == CallKind.CTX_FLUSH) {
            positional = args.stream().filter(a -> !(a instanceof Syntax.Option)).toList();
            options = options(kind, args, kind == CallKind.CONNECT ? List.of("session", "latency") : List.of("at"));
        }
        if (positional.size() != kind.arity()) {
            values.report(call.name().position(), kind.callName() + " takes " + kind.arity() + " argument"
                    + (kind.arity() == 1 ? "" : "s") + ": " + kind.form());
            return null;
        }
        Op op = build(kind, positional, options);
        return values.errorCount() > errorsBefore ? null : op;
    }

    /** The role written first in an SSL_CTX_new call, even if its options are wrong: connect needs it. */
    static Optional<Role> roleWord(Syntax.Call call) {
        if (!call.args().isEmpty() && call.args().getFirst() instanceof Syntax.NameArg n && n.suffix().isEmpty()) {
            return switch (n.name().text()) {
                case "client" -> Optional.of(Role.CLIENT);
                case "server" -> Optional.of(Role.SERVER);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private Op ctxNew(Syntax.Call call) {
        if (call.args().isEmpty()) {
            values.report(call.name().position(), "SSL_CTX_new takes a role first: " + CallKind.CTX_NEW.form());
            return null;
        }
        Optional<Role> role = roleWord(call);
        if (role.isEmpty()) {
            Syntax.Arg first = call.args().getFirst();
            values.report(first.position(), "SSL_CTX_new needs a role first (client or server), got '"
                    + first.source() + "'");
        }
        ContextOptions options = ContextOptionsChecker.check(call.args().subList(1, call.args().size()), values);
        return role.isEmpty() || options == null ? null : new Op.CtxNew(role.get(), options);
    }

    private Op build(CallKind kind, List<Syntax.Arg> a, Map<String, Syntax.Option> options) {
        String who = kind.callName();
        return switch (kind) {
            case CONNECT -> connect(a, options);
            case READ -> new Op.Read(names.connection(a.get(0), who));
            case WRITE -> new Op.Write(names.connection(a.get(0), who), text(a.get(1), who));
            case SHUTDOWN -> new Op.Shutdown(names.connection(a.get(0), who));
            case FREE -> new Op.Free(names.connection(a.get(0), who));
            case CLEAR -> new Op.Clear(names.connection(a.get(0), who));
            case SET_SESSION -> new Op.SetSession(names.connection(a.get(0), who), names.session(a.get(1), who));
            case GET_SESSION -> new Op.GetSession(names.connection(a.get(0), who), Op.GetKind.GET);
            case GET0_SESSION -> new Op.GetSession(names.connection(a.get(0), who), Op.GetKind.GET0);
            case GET1_SESSION -> new Op.GetSession(names.connection(a.get(0), who), Op.GetKind.GET1);
            case SESSION_FREE -> new Op.SessionFree(names.session(a.get(0), who));
            case SESSION_UP_REF -> new Op.SessionUpRef(names.session(a.get(0), who));
            case CTX_ADD_SESSION -> new Op.CtxAddSession(names.context(a.get(0), who), names.session(a.get(1), who));
            case CTX_REMOVE_SESSION ->
                    new Op.CtxRemoveSession(names.context(a.get(0), who), names.session(a.get(1), who));
            case CTX_FLUSH -> new Op.CtxFlush(names.context(a.get(0), who), flushAt(options.get("at")));
            case CTX_FREE -> new Op.CtxFree(names.context(a.get(0), who));
            case NEW_SESSION -> {
                Ref ctx = names.context(a.get(0), who);
                Integer n = values.integer(a.get(1), "new_session's index", 1, Integer.MAX_VALUE);
                yield n == null ? null : new Op.NewSession(ctx, n);
            }
            case CTX_NEW -> throw new IllegalStateException("SSL_CTX_new is checked by ctxNew");
        };
    }

    private Op connect(List<Syntax.Arg> a, Map<String, Syntax.Option> options) {
        Ref client = names.context(a.get(0), "connect");
        Ref server = names.context(a.get(1), "connect");
        checkRole(client, Role.CLIENT, "first");
        checkRole(server, Role.SERVER, "second");
        Optional<Ref> session = Optional.ofNullable(options.get("session")).map(this::sessionOption);
        Optional<Duration> latency = Optional.ofNullable(options.get("latency"))
                .map(o -> values.single(o)).map(values::duration);
        return new Op.Connect(client, server, session, latency);
    }

    private Ref sessionOption(Syntax.Option o) {
        Token t = values.single(o);
        if (t == null) return null;
        // A value is parsed as plain tokens; re-wrap it so session= resolves like any name argument.
        Syntax.Arg arg = t.is(Token.Kind.NAME) ? new Syntax.NameArg(t, Optional.empty()) : new Syntax.Literal(t);
        return names.session(arg, "connect's session=");
    }

    /** The context's role is known statically from the SSL_CTX_new that made it. */
    private void checkRole(Ref ctx, Role want, String place) {
        if (ctx == null) return;
        Optional<Role> role = names.lookup(ctx.name()).flatMap(Names.Binding::role);
        if (role.isPresent() && role.get() != want) {
            values.report(ctx.position(), "'" + ctx.name() + "' is a " + lower(role.get())
                    + " context, connect needs a " + lower(want) + " context " + place);
        }
    }

    /** {@code at=now} (the default), {@code at=0} (flush everything) or {@code at=+2h}. */
    private FlushAt flushAt(Syntax.Option at) {
        if (at == null) return new FlushAt.Now();
        Syntax.Value v = at.value();
        if (v.parts().size() == 1) {
            Token t = v.parts().getFirst();
            if (v.leadingPlus()) {
                Duration d = values.duration(t);
                return d == null ? null : new FlushAt.Later(d);
            }
            if (t.isName("now")) return new FlushAt.Now();
            if (t.is(Token.Kind.NUMBER) && t.text().equals("0")) return new FlushAt.Everything();
        }
        values.report(v.position(), "at must be now, 0 or +DURATION (e.g. at=+2h), got '" + v.source() + "'");
        return null;
    }

    private String text(Syntax.Arg arg, String who) {
        if (arg instanceof Syntax.Literal(Token t) && t.is(Token.Kind.STRING)) return t.text();
        values.report(arg.position(), who + " needs a string second, e.g. " + who + "(c1, \"hello\"), got '"
                + arg.source() + "'");
        return null;
    }

    private static String lower(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private Map<String, Syntax.Option> options(CallKind kind, List<Syntax.Arg> args, List<String> known) {
        Map<String, Syntax.Option> found = new HashMap<>();
        for (Syntax.Arg a : args) {
            if (!(a instanceof Syntax.Option o)) continue;
            String key = o.key().text();
            if (!known.contains(key)) {
                values.report(o.position(), "unknown option '" + key + "' for " + kind.callName() + " (known: "
                        + String.join(", ", known) + ")");
            } else if (found.containsKey(key)) {
                values.report(o.position(), "duplicate option '" + key + "' (first given at column "
                        + found.get(key).position().column() + ")");
            } else {
                found.put(key, o);
            }
        }
        return found;
    }
}
