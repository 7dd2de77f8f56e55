package sessionlab.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Writes a run's key log in the NSS SSLKEYLOGFILE format that Wireshark reads
 * ({@code LABEL <client_random> <secret>}, one per line). These are the run's real TLS secrets:
 * on a POSIX file system the file is made readable by its owner only, before a secret is written.
 */
public final class KeyLogWriter {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyLogWriter() {}

    /** Creates or replaces {@code file} with the lines. */
    public static void write(List<String> lines, Path file) throws IOException {
        restrict(file);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (String line : lines) w.write(line + "\n");
        }
    }

    private static void restrict(Path file) throws IOException {
        boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
        if (!posix) return;
        if (Files.exists(file)) Files.setPosixFilePermissions(file, OWNER_ONLY);
        else Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
}
