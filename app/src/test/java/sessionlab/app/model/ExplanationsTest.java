package sessionlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.event.LoggedEvent;

/** The same event means what the stack that ran does: libssl's story is not told about the JDK or Bouncy Castle. */
class ExplanationsTest {
    private final Event.CacheRemove evicted = new Event.CacheRemove("server", 3, "evicted", 2);

    @Test
    void anEvictionNamesEachStacksOwnRule() {
        assertThat(Explanations.explain(evicted, "libssl")).contains("expires first", "not the least recently used");
        assertThat(Explanations.explain(evicted, "jsse")).contains("JSSE", "least recently used").doesNotContain("libssl");
        assertThat(Explanations.explain(evicted, "bc")).contains("the lab's cache", "expires first").doesNotContain("libssl");
    }

    @Test
    void onlyLibsslLeavesADanglingPointerBehind() {
        Event.SessionDestroyed gone = new Event.SessionDestroyed(4, "SSL_free(c1)");

        assertThat(Explanations.explain(gone, "libssl")).contains("dangles");
        assertThat(Explanations.explain(gone, "bc")).contains("garbage").doesNotContain("pointer to it now dangles");
    }

    @Test
    void aTicketIsStoredWhereTheStackStoresIt() {
        Event.TicketReceived t = new Event.TicketReceived("c1", 1, 0, -1);

        assertThat(Explanations.explain(t, "libssl")).contains("copies its current session");
        assertThat(Explanations.explain(t, "jsse")).contains("client context's cache").doesNotContain("libssl");
        assertThat(Explanations.explain(t, "bc")).doesNotContain("libssl", "JSSE");
    }

    @Test
    void aTls13HandshakeOnBouncyCastleWillNeverResume() {
        Event.HandshakeDone done = new Event.HandshakeDone("c1", "client", "tls1.3", "TLS_AES_128_GCM_SHA256", false);

        assertThat(Explanations.explain(done, "bc")).contains("no TLS 1.3 tickets");
        assertThat(Explanations.explain(done, "jsse")).contains("still on the wire");
    }

    @Test
    void aJsseSessionInvalidatedByJsseIsNotBlamedOnAMissingShutdown() {
        Event.CacheRemove unclean = new Event.CacheRemove("client", 2, "unclean", 0);

        assertThat(Explanations.explain(unclean, "jsse")).contains("JSSE invalidated it").doesNotContain("SSL_shutdown");
        assertThat(Explanations.explain(unclean, "libssl")).contains("without SSL_shutdown");
    }

    @Test
    void theFoldTellsTheStoryOfTheStackNamedAtTheStartOfTheRun() {
        LabFold fold = new LabFold();
        fold.apply(new LoggedEvent(0, 0, new Event.RunStarted("x.lab", "jsse", "SunJSSE", false, List.of())));
        fold.apply(new LoggedEvent(1, 0, evicted));

        LabFold copy = fold.copy();
        copy.apply(new LoggedEvent(2, 0, new Event.CacheRemove("server", 4, "evicted", 2)));

        assertThat(copy.state().narration()).extracting(LabState.Narration::text)
                .hasSize(2).allSatisfy(text -> assertThat(text).contains("least recently used").doesNotContain("libssl"));
    }
}
