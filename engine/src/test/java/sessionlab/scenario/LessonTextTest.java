package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A lesson file is UTF-8 text; where it is not, the message says where. */
class LessonTextTest {
    @Test
    void utf8TextIsReadAsItIs() throws Exception {
        assertThat(LessonText.decode("a.lab", "# résumé\nstack jsse\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("# résumé\nstack jsse\n");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheLesson() throws Exception {
        assertThat(LessonText.decode("a.lab", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 's'})).isEqualTo("s");
    }

    @Test
    void aByteThatIsNotUtf8IsNamedAtItsLineAndColumn() {
        byte[] latin1 = "stack jsse\n# r\u00e9sum\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> LessonText.decode("old.lab", latin1))
                .isInstanceOf(LessonText.NotText.class)
                .hasMessage("old.lab:2:4: not UTF-8 text: byte 0xe9 cannot be part of a character here (a lesson is a UTF-8 text file)");
    }

    @Test
    void aCharacterCutShortAtTheEndIsNamedToo() {
        assertThatThrownBy(() -> LessonText.decode("cut.lab", new byte[] {'x', (byte) 0xE2, (byte) 0x82}))
                .hasMessageStartingWith("cut.lab:1:2: not UTF-8 text");
    }
}
