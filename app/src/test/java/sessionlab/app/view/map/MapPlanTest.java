package sessionlab.app.view.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.SessionView;

/** What each column draws, and what it folds away first, on the real default lesson. No FX. */
class MapPlanTest {
    private static MapPlan client(LabState s, int sessions) {
        return MapPlan.of(MapPlan.CLIENT, s, new MapPlan.Limits(sessions, 8, 24));
    }

    @Test
    void eachSessionIsDrawnInTheColumnOfItsSideAndSessionsWithoutASideGoToTheOtherColumn() throws Exception {
        LabState s = LessonHistory.endOfLine(9);
        for (String side : new String[] {MapPlan.CLIENT, MapPlan.SERVER, MapPlan.OTHER}) {
            MapPlan plan = MapPlan.of(side, s, new MapPlan.Limits(100, 100, 100));
            assertThat(plan.sessions()).allSatisfy(v -> assertThat(MapPlan.sideOf(v)).isEqualTo(side));
            assertThat(plan.hiddenSessions()).isZero();
        }
        assertThat(MapPlan.of(MapPlan.OTHER, s, new MapPlan.Limits(100, 100, 100)).sessions())
                .allSatisfy(v -> assertThat(v.side()).isEmpty());
    }

    @Test
    void whenSessionsMustBeFoldedTheOnesANamePointsAtStayAndDestroyedOnesGoToTheStrip() throws Exception {
        LabState s = LessonHistory.endOfLine(9);
        int s1 = s.variables().get("s1").session();
        int s0 = s.variables().get("s0").session();
        long clientSessions = s.sessions().values().stream().filter(v -> "client".equals(v.side())).count();

        long live = s.sessions().values().stream().filter(v -> "client".equals(v.side()) && v.alive()).count();

        MapPlan one = client(s, 1);
        assertThat(one.sessions()).extracting(SessionView::number).containsExactly(s1);
        assertThat(one.hiddenSessions()).isEqualTo(live - 1);
        assertThat(one.destroyed()).as("destroyed sessions go to the strip, the dangling s0's first")
                .extracting(SessionView::number).contains(s0);
        assertThat(one.destroyed().size() + one.hiddenDestroyed()).isEqualTo(clientSessions - live);
    }

    @Test
    void whatTheStatementTouchedIsDrawnBeforeWhatANamePointsAt() throws Exception {
        LabState s = LessonHistory.endOfLine(9);
        int s1 = s.variables().get("s1").session();
        int other = s.sessions().values().stream().filter(v -> "client".equals(v.side()) && v.alive() && v.number() != s1)
                .findFirst().orElseThrow().number();
        var touched = new sessionlab.app.model.Touched(java.util.Set.of(other), java.util.Set.of(), java.util.Set.of(), java.util.Set.of());
        MapPlan one = MapPlan.of(MapPlan.CLIENT, s, new MapPlan.Limits(1, 8, 24), touched);
        assertThat(one.sessions()).extracting(SessionView::number).containsExactly(other);
    }

    @Test
    void namesAreDrawnOnTheSideOfTheSessionTheyPointAt() throws Exception {
        LabState s = LessonHistory.endOfLine(9);
        assertThat(client(s, 12).variables()).extracting(LabState.VariableView::name).containsExactly("s0", "s1");
        assertThat(MapPlan.of(MapPlan.SERVER, s, new MapPlan.Limits(12, 8, 24)).variables()).isEmpty();
    }

    @Test
    void idsReplaceDotsSoThatServerSideNamesAreValidSelectors() {
        assertThat(MapText.id("ssl", "c1.server")).isEqualTo("ssl-c1-server");
        assertThat(MapText.duration(7200)).isEqualTo("2 h");
        assertThat(MapText.duration(90)).isEqualTo("90 s");
        assertThat(MapText.duration(3 * 3600 + 5 * 60)).isEqualTo("3 h 5 min");
    }
}
