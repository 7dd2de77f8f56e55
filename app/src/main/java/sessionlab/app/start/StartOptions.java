package sessionlab.app.start;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The window's command line: an optional lesson to open, {@code --self-test}, {@code --help}. */
public record StartOptions(Optional<Path> lesson, boolean selfTest, boolean help) {
    public static final String USAGE = """
            usage: sessionlab-app [FILE.lab]      open the window on FILE.lab (default: the ticket timing lesson)
                   sessionlab-app --self-test    open it headless, step the lesson to its end, exit 0 if all went well""";

    public static StartOptions parse(String... args) {
        return parse(List.of(args));
    }

    public static StartOptions parse(List<String> args) {
        Path lesson = null;
        boolean selfTest = false;
        boolean help = false;
        for (String a : args) {
            switch (a) {
                case "--self-test" -> selfTest = true;
                case "-h", "--help" -> help = true;
                default -> {
                    if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a);
                    if (lesson != null) throw new IllegalArgumentException("one lesson at a time (" + lesson + ", " + a + ")");
                    lesson = Path.of(a);
                }
            }
        }
        return new StartOptions(Optional.ofNullable(lesson), selfTest, help);
    }
}
