package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the input, the parser answers with a scenario or with positioned diagnostics: never a crash. */
class ParserRobustnessTest {
    private static final List<String> FRAGMENTS = List.of(
            "client", "server", "c1", "s1", "x", "c1.server", ".", "server", "=", "==", "!=", "<", ">=", "!", "&&",
            "||", "(", ")", ",", "+", "\"", "\"text\"", "\\", "#", "3", "-1", "0", "2h", "300", "1.5h", "tls1.3",
            "tls1.1", "expect", "advance", "note", "stack", "libssl", "SSL_CTX_new", "connect", "SSL_read",
            "SSL_write", "SSL_get1_session", "SSL_SESSION_free", "SSL_CTX_flush_sessions", "new_session",
            "refcount", "version", "stat", "callbacks", "hits", "new", "cache", "at", "session", "tickets",
            "no_ticket", "min", "max", " ", "\t", "é", ";", "&", "|");

    @Test
    void randomLinesNeverCrashTheParser() {
        Random random = new Random(20240601L);
        for (int n = 0; n < 3000; n++) {
            StringBuilder source = new StringBuilder(String.join("\n", Lab.PRELUDE)).append('\n');
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                int tokens = random.nextInt(9);
                for (int t = 0; t < tokens; t++) {
                    source.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))).append(random.nextBoolean() ? " " : "");
                }
                source.append('\n');
            }
            int lineCount = Lab.PRELUDE.size() + lines + 1;
            try {
                ScenarioParser.parse(Lab.FILE, source.toString());
            } catch (ScenarioException e) {
                assertThat(e.diagnostics()).isNotEmpty().allSatisfy(d -> {
                    assertThat(d.position().line()).isBetween(Lab.PRELUDE.size() + 1, lineCount);
                    assertThat(d.position().column()).isPositive();
                    assertThat(d.message()).isNotBlank();
                });
            } catch (RuntimeException e) {
                throw new AssertionError("crashed on:\n" + source, e);
            }
        }
    }
}
