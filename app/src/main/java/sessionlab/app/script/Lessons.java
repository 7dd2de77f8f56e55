package sessionlab.app.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The lessons shipped in {@code samples/}, found from the working directory or its parent. */
public final class Lessons {
    public static final String DEFAULT = "01-tls13-ticket-timing.lab";

    private Lessons() {}

    public static Path directory() {
        for (Path p : List.of(Path.of("samples"), Path.of("..", "samples"))) {
            if (Files.isDirectory(p)) return p.toAbsolutePath().normalize();
        }
        return Path.of("samples").toAbsolutePath();
    }

    public static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".lab")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
