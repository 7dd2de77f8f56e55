package sessionlab.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code bin/sessionlab-app} accepts on its command line. */
class StartOptionsTest {
    @Test
    void noArgumentsOpenTheDefaultLesson() {
        assertThat(StartOptions.parse()).isEqualTo(new StartOptions(Optional.empty(), false, false));
    }

    @Test
    void aLessonFileIsOpened() {
        assertThat(StartOptions.parse("my.lab").lesson()).contains(Path.of("my.lab"));
    }

    @Test
    void theSelfTestCanNameItsLesson() {
        StartOptions options = StartOptions.parse("--self-test", "samples/05-cache-eviction.lab");
        assertThat(options.selfTest()).isTrue();
        assertThat(options.lesson()).contains(Path.of("samples/05-cache-eviction.lab"));
    }

    @Test
    void helpIsAskedEitherWay() {
        assertThat(StartOptions.parse("-h").help()).isTrue();
        assertThat(StartOptions.parse("--help").help()).isTrue();
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> StartOptions.parse("--fullscreen")).hasMessage("unknown option --fullscreen");
    }

    @Test
    void twoLessonsAreRefusedWithBothNames() {
        assertThatThrownBy(() -> StartOptions.parse("a.lab", "b.lab")).hasMessage("one lesson at a time (a.lab, b.lab)");
    }
}
