package sessionlab.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded mutations of the sample lessons: lines deleted, duplicated, swapped, numbers changed,
 * characters inserted or dropped. Many results no longer parse (then the answer must be positioned
 * diagnostics); the rest are realistic lessons in a new order, which must still run to a clean end.
 */
public final class LessonMutator {
    private static final String[] NUMBERS = {"0", "1", "2", "3", "-1", "99999999999"};
    private static final String[] CHARACTERS = {"(", ")", "=", ",", "\"", "#", "x", "{", "}", " ", ".", "+", "\t", "é"};

    private LessonMutator() {}

    /** The lessons under {@code samples} (and its compare/ folder), in a fixed order. */
    public static List<Path> samples(Path samples) {
        try (Stream<Path> files = Files.walk(samples)) {
            return files.filter(p -> p.toString().endsWith(".lab")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Mutant(Path from, String text) {}

    public static Mutant mutate(List<Path> samples, long seed) {
        Random random = new Random(seed);
        Path from = samples.get(random.nextInt(samples.size()));
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            switch (random.nextInt(7)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> {
                    int j = random.nextInt(lines.size());
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 3 -> lines.set(i, line.replaceFirst("\\b\\d+\\b", NUMBERS[random.nextInt(NUMBERS.length)]));
                case 4 -> {
                    int at = random.nextInt(line.length() + 1);
                    lines.set(i, line.substring(0, at) + CHARACTERS[random.nextInt(CHARACTERS.length)] + line.substring(at));
                }
                case 5 -> {
                    if (!line.isEmpty()) {
                        int at = random.nextInt(line.length());
                        lines.set(i, line.substring(0, at) + line.substring(at + 1));
                    }
                }
                default -> lines.set(i, line.substring(0, random.nextInt(line.length() + 1)));
            }
        }
        return new Mutant(from, String.join("\n", lines) + "\n");
    }
}
