package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.scenario.Lab.at;
import static sessionlab.scenario.Lab.op;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every call of the language, after the prelude (so the call is on line 5). */
class CallParsingTest {

    private static ConnRef conn(int column, Side side) {
        return new ConnRef(at(5, column), "c1", side);
    }

    private static Ref ref(int column, String name) {
        return new Ref(at(5, column), name);
    }

    @Test
    void connectTakesAClientAndAServerContext() {
        assertThat(op("c2 = connect(client, server)")).isEqualTo(
                new Op.Connect(ref(14, "client"), ref(22, "server"), Optional.empty(), Optional.empty()));
    }

    @Test
    void connectTakesASessionAndALatencyInAnyOrder() {
        assertThat(op("c2 = connect(client, server, latency=30ms, session=s1)")).isEqualTo(new Op.Connect(
                ref(14, "client"), ref(22, "server"), Optional.of(ref(52, "s1")), Optional.of(Duration.ofMillis(30))));
    }

    @Test
    void connectMayBeCalledWithoutNamingTheConnection() {
        assertThat(op("connect(client, server)")).isInstanceOf(Op.Connect.class);
    }

    @Test
    void readWriteShutdownFreeAndClearTakeAConnection() {
        assertThat(op("SSL_read(c1)")).isEqualTo(new Op.Read(conn(10, Side.CLIENT)));
        assertThat(op("SSL_write(c1, \"GET / \\\"x\\\"\")")).isEqualTo(new Op.Write(conn(11, Side.CLIENT), "GET / \"x\""));
        assertThat(op("SSL_shutdown(c1)")).isEqualTo(new Op.Shutdown(conn(14, Side.CLIENT)));
        assertThat(op("SSL_free(c1)")).isEqualTo(new Op.Free(conn(10, Side.CLIENT)));
        assertThat(op("SSL_clear(c1)")).isEqualTo(new Op.Clear(conn(11, Side.CLIENT)));
    }

    @Test
    void theServerSideOfAConnectionIsNamedWithDotServer() {
        assertThat(op("SSL_read(c1.server)")).isEqualTo(new Op.Read(conn(10, Side.SERVER)));
        assertThat(op("SSL_free(c1 . server)")).isEqualTo(new Op.Free(conn(10, Side.SERVER)));
        assertThat(((Op.Read) op("SSL_read(c1.server)")).conn().display()).isEqualTo("c1.server");
    }

    @Test
    void setSessionTakesAConnectionAndASession() {
        assertThat(op("SSL_set_session(c1, s1)")).isEqualTo(new Op.SetSession(conn(17, Side.CLIENT), ref(21, "s1")));
    }

    @Test
    void theThreeSessionGettersDifferInKind() {
        assertThat(op("s2 = SSL_get_session(c1.server)"))
                .isEqualTo(new Op.GetSession(conn(22, Side.SERVER), Op.GetKind.GET));
        assertThat(op("s2 = SSL_get0_session(c1)")).isEqualTo(new Op.GetSession(conn(23, Side.CLIENT), Op.GetKind.GET0));
        assertThat(op("s2 = SSL_get1_session(c1)")).isEqualTo(new Op.GetSession(conn(23, Side.CLIENT), Op.GetKind.GET1));
        assertThat(op("s2 = SSL_get1_session(c1)").callName()).isEqualTo("SSL_get1_session");
    }

    @Test
    void sessionFreeAndUpRefTakeASession() {
        assertThat(op("SSL_SESSION_free(s1)")).isEqualTo(new Op.SessionFree(ref(18, "s1")));
        assertThat(op("SSL_SESSION_up_ref(s1)")).isEqualTo(new Op.SessionUpRef(ref(20, "s1")));
    }

    @Test
    void addAndRemoveSessionTakeAContextAndASession() {
        assertThat(op("SSL_CTX_add_session(server, s1)"))
                .isEqualTo(new Op.CtxAddSession(ref(21, "server"), ref(29, "s1")));
        assertThat(op("SSL_CTX_remove_session(client, s1)"))
                .isEqualTo(new Op.CtxRemoveSession(ref(24, "client"), ref(32, "s1")));
    }

    @Test
    void flushDefaultsToNow() {
        assertThat(op("SSL_CTX_flush_sessions(client)")).isEqualTo(new Op.CtxFlush(ref(24, "client"), new FlushAt.Now()));
    }

    @Test
    void flushTakesNowZeroOrALaterTime() {
        assertThat(((Op.CtxFlush) op("SSL_CTX_flush_sessions(client, at=now)")).at()).isEqualTo(new FlushAt.Now());
        assertThat(((Op.CtxFlush) op("SSL_CTX_flush_sessions(client, at=0)")).at()).isEqualTo(new FlushAt.Everything());
        assertThat(((Op.CtxFlush) op("SSL_CTX_flush_sessions(client, at=+2h)")).at())
                .isEqualTo(new FlushAt.Later(Duration.ofHours(2)));
        assertThat(((Op.CtxFlush) op("SSL_CTX_flush_sessions(at=+90s, client)")).at())
                .isEqualTo(new FlushAt.Later(Duration.ofSeconds(90)));
    }

    @Test
    void contextFreeTakesAContext() {
        assertThat(op("SSL_CTX_free(server)")).isEqualTo(new Op.CtxFree(ref(14, "server")));
    }

    @Test
    void newSessionTakesAContextAndAPositiveIndex() {
        assertThat(op("s2 = new_session(client, 1)")).isEqualTo(new Op.NewSession(ref(18, "client"), 1));
        assertThat(op("s2 = new_session(server, 12)")).isEqualTo(new Op.NewSession(ref(18, "server"), 12));
    }

    @Test
    void aContextCanBeMadeWithoutOptions() {
        assertThat(op("x = SSL_CTX_new(server)")).isEqualTo(new Op.CtxNew(Role.SERVER, ContextOptions.DEFAULTS));
        assertThat(op("SSL_CTX_new(client)")).isEqualTo(new Op.CtxNew(Role.CLIENT, ContextOptions.DEFAULTS));
    }

    @Test
    void spacingInsideACallDoesNotMatter() {
        assertThat(op("SSL_set_session (  c1 ,s1 )")).isEqualTo(new Op.SetSession(conn(20, Side.CLIENT), ref(24, "s1")));
    }
}
