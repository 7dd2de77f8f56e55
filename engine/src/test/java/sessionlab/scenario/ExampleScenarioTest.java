package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.scenario.Lab.at;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import sessionlab.scenario.Expr.Comparison;
import sessionlab.scenario.Expr.FnArg;
import sessionlab.scenario.Expr.Function;

/** The example of DESIGN.md, parsed statement by statement. */
class ExampleScenarioTest {
    static final String EXAMPLE = """
            stack libssl                                   # optional; libssl | jsse | bc
            client = SSL_CTX_new(client, max=tls1.3, cache=client)
            server = SSL_CTX_new(server, tickets=2)
            c1 = connect(client, server)
            s0 = SSL_get0_session(c1)                      # c1 is the client side; c1.server the server side
            expect !resumable(s0)
            SSL_read(c1)
            expect destroyed(s0)
            s1 = SSL_get1_session(c1)
            expect refcount(s1) == 3
            SSL_shutdown(c1)
            SSL_free(c1)
            c2 = connect(client, server, session=s1)
            expect reused(c2)
            expect !resumable(s1)
            SSL_SESSION_free(s1)
            expect cache_size(client) == 1
            advance 3h
            SSL_CTX_flush_sessions(client)
            expect cache_size(client) == 0
            note "The remaining ticket had expired; the flush removed it."
            """;

    private static Ref ref(int line, int column, String name) {
        return new Ref(at(line, column), name);
    }

    private static ConnRef client(int line, int column, String name) {
        return new ConnRef(at(line, column), name, Side.CLIENT);
    }

    private static Expr.Fn fn(int line, int column, String text, Function f, FnArg... args) {
        return new Expr.Fn(at(line, column), text, f, List.of(args));
    }

    @Test
    void theDesignExampleParsesIntoTheExpectedStatements() throws ScenarioException {
        Scenario scenario = ScenarioParser.parse("t.lab", EXAMPLE);

        ContextOptions clientOptions = new ContextOptions(Optional.empty(), Optional.of(TlsVersion.TLS1_3),
                Optional.of(new CacheMode(true, false, false, false)), OptionalInt.empty(), Optional.empty(),
                OptionalInt.empty(), false, NewCallback.NONE, false, OptionalInt.empty(), false);
        ContextOptions serverOptions = new ContextOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), OptionalInt.of(2), false, NewCallback.NONE, false,
                OptionalInt.empty(), false);
        Expr.Fn cacheSize17 = fn(17, 8, "cache_size(client)", Function.CACHE_SIZE, new FnArg.Ctx(ref(17, 19, "client")));
        Expr.Fn cacheSize20 = fn(20, 8, "cache_size(client)", Function.CACHE_SIZE, new FnArg.Ctx(ref(20, 19, "client")));

        assertThat(scenario.statements()).containsExactly(
                new Statement.Stack(at(1, 1), "stack libssl", "libssl"),
                new Statement.Assign(at(2, 1), "client = SSL_CTX_new(client, max=tls1.3, cache=client)", "client",
                        new Op.CtxNew(Role.CLIENT, clientOptions)),
                new Statement.Assign(at(3, 1), "server = SSL_CTX_new(server, tickets=2)", "server",
                        new Op.CtxNew(Role.SERVER, serverOptions)),
                new Statement.Assign(at(4, 1), "c1 = connect(client, server)", "c1",
                        new Op.Connect(ref(4, 14, "client"), ref(4, 22, "server"), Optional.empty(), Optional.empty())),
                new Statement.Assign(at(5, 1), "s0 = SSL_get0_session(c1)", "s0",
                        new Op.GetSession(client(5, 23, "c1"), Op.GetKind.GET0)),
                new Statement.Expect(at(6, 1), "expect !resumable(s0)", new Expr.Not(at(6, 8),
                        fn(6, 9, "resumable(s0)", Function.RESUMABLE, new FnArg.Session(ref(6, 19, "s0"))))),
                new Statement.Call(at(7, 1), "SSL_read(c1)", new Op.Read(client(7, 10, "c1"))),
                new Statement.Expect(at(8, 1), "expect destroyed(s0)",
                        fn(8, 8, "destroyed(s0)", Function.DESTROYED, new FnArg.Session(ref(8, 18, "s0")))),
                new Statement.Assign(at(9, 1), "s1 = SSL_get1_session(c1)", "s1",
                        new Op.GetSession(client(9, 23, "c1"), Op.GetKind.GET1)),
                new Statement.Expect(at(10, 1), "expect refcount(s1) == 3", new Expr.Compare(at(10, 21), Comparison.EQ,
                        fn(10, 8, "refcount(s1)", Function.REFCOUNT, new FnArg.Session(ref(10, 17, "s1"))),
                        new Expr.IntLiteral(at(10, 24), 3))),
                new Statement.Call(at(11, 1), "SSL_shutdown(c1)", new Op.Shutdown(client(11, 14, "c1"))),
                new Statement.Call(at(12, 1), "SSL_free(c1)", new Op.Free(client(12, 10, "c1"))),
                new Statement.Assign(at(13, 1), "c2 = connect(client, server, session=s1)", "c2",
                        new Op.Connect(ref(13, 14, "client"), ref(13, 22, "server"),
                                Optional.of(ref(13, 38, "s1")), Optional.empty())),
                new Statement.Expect(at(14, 1), "expect reused(c2)",
                        fn(14, 8, "reused(c2)", Function.REUSED, new FnArg.Conn(client(14, 15, "c2")))),
                new Statement.Expect(at(15, 1), "expect !resumable(s1)", new Expr.Not(at(15, 8),
                        fn(15, 9, "resumable(s1)", Function.RESUMABLE, new FnArg.Session(ref(15, 19, "s1"))))),
                new Statement.Call(at(16, 1), "SSL_SESSION_free(s1)", new Op.SessionFree(ref(16, 18, "s1"))),
                new Statement.Expect(at(17, 1), "expect cache_size(client) == 1",
                        new Expr.Compare(at(17, 27), Comparison.EQ, cacheSize17, new Expr.IntLiteral(at(17, 30), 1))),
                new Statement.Advance(at(18, 1), "advance 3h", Duration.ofHours(3)),
                new Statement.Call(at(19, 1), "SSL_CTX_flush_sessions(client)",
                        new Op.CtxFlush(ref(19, 24, "client"), new FlushAt.Now())),
                new Statement.Expect(at(20, 1), "expect cache_size(client) == 0",
                        new Expr.Compare(at(20, 27), Comparison.EQ, cacheSize20, new Expr.IntLiteral(at(20, 30), 0))),
                new Statement.Note(at(21, 1), "note \"The remaining ticket had expired; the flush removed it.\"",
                        "The remaining ticket had expired; the flush removed it."));
    }

    @Test
    void theExampleKeepsItsFileSourceAndStack() throws ScenarioException {
        Scenario scenario = ScenarioParser.parse("examples/expiry.lab", EXAMPLE);

        assertThat(scenario.file()).isEqualTo("examples/expiry.lab");
        assertThat(scenario.source()).isEqualTo(EXAMPLE);
        assertThat(scenario.stack()).contains("libssl");
        assertThat(scenario.statements()).hasSize(21);
        assertThat(scenario.statements().get(4).position().toString()).isEqualTo("examples/expiry.lab:5:1");
    }
}
