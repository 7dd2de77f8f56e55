package sessionlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sessionlab.scenario.Expr.Comparison;
import sessionlab.scenario.Expr.FnArg;
import sessionlab.scenario.Functions.Param;
import sessionlab.scenario.Functions.Signature;
import sessionlab.scenario.Functions.Type;

/**
 * Types an {@code expect} expression before anything runs. Operator nodes are positioned at their
 * operator, so a runner pointing at a failed comparison points at the {@code ==}.
 */
final class ExprChecker {
    private record Typed(Expr expr, Type type) {}

    private final Names names;
    private final ValueChecks values;

    ExprChecker(Names names, ValueChecks values) {
        this.names = names;
        this.values = values;
    }

    /** @return the typed expression, or null when anything was reported */
    Expr checkExpectation(Syntax.Expression e) {
        int errorsBefore = values.errorCount();
        Typed t = check(e);
        if (t.type != Type.BOOL && t.type != Type.ERROR) {
            values.report(e.position(), "expect needs a boolean, " + e.source() + " is " + t.type.phrase());
        }
        return values.errorCount() > errorsBefore ? null : t.expr;
    }

    private Typed check(Syntax.Expression e) {
        return switch (e) {
            case Syntax.Group g -> check(g.inner());
            case Syntax.Atom a -> atom(a.token());
            case Syntax.FnCall f -> fn(f.call());
            case Syntax.Not n -> {
                Typed operand = check(n.operand());
                need(operand, n.operand(), Type.BOOL, "'!' needs a boolean");
                yield new Typed(new Expr.Not(n.op().position(), operand.expr), Type.BOOL);
            }
            case Syntax.Binary b -> binary(b);
        };
    }

    private Typed binary(Syntax.Binary b) {
        Typed l = check(b.left());
        Typed r = check(b.right());
        Position at = b.op().position();
        return switch (b.op().kind()) {
            case AND, OR -> {
                String what = "'" + b.op().text() + "' needs booleans";
                need(l, b.left(), Type.BOOL, what);
                need(r, b.right(), Type.BOOL, what);
                Expr e = b.op().is(Token.Kind.AND) ? new Expr.And(at, l.expr, r.expr) : new Expr.Or(at, l.expr, r.expr);
                yield new Typed(e, Type.BOOL);
            }
            case EQ, NE -> equality(b, l, r);
            default -> {
                String what = "'" + b.op().text() + "' needs ints";
                need(l, b.left(), Type.INT, what);
                need(r, b.right(), Type.INT, what);
                yield compare(b, l, r);
            }
        };
    }

    private Typed equality(Syntax.Binary b, Typed l, Typed r) {
        String op = "'" + b.op().text() + "'";
        if (l.type != r.type && l.type != Type.ERROR && r.type != Type.ERROR) {
            values.report(b.op().position(), op + " needs equal types, " + b.left().source() + " is "
                    + l.type.phrase() + " and " + b.right().source() + " is " + r.type.phrase());
        } else if (l.type == Type.VERSION && r.type == Type.VERSION) {
            // version(C) is compared to a version word; two words or two calls say nothing about the run.
            boolean leftWord = l.expr instanceof Expr.VersionLiteral;
            boolean rightWord = r.expr instanceof Expr.VersionLiteral;
            if (leftWord && rightWord) {
                values.report(b.op().position(), "a version word can only be compared with version(C)");
            } else if (!leftWord && !rightWord) {
                values.report(b.op().position(), b.left().source()
                        + " can only be compared with a version word (tls1.2, tls1.3)");
            }
        }
        return compare(b, l, r);
    }

    private static Typed compare(Syntax.Binary b, Typed l, Typed r) {
        Comparison c = switch (b.op().kind()) {
            case EQ -> Comparison.EQ;
            case NE -> Comparison.NE;
            case LT -> Comparison.LT;
            case LE -> Comparison.LE;
            case GT -> Comparison.GT;
            case GE -> Comparison.GE;
            default -> throw new IllegalStateException("not a comparison: " + b.op());
        };
        return new Typed(new Expr.Compare(b.op().position(), c, l.expr, r.expr), Type.BOOL);
    }

    private void need(Typed t, Syntax.Expression source, Type want, String what) {
        if (t.type != want && t.type != Type.ERROR) {
            values.report(source.position(), what + ", " + source.source() + " is " + t.type.phrase());
        }
    }

    private Typed atom(Token t) {
        if (t.is(Token.Kind.WORD)) {
            Optional<TlsVersion> v = TlsVersion.ofWord(t.text());
            if (v.isPresent()) return new Typed(new Expr.VersionLiteral(t.position(), v.get()), Type.VERSION);
            values.report(t.position(), "unknown version " + t.display() + " (known: tls1.2, tls1.3)");
            return new Typed(null, Type.ERROR);
        }
        if (t.text().matches("-?[0-9]+")) {
            try {
                return new Typed(new Expr.IntLiteral(t.position(), Long.parseLong(t.text())), Type.INT);
            } catch (NumberFormatException e) {
                values.report(t.position(), "integer too large: " + t.display());
                return new Typed(null, Type.ERROR);
            }
        }
        values.report(t.position(), "expected an integer, got " + t.display());
        return new Typed(null, Type.ERROR);
    }

    private Typed fn(Syntax.Call call) {
        String word = call.name().text();
        Optional<Expr.Function> f = Functions.byWord(word);
        if (f.isEmpty()) {
            if (CallKind.of(word).isPresent()) {
                values.report(call.name().position(), word + " is a call, not an expectation function; "
                        + "make it a statement of its own");
            } else {
                values.report(call.name().position(), "unknown function '" + word + "'"
                        + Suggest.hint(word, Functions.WORDS));
            }
            return new Typed(null, Type.ERROR);
        }
        Signature sig = Functions.of(f.get());
        if (call.args().size() != sig.params().size()) {
            int n = sig.params().size();
            values.report(call.name().position(), word + " takes " + n + " argument" + (n == 1 ? "" : "s") + ": "
                    + sig.form());
            return new Typed(null, sig.result());
        }
        List<FnArg> args = new ArrayList<>();
        for (int k = 0; k < call.args().size(); k++) {
            args.add(fnArg(sig.params().get(k), call.args().get(k), word));
        }
        return new Typed(new Expr.Fn(call.name().position(), call.source(), f.get(), args), sig.result());
    }

    private FnArg fnArg(Param p, Syntax.Arg arg, String word) {
        return switch (p) {
            case SESSION -> new FnArg.Session(names.session(arg, word));
            case CONN -> new FnArg.Conn(names.connection(arg, word));
            case CTX -> new FnArg.Ctx(names.context(arg, word));
            case CALLBACK_KIND -> new FnArg.CallbackKind(oneOf(arg, "callback kind", Functions.CALLBACK_KINDS));
            case STAT_NAME -> new FnArg.StatName(oneOf(arg, "stat", Functions.STATS));
        };
    }

    private String oneOf(Syntax.Arg arg, String what, List<String> known) {
        String word = arg.source();
        if (arg instanceof Syntax.NameArg && known.contains(word)) return word;
        values.report(arg.position(), "unknown " + what + " '" + word + "' (known: " + String.join(", ", known) + ")");
        return null;
    }
}
