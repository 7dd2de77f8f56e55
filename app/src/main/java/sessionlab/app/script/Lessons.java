package sessionlab.app.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lessons shipped in {@code samples/} and {@code samples/compare/}: where the installed app's
 * launcher says ({@code -Dsessionlab.samples}), else found from the working directory or its parent.
 */
public final class Lessons {
    public static final String DEFAULT = "01-tls13-ticket-timing.lab";
    private static final String COMPARE = "compare";
    /** Set by the image's launchers: its own copy of the samples. */
    public static final String DIRECTORY_PROPERTY = "sessionlab.samples";

    private Lessons() {}

    public static Path directory() {
        String installed = System.getProperty(DIRECTORY_PROPERTY);
        if (installed != null && Files.isDirectory(Path.of(installed))) return Path.of(installed).toAbsolutePath().normalize();
        for (Path p : List.of(Path.of("samples"), Path.of("..", "samples"))) {
            if (Files.isDirectory(p)) return p.toAbsolutePath().normalize();
        }
        return Path.of("samples").toAbsolutePath();
    }

    /** The lessons of {@code dir}, then the comparison lessons of {@code dir/compare} (one file per stack). */
    public static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>(labs(dir));
        out.addAll(labs(dir.resolve(COMPARE)));
        return List.copyOf(out);
    }

    /** How the picker names a lesson: its file name, with compare/ in front for a comparison lesson. */
    public static String name(Path lesson) {
        Path parent = lesson.getParent();
        boolean comparison = parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(COMPARE);
        return (comparison ? COMPARE + "/" : "") + lesson.getFileName();
    }

    private static List<Path> labs(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".lab")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
