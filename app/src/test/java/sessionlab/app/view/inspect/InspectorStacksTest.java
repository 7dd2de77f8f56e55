package sessionlab.app.view.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sessionlab.app.LessonRuns;
import sessionlab.app.model.LabState;

/** The inspector explains each field as the stack that ran can show it: no libssl story on the JDK or Bouncy Castle. */
class InspectorStacksTest {
    /** The eviction comparison lesson on {@code stack}, right after c4 connected (both caches full). */
    private static LabState afterC4(String stack) throws Exception {
        return LessonRuns.after("compare/eviction-order." + stack + ".lab", stack, "c4 = connect");
    }

    /** name -> hint (description) of the items shown for {@code o}. */
    private static Map<String, String> hints(Object o, LabState s) {
        return InspectorItems.items(o, s).stream().collect(Collectors.toMap(ReadOnlyItem::name, ReadOnlyItem::description, (a, b) -> a));
    }

    @Test
    void aJsseSessionIsDescribedInJavaTerms() throws Exception {
        LabState s = afterC4("jsse");
        LabState.SessionView s1 = s.sessions().get(s.variables().get("s1").session());

        Map<String, String> h = hints(s1, s);

        assertThat(h.get("Reference count")).contains("not counted");
        assertThat(h.get("State")).contains("garbage-collected");
        assertThat(h).doesNotContainKey("Copy of");
        assertThat(h.values()).noneMatch(text -> text.contains("libssl frees") || text.contains("SSL_SESSION_get_time"));
    }

    @Test
    void aJsseCacheHasNoHeadOrTail() throws Exception {
        LabState s = afterC4("jsse");

        List<String> entries = InspectorItems.items(s.contexts().get("server"), s).stream()
                .filter(i -> i.name().startsWith("Entry")).map(i -> i.name() + " | " + i.description()).toList();

        assertThat(entries).hasSize(2).allSatisfy(e -> assertThat(e).doesNotContain("(head)", "(tail)").contains("not visible"));
    }

    @Test
    void aLibsslCacheStillRunsHeadToTail() throws Exception {
        LabState s = afterC4("libssl");

        List<String> names = InspectorItems.items(s.contexts().get("server"), s).stream()
                .map(ReadOnlyItem::name).filter(n -> n.startsWith("Entry")).toList();

        assertThat(names).containsExactly("Entry 1 (head)");
        assertThat(hints(s.sessions().get(s.variables().get("s1").session()), s).get("State")).contains("libssl frees");
    }

    @Test
    void aBouncyCastleSessionIsGoneWhenTheLabHoldsItNoMore() throws Exception {
        LabState s = afterC4("bc");

        assertThat(hints(s.sessions().get(s.variables().get("s2").session()), s).get("State")).contains("no holder is left in the lab");
        assertThat(hints(s.contexts().get("server"), s).get("hits")).contains("The lab's count");
    }

    @Test
    void aJsseTicketIsATicketEvenThoughItsLengthIsNotVisible() throws Exception {
        LabState s = LessonRuns.after("compare/single-use.jsse.lab", "jsse", "SSL_read(c1)");
        LabState.SessionView ticket = s.sessions().values().stream().filter(v -> v.ticketLength() < 0).findFirst().orElseThrow();

        String shown = InspectorItems.items(ticket, s).stream().filter(i -> i.name().equals("Ticket")).findFirst().orElseThrow().value();

        assertThat(shown).isEqualTo("yes (its length is not visible)");
    }
}
