package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.scenario.Lab.at;
import static sessionlab.scenario.Lab.expr;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sessionlab.scenario.Expr.Comparison;
import sessionlab.scenario.Expr.FnArg;
import sessionlab.scenario.Expr.Function;

/** {@code expect} expressions after the prelude: the expression starts at line 5, column 8. */
class ExpectationParsingTest {

    private static Ref ref(int column, String name) {
        return new Ref(at(5, column), name);
    }

    private static Expr.Fn fn(String text) {
        return (Expr.Fn) expr(text);
    }

    @Test
    void sessionFunctionsTakeASession() {
        for (Function f : List.of(Function.RESUMABLE, Function.DESTROYED, Function.ALIVE, Function.NULL)) {
            String text = f.word() + "(s1)";
            assertThat(fn(text)).isEqualTo(new Expr.Fn(at(5, 8), text, f,
                    List.of(new FnArg.Session(ref(9 + f.word().length(), "s1")))));
        }
    }

    @Test
    void refcountIsAnIntComparedWithALiteral() {
        assertThat(expr("refcount(s1) >= 1")).isEqualTo(new Expr.Compare(at(5, 21), Comparison.GE,
                new Expr.Fn(at(5, 8), "refcount(s1)", Function.REFCOUNT, List.of(new FnArg.Session(ref(17, "s1")))),
                new Expr.IntLiteral(at(5, 24), 1)));
    }

    @Test
    void sameTakesTwoSessions() {
        assertThat(fn("same(s1, s1)").args())
                .containsExactly(new FnArg.Session(ref(13, "s1")), new FnArg.Session(ref(17, "s1")));
    }

    @Test
    void connectionFunctionsTakeEitherSide() {
        assertThat(fn("reused(c1)").args()).containsExactly(new FnArg.Conn(new ConnRef(at(5, 15), "c1", Side.CLIENT)));
        assertThat(fn("offered(c1.server)").args())
                .containsExactly(new FnArg.Conn(new ConnRef(at(5, 16), "c1", Side.SERVER)));
        assertThat(((Expr.Fn) ((Expr.Compare) expr("tickets_received(c1) == 2")).left()).function())
                .isEqualTo(Function.TICKETS_RECEIVED);
    }

    @Test
    void versionIsComparedWithAVersionWord() {
        assertThat(expr("version(c1) == tls1.3")).isEqualTo(new Expr.Compare(at(5, 20), Comparison.EQ,
                new Expr.Fn(at(5, 8), "version(c1)", Function.VERSION,
                        List.of(new FnArg.Conn(new ConnRef(at(5, 16), "c1", Side.CLIENT)))),
                new Expr.VersionLiteral(at(5, 23), TlsVersion.TLS1_3)));
        assertThat(((Expr.Compare) expr("tls1.2 != version(c1.server)")).op()).isEqualTo(Comparison.NE);
    }

    @Test
    void contextFunctionsTakeAContextAndTheirWord() {
        assertThat(((Expr.Fn) ((Expr.Compare) expr("cache_size(server) == 0")).left()).args())
                .containsExactly(new FnArg.Ctx(ref(19, "server")));
        assertThat(fn("in_cache(client, s1)").args())
                .containsExactly(new FnArg.Ctx(ref(17, "client")), new FnArg.Session(ref(25, "s1")));
        assertThat(((Expr.Fn) ((Expr.Compare) expr("callbacks(client, new) == 1")).left()).args())
                .containsExactly(new FnArg.Ctx(ref(18, "client")), new FnArg.CallbackKind("new"));
        assertThat(((Expr.Fn) ((Expr.Compare) expr("callbacks(client, remove) == 1")).left()).args())
                .containsExactly(new FnArg.Ctx(ref(18, "client")), new FnArg.CallbackKind("remove"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"number", "connect", "connect_good", "accept", "accept_good", "hits", "misses",
            "timeouts", "cache_full", "cb_hits"})
    void everyStatNameIsKnown(String stat) {
        Expr.Fn call = (Expr.Fn) ((Expr.Compare) expr("stat(server, " + stat + ") > 0")).left();
        assertThat(call.function()).isEqualTo(Function.STAT);
        assertThat(call.args()).containsExactly(new FnArg.Ctx(ref(13, "server")), new FnArg.StatName(stat));
        assertThat(call.text()).isEqualTo("stat(server, " + stat + ")");
    }

    @Test
    void theTextOfACallIsNormalized() {
        assertThat(fn("same(  s1,s1 )").text()).isEqualTo("same(s1, s1)");
        assertThat(fn("reused( c1 . server )").text()).isEqualTo("reused(c1.server)");
    }

    @Test
    void notBindsTighterThanComparison() {
        // !a == b is (!a) == b, as in C
        Expr e = expr("!resumable(s1) == alive(s1)");
        assertThat(e).isInstanceOf(Expr.Compare.class);
        assertThat(((Expr.Compare) e).left()).isInstanceOf(Expr.Not.class);
    }

    @Test
    void comparisonBindsTighterThanAnd() {
        Expr.And e = (Expr.And) expr("refcount(s1) == 1 && alive(s1)");
        assertThat(e.position()).isEqualTo(at(5, 26));
        assertThat(e.left()).isInstanceOf(Expr.Compare.class);
        assertThat(e.right()).isInstanceOf(Expr.Fn.class);
    }

    @Test
    void andBindsTighterThanOr() {
        Expr.Or e = (Expr.Or) expr("alive(s1) || alive(s1) && null(s1)");
        assertThat(e.position()).isEqualTo(at(5, 18));
        assertThat(e.left()).isInstanceOf(Expr.Fn.class);
        assertThat(e.right()).isInstanceOf(Expr.And.class);
    }

    @Test
    void andAndOrAssociateToTheLeft() {
        Expr.And e = (Expr.And) expr("alive(s1) && null(s1) && same(s1, s1)");
        assertThat(e.left()).isInstanceOf(Expr.And.class);
        assertThat(((Expr.Fn) e.right()).function()).isEqualTo(Function.SAME);
    }

    @Test
    void parenthesesOverridePrecedence() {
        Expr.And e = (Expr.And) expr("(alive(s1) || null(s1)) && reused(c1)");
        assertThat(e.left()).isInstanceOf(Expr.Or.class);
        assertThat(expr("!(refcount(s1) < 2)")).isInstanceOf(Expr.Not.class);
    }

    @Test
    void everyComparisonOperatorParses() {
        for (Comparison c : Comparison.values()) {
            Expr.Compare e = (Expr.Compare) expr("refcount(s1) " + c.symbol() + " -1");
            assertThat(e.op()).isEqualTo(c);
            assertThat(e.right()).isEqualTo(new Expr.IntLiteral(at(5, 22 + c.symbol().length()), -1));
        }
    }

    @Test
    void booleansMayBeComparedForEquality() {
        assertThat(((Expr.Compare) expr("resumable(s1) != reused(c1)")).op()).isEqualTo(Comparison.NE);
    }

    @Test
    void doubleNegationParses() {
        assertThat(expr("!!alive(s1)")).isEqualTo(new Expr.Not(at(5, 8), new Expr.Not(at(5, 9),
                new Expr.Fn(at(5, 10), "alive(s1)", Function.ALIVE, List.of(new FnArg.Session(ref(16, "s1")))))));
    }
}
