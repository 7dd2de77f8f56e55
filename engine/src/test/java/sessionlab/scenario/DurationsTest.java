package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250ms, PT0.25S", "300s, PT5M", "5m, PT5M", "2h, PT2H", "1d, PT24H", "0s, PT0S", "0ms, PT0S"})
    void everyUnitParses(String text, Duration expected) {
        assertThat(Durations.parseDuration(text)).isEqualTo(expected);
    }

    @Test
    void aBareNumberIsRejectedBecauseTheUnitIsRequired() {
        assertThatThrownBy(() -> Durations.parseDuration("300"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration needs a unit (ms, s, m, h, d): '300'");
    }

    @Test
    void anUnknownUnitIsNamed() {
        assertThatThrownBy(() -> Durations.parseDuration("3x"))
                .hasMessage("unknown duration unit 'x' (ms, s, m, h, d): '3x'");
    }

    @Test
    void twoUnitsInOneDurationAreAnUnknownUnit() {
        assertThatThrownBy(() -> Durations.parseDuration("1h30m"))
                .hasMessage("unknown duration unit 'h30m' (ms, s, m, h, d): '1h30m'");
    }

    @Test
    void aNegativeDurationIsRejected() {
        assertThatThrownBy(() -> Durations.parseDuration("-5s"))
                .hasMessage("duration must not be negative: '-5s'");
    }

    @Test
    void aFractionalAmountIsRejected() {
        assertThatThrownBy(() -> Durations.parseDuration("1.5h"))
                .hasMessage("duration amount must be a whole number: '1.5h'");
    }

    @Test
    void textThatIsNoDurationAtAllSaysWhatADurationLooksLike() {
        assertThatThrownBy(() -> Durations.parseDuration("soon"))
                .hasMessage("not a duration: 'soon' (e.g. 250ms, 300s, 5m, 2h, 1d)");
        assertThatThrownBy(() -> Durations.parseDuration(""))
                .hasMessage("not a duration: '' (e.g. 250ms, 300s, 5m, 2h, 1d)");
    }

    @Test
    void anAmountBeyondDurationRangeIsTooLarge() {
        assertThatThrownBy(() -> Durations.parseDuration("99999999999999999999d"))
                .hasMessage("duration too large: '99999999999999999999d'");
        assertThatThrownBy(() -> Durations.parseDuration("999999999999999999d"))
                .hasMessage("duration too large: '999999999999999999d'");
    }

    @ParameterizedTest
    @CsvSource({"PT3H, 3h", "PT0.25S, 250ms", "PT1M30S, 90s", "PT48H, 2d", "PT2H30M, 150m", "PT0S, 0s",
            "PT1.5S, 1500ms", "PT-2H, -2h"})
    void formatPrintsTheShortestExactForm(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }

    @Test
    void formatFallsBackToIsoBelowAMillisecond() {
        assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
    }

    @Test
    void formatAndParseRoundTrip() {
        for (String text : new String[] {"250ms", "90s", "5m", "3h", "7d"}) {
            assertThat(Durations.format(Durations.parseDuration(text))).isEqualTo(text);
        }
    }
}
