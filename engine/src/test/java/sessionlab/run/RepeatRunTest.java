package sessionlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.event.LoggedEvent;
import sessionlab.scenario.ScenarioException;
import sessionlab.scenario.ScenarioParser;

/** Repeat blocks on the real libssl: the body runs N times, every pass announced line by line. */
class RepeatRunTest {
    /** One clean connection: close_notify on both sides first, so that SSL_free removes nothing from a cache. */
    private static final String CONNECTION = """
              c = connect(client, server)
              SSL_shutdown(c)
              SSL_shutdown(c.server)
              SSL_free(c)
              SSL_free(c.server)
            """;

    private static RunResult run(String source) {
        try {
            return ScenarioRunner.run(ScenarioParser.parse("repeat.lab", source),
                    Stacks.standard().byName("libssl").orElseThrow(), new EventLog());
        } catch (ScenarioException e) {
            throw new AssertionError("test scenario does not parse: " + e.diagnostics());
        }
    }

    private static String repeat(int count, String body) {
        return "repeat " + count + " {\n" + body + "}\n";
    }

    private static Lab passing(String source) {
        Lab lab = new Lab(run(source));
        assertThat(lab.allPassed()).as(lab.problems()).isTrue();
        return lab;
    }

    @Test
    void aBlockOfThreeConnectsMakesThreeHandshakes() {
        Lab lab = passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server)
                """ + repeat(3, CONNECTION) + """
                expect stat(server, accept_good) == 3
                expect stat(client, connect_good) == 3
                SSL_CTX_free(client)
                SSL_CTX_free(server)
                """);
        assertThat(lab.events(Event.HandshakeDone.class).stream().filter(h -> h.side().equals("client")))
                .hasSize(3).allSatisfy(h -> assertThat(h.version()).isEqualTo("tls1.3"));
        assertThat(lab.events(Event.ExpectPass.class)).hasSize(2);
        assertThat(lab.events(Event.Error.class)).isEmpty();
        assertThat(lab.events(Event.Leak.class)).isEmpty();
    }

    @Test
    void everyBodyStatementAnnouncesItsOwnLineOnEveryPass() {
        Lab lab = passing("""
                note "start"
                repeat 2 {
                  advance 1s   # tick
                  repeat 2 {
                    note "inner"
                  }
                }
                note "end"
                """);
        assertThat(lab.events(Event.StatementStarted.class)).extracting(Event.StatementStarted::line).containsExactly(
                1, 2, 3, 4, 5, 5, 3, 4, 5, 5, 8);
        assertThat(lab.events(Event.StatementStarted.class)).extracting(Event.StatementStarted::text)
                .contains("repeat 2 {", "advance 1s", "note \"inner\"");
        assertThat(lab.events(Event.Note.class)).extracting(Event.Note::line).containsExactly(1, 5, 5, 5, 5, 8);
        assertThat(lab.events(Event.ClockAdvance.class)).extracting(Event.ClockAdvance::nowMs).containsExactly(1000L, 2000L);
    }

    @Test
    void expectationsAndErrorsCountOncePerPass() {
        RunResult result = run("""
                client = SSL_CTX_new(client)
                server = SSL_CTX_new(server)
                c = connect(client, server)
                SSL_shutdown(c)
                SSL_shutdown(c.server)
                SSL_free(c)
                SSL_free(c.server)
                repeat 3 {
                  expect cache_size(server) == 0
                  expect cache_size(server) == 1
                  SSL_read(c)
                }
                SSL_CTX_free(client)
                SSL_CTX_free(server)
                """);
        assertThat(result.passed()).isEqualTo(3);
        assertThat(result.failed()).isEqualTo(3);
        assertThat(result.errors()).isEqualTo(3);
        assertThat(result.log().ofType(Event.Error.class)).extracting(Event.Error::line).containsExactly(11, 11, 11);
        assertThat(result.log().ofType(Event.ExpectFail.class)).extracting(Event.ExpectFail::line).containsExactly(10, 10, 10);
    }

    @Test
    void aNameBoundInABlockIsUsableAfterIt() {
        passing("""
                client = SSL_CTX_new(client, max=tls1.3, cache=client)
                server = SSL_CTX_new(server)
                repeat 2 {
                  c = connect(client, server)
                  SSL_read(c)
                  s = SSL_get0_session(c)
                  SSL_shutdown(c)
                  SSL_shutdown(c.server)
                  SSL_free(c)
                  SSL_free(c.server)
                }
                expect resumable(s)
                expect cache_size(client) == 4
                SSL_CTX_free(client)
                SSL_CTX_free(server)
                """);
    }

    /**
     * Lifecycle reference §7: the automatic flush runs when {@code accept_good & 0xff == 0xff}; a TLS 1.3
     * server checks after counting the connection, so on the 255th. With {@code no_ticket} its tickets are
     * stateful and their sessions cached; three of them are aged past the 7200 s timeout first.
     */
    @Test
    void aTls13ServerFlushesItsExpiredSessionsOnThe255thConnection() {
        Lab lab = passing("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, no_ticket, tickets=1)
                """ + repeat(3, CONNECTION) + """
                expect cache_size(server) == 3
                advance 3h
                """ + repeat(251, CONNECTION) + """
                expect stat(server, accept_good) == 254
                expect cache_size(server) == 254
                """ + repeat(1, CONNECTION) + """
                expect stat(server, accept_good) == 255
                expect cache_size(server) == 252
                expect stat(server, timeouts) == 0
                SSL_CTX_free(client)
                SSL_CTX_free(server)
                """);
        assertThat(lab.events(Event.HandshakeDone.class)).allSatisfy(h -> assertThat(h.version()).isEqualTo("tls1.3"));
        assertThat(removalsFromServerByConnection(lab)).containsExactly(List.of(2, 4, 6), 255);
    }

    /** The same on TLS 1.2, where the check sees the count before this connection: the 256th. */
    @Test
    void aTls12ServerFlushesItsExpiredSessionsOnThe256thConnection() {
        Lab lab = passing("""
                client = SSL_CTX_new(client, max=tls1.2)
                server = SSL_CTX_new(server, no_ticket)
                """ + repeat(3, CONNECTION) + """
                advance 3h
                """ + repeat(252, CONNECTION) + """
                expect stat(server, accept_good) == 255
                expect cache_size(server) == 255
                """ + repeat(1, CONNECTION) + """
                expect stat(server, accept_good) == 256
                expect cache_size(server) == 253
                SSL_CTX_free(client)
                SSL_CTX_free(server)
                """);
        assertThat(lab.events(Event.HandshakeDone.class)).allSatisfy(h -> assertThat(h.version()).isEqualTo("tls1.2"));
        assertThat(removalsFromServerByConnection(lab)).containsExactly(List.of(2, 4, 6), 256);
    }

    /**
     * The sessions that left the server cache before SSL_CTX_free, and the number of the server
     * handshake during which they left (all of them must leave during the same one).
     */
    private static List<Object> removalsFromServerByConnection(Lab lab) {
        int handshakes = 0;
        Integer during = null;
        List<Integer> removed = new java.util.ArrayList<>();
        for (LoggedEvent le : lab.result().log().events()) {
            switch (le.event()) {
                case Event.Call c when c.function().equals("SSL_accept") -> handshakes++;
                case Event.Call c when c.function().equals("SSL_CTX_free") -> {
                    return List.of(removed, during == null ? 0 : during);
                }
                case Event.CacheRemove r when r.ctx().equals("server") -> {
                    assertThat(during).as("every removal during one handshake").isIn(null, handshakes);
                    assertThat(r.reason()).isEqualTo("timeout");
                    during = handshakes;
                    removed.add(r.session());
                }
                default -> { }
            }
        }
        throw new AssertionError("the scenario did not free its contexts");
    }
}
