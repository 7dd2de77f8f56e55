package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
        assertThat(Suggest.distance("same", "same")).isZero();
    }

    @Test
    void theClosestWordWithinAThirdOfTheLengthIsSuggested() {
        List<String> known = List.of("SSL_read", "SSL_free", "SSL_write");
        assertThat(Suggest.closest("SSL_reed", known)).contains("SSL_read");
        assertThat(Suggest.closest("SSL_wirte", known)).contains("SSL_write");
        assertThat(Suggest.closest("read", known)).isEmpty();
    }

    @Test
    void caseIsIgnoredWhenMatching() {
        assertThat(Suggest.closest("ssl_read", List.of("SSL_free", "SSL_read"))).contains("SSL_read");
    }

    @Test
    void tiesGoToTheFirstKnownWord() {
        assertThat(Suggest.closest("ab", List.of("ax", "ay"))).contains("ax");
    }
}
