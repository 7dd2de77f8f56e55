package sessionlab.stack.libssl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.run.Lab;

/** "Why didn't it resume?" gives each reason on the real libssl, pointing at the step that caused it. */
class ResumeExplainerTest {
    private static final String TLS13 = """
            client = SSL_CTX_new(client, max=tls1.3, cache=client)
            server = SSL_CTX_new(server)
            c1 = connect(client, server)
            """;
    private static final String TLS12_IDS = """
            client = SSL_CTX_new(client, max=tls1.2)
            server = SSL_CTX_new(server, no_ticket, timeout=60s)
            c1 = connect(client, server)
            s = SSL_get1_session(c1)
            SSL_shutdown(c1)
            """;

    private static Event.ResumeExplained why(String source) {
        Lab lab = Lab.run(source);
        assertThat(lab.result().exitCode()).as(lab.problems()).isZero();
        return lab.events(Event.ResumeExplained.class).getLast();
    }

    @Test
    void aResumedConnectionSaysSo() {
        Event.ResumeExplained w = why(TLS13 + "SSL_read(c1)\ns = SSL_get1_session(c1)\nc2 = connect(client, server, session=s)\nexpect reused(c2)\n");
        assertThat(w.reason()).isEqualTo("resumed");
        assertThat(w.offered()).isTrue();
        assertThat(w.conn()).isEqualTo("c2");
    }

    @Test
    void aSessionTakenBeforeTheTicketsWereReadWasNeverResumable() {
        Event.ResumeExplained w = why(TLS13 + "s = SSL_get1_session(c1)\nSSL_read(c1)\nc2 = connect(client, server, session=s)\n");
        assertThat(w.reason()).isEqualTo("no-ticket-yet");
        assertThat(w.offered()).isFalse();
    }

    @Test
    void aServerWithoutTicketsNeverGivesATls13ClientAResumableSession() {
        Event.ResumeExplained w = why("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, tickets=0)
                c1 = connect(client, server)
                SSL_read(c1)
                s = SSL_get1_session(c1)
                c2 = connect(client, server, session=s)
                """);
        assertThat(w.reason()).isEqualTo("no-tickets-sent");
    }

    @Test
    void anUncleanFreeMarksTheSessionAndTheAnswerPointsAtThatLine() {
        Event.ResumeExplained w = why(TLS13 + "SSL_read(c1)\ns = SSL_get1_session(c1)\nSSL_free(c1)\nc2 = connect(client, server, session=s)\n");
        assertThat(w.reason()).isEqualTo("marked-not-resumable");
        assertThat(w.explanation()).contains("unclean");
        assertThat(w.causeLine()).isEqualTo(6);
        assertThat(w.causeSeq()).isNotNull();
    }

    @Test
    void aSpentTicketPointsAtTheResumptionThatSpentIt() {
        Event.ResumeExplained w = why(TLS13 + """
                SSL_read(c1)
                s = SSL_get1_session(c1)
                c2 = connect(client, server, session=s)
                c3 = connect(client, server, session=s)
                """);
        assertThat(w.conn()).isEqualTo("c3");
        assertThat(w.reason()).isEqualTo("marked-not-resumable");
        assertThat(w.explanation()).contains("single use");
        assertThat(w.causeLine()).isEqualTo(6);
    }

    @Test
    void aFlushOrAnEvictionMarksTheSessionToo() {
        Event.ResumeExplained flushed = why(TLS13 + """
                SSL_read(c1)
                s = SSL_get1_session(c1)
                SSL_CTX_flush_sessions(client, at=0)
                c2 = connect(client, server, session=s)
                """);
        assertThat(flushed.reason()).isEqualTo("marked-not-resumable");
        assertThat(flushed.explanation()).contains("flushed");
        Event.ResumeExplained evicted = why("""
                client = SSL_CTX_new(client, max=tls1.3, cache=client, cache_size=2)
                server = SSL_CTX_new(server, tickets=1)
                c1 = connect(client, server)
                SSL_read(c1)
                s = SSL_get1_session(c1)
                c2 = connect(client, server)
                SSL_read(c2)
                c3 = connect(client, server, session=s)
                """);
        assertThat(evicted.reason()).isEqualTo("marked-not-resumable");
        assertThat(evicted.explanation()).contains("evicted");
        assertThat(evicted.causeLine()).isEqualTo(7);
    }

    @Test
    void aTicketOlderThanItsLifetimeHintIsNotOffered() {
        Event.ResumeExplained w = why("""
                client = SSL_CTX_new(client, max=tls1.3)
                server = SSL_CTX_new(server, timeout=60s)
                c1 = connect(client, server)
                SSL_read(c1)
                s = SSL_get1_session(c1)
                advance 2m
                c2 = connect(client, server, session=s)
                expect resumable(s)
                """);
        assertThat(w.reason()).isEqualTo("too-old");
        assertThat(w.explanation()).contains("past the lifetime hint of 60 s");
    }

    @Test
    void theServerHavingLostItsCopyIsNamedWithTheStepThatRemovedIt() {
        Event.ResumeExplained w = why(TLS12_IDS + """
                copy = SSL_get0_session(c1.server)
                SSL_shutdown(c1.server)
                SSL_CTX_remove_session(server, copy)
                c2 = connect(client, server, session=s)
                """);
        assertThat(w.reason()).isEqualTo("declined-not-in-cache");
        assertThat(w.offered()).isTrue();
        assertThat(w.explanation()).contains("explicit");
        assertThat(w.causeLine()).isEqualTo(8);
    }

    @Test
    void anExpiredSessionIsFoundButDeclined() {
        Event.ResumeExplained w = why(TLS12_IDS + "advance 2m\nc2 = connect(client, server, session=s)\nexpect stat(server, timeouts) == 1\n");
        assertThat(w.reason()).isEqualTo("declined-expired");
        assertThat(w.explanation()).contains("the server's timeout is 60 s");
    }

    @Test
    void aRestartedServerCannotReadTheOldTicket() {
        Event.ResumeExplained w = why(TLS13 + """
                SSL_read(c1)
                s = SSL_get1_session(c1)
                SSL_shutdown(c1)
                SSL_free(c1.server)
                SSL_CTX_free(server)
                server = SSL_CTX_new(server)
                c2 = connect(client, server, session=s)
                expect offered(c2) && !reused(c2)
                """);
        assertThat(w.reason()).isEqualTo("declined-unknown-ticket");
        assertThat(w.explanation()).contains("server restart");
        assertThat(w.causeLine()).isEqualTo(8);
    }
}
