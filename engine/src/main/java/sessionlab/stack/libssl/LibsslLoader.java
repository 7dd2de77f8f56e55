package sessionlab.stack.libssl;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds libssl.so.3 and libcrypto.so.3. First the dynamic linker's own search (dlopen by soname),
 * then the usual directories, so that {@code sessionlab stacks} can say where it looked.
 */
public final class LibsslLoader {
    public static final List<String> SEARCH_DIRS = List.of(
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/local/lib64", "/usr/local/lib", "/usr/lib");

    /** Both libraries, or why they are not there. */
    public record Loaded(SymbolLookup ssl, SymbolLookup crypto, String sslPath, String cryptoPath) {}

    public sealed interface Result {
        record Found(Loaded libraries) implements Result {}
        record Missing(String reason, List<String> searched) implements Result {}
    }

    private LibsslLoader() {}

    public static Result load() {
        List<String> searched = new ArrayList<>();
        Optional<Lib> crypto = find("libcrypto.so.3", searched);
        Optional<Lib> ssl = crypto.isPresent() ? find("libssl.so.3", searched) : Optional.empty();
        if (crypto.isEmpty() || ssl.isEmpty()) {
            String which = crypto.isEmpty() ? "libcrypto.so.3" : "libssl.so.3";
            return new Result.Missing(which + " not found (install the libssl3 package)", searched);
        }
        return new Result.Found(new Loaded(ssl.get().lookup, crypto.get().lookup, ssl.get().path, crypto.get().path));
    }

    private record Lib(SymbolLookup lookup, String path) {}

    private static Optional<Lib> find(String soname, List<String> searched) {
        searched.add(soname + " (dynamic linker search path)");
        try {
            return Optional.of(new Lib(SymbolLookup.libraryLookup(soname, Arena.global()), soname));
        } catch (IllegalArgumentException notByName) {
            for (String dir : SEARCH_DIRS) {
                Path p = Path.of(dir, soname);
                searched.add(p.toString());
                if (Files.exists(p)) {
                    try {
                        return Optional.of(new Lib(SymbolLookup.libraryLookup(p, Arena.global()), p.toString()));
                    } catch (IllegalArgumentException unloadable) {
                        // keep looking: a foreign-architecture copy, for example
                    }
                }
            }
            return Optional.empty();
        }
    }
}
