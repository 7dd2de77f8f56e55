package sessionlab.app.view.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lane's axis on its own: linear where time is dense, a fixed-width break where it jumps. */
class TimeScaleTest {
    @Test
    void withoutBigJumpsTheAxisIsLinear() {
        TimeScale s = new TimeScale(List.of(0L, 25L, 50L, 75L, 100L));
        s.fit(0, 1000);
        assertThat(s.breaks()).isEmpty();
        assertThat(s.x(0)).isEqualTo(0);
        assertThat(s.x(50)).isCloseTo(500, within(1e-9));
        assertThat(s.x(60)).isCloseTo(600, within(1e-9));
        assertThat(s.x(100)).isCloseTo(1000, within(1e-9));
    }

    @Test
    void aThreeHourAdvanceBecomesOneNarrowBreakAndTheHandshakesKeepTheirProportions() {
        long after = 10_800_175;
        TimeScale s = new TimeScale(List.of(0L, 25L, 50L, 75L, 100L, 125L, 150L, 175L, after));
        s.fit(0, 1000);
        assertThat(s.breaks()).singleElement().satisfies(b -> {
            assertThat(b.from()).isEqualTo(175);
            assertThat(b.to()).isEqualTo(after);
            assertThat(b.label()).isEqualTo("≈ +3h");
            assertThat(b.x1() - b.x0()).isLessThanOrEqualTo(56);
        });
        assertThat(s.x(after)).isCloseTo(1000, within(1e-9));
        assertThat(s.x(175)).isGreaterThan(900);
        assertThat(s.x(100) - s.x(75)).isCloseTo(s.x(25) - s.x(0), within(1e-9));
    }

    @Test
    void evenlySpreadLongTimesAreNotBreaks() {
        TimeScale s = new TimeScale(List.of(0L, 600_000L, 1_200_000L));
        s.fit(0, 100);
        assertThat(s.breaks()).isEmpty();
        assertThat(s.x(600_000)).isCloseTo(50, within(1e-9));
    }

    @Test
    void aSingleMomentStillGivesAUsableAxis() {
        TimeScale s = new TimeScale(List.of(0L));
        s.fit(10, 110);
        assertThat(s.x(0)).isEqualTo(10);
        assertThat(s.ticks(20)).isNotEmpty();
    }

    @Test
    void durationsAndLabelsReadNaturally() {
        assertThat(TimeScale.duration(10_800_000)).isEqualTo("3h");
        assertThat(TimeScale.duration(600_000)).isEqualTo("10min");
        assertThat(TimeScale.duration(1_500)).isEqualTo("1.5s");
        assertThat(TimeScale.label(75)).isEqualTo("75 ms");
        assertThat(TimeScale.label(10_800_175)).isEqualTo("3:00:00.175");
    }
}
