package sessionlab.app.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import sessionlab.event.Event;
import sessionlab.export.KeyLogWriter;
import sessionlab.export.PcapngWriter;
import sessionlab.run.RunResult;

/**
 * File > Export capture for Wireshark, without any UI so it can be tested: whether there is anything
 * to export, where the files go, what the user is asked before the key log is written, and the
 * writing. The capture is always written first; the key log only on an explicit yes, because it
 * holds the run's TLS secrets (whoever has it can decrypt the capture).
 */
public final class CaptureExport {
    /** The answer to the key-log question. Anything but an explicit yes (Esc, closing) is {@link #CAPTURE_ONLY}. */
    public enum Choice { CAPTURE_ONLY, CAPTURE_AND_KEYS }

    public static final Choice DEFAULT_CHOICE = Choice.CAPTURE_ONLY;
    public static final String EXTENSION = ".pcapng", KEYS_EXTENSION = ".keys";

    /** The question asked before writing the key log. */
    public record Question(String title, String header, String text, String captureOnly, String captureAndKeys) {}

    private final RunResult result;

    /** {@code result}: the run to export, taken when the menu item is used (a later run does not change it); may be null. */
    public CaptureExport(RunResult result) {
        this.result = result;
    }

    /** Something to export: a run with at least one record on the wire. */
    public boolean available() {
        return result != null && !result.log().ofType(Event.WireRecord.class).isEmpty();
    }

    /** The run left key log lines: only then is the question asked. */
    public boolean hasKeyLog() {
        return result != null && !result.keyLog().isEmpty();
    }

    /** The file the capture goes to: as chosen, with {@code .pcapng} added unless it already names a capture. */
    public static Path capturePath(Path chosen) {
        String name = chosen.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(EXTENSION) || name.endsWith(".pcap") ? chosen : chosen.resolveSibling(chosen.getFileName() + EXTENSION);
    }

    /** The key log goes next to the capture, same base name: Wireshark users expect the pair side by side. */
    public static Path keyLogPath(Path capture) {
        String name = capture.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return capture.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + KEYS_EXTENSION);
    }

    public Question question(Path keys) {
        return new Question("Also save the key log?",
                "The key log holds this run's TLS secrets.",
                "Anyone who has " + keys.getFileName() + " can decrypt the capture: every handshake message and all"
                        + " application data of the run. Save it only to study the capture in Wireshark"
                        + " (Preferences > Protocols > TLS > (Pre)-Master-Secret log filename), and do not share it.",
                "Export capture only", "Also save the key log");
    }

    /** Writes the capture; returns where it went. */
    public Path writeCapture(Path chosen) throws IOException {
        if (!available()) throw new IllegalStateException("no run with records to export");
        Path capture = capturePath(chosen);
        PcapngWriter.write(result.log(), capture);
        return capture;
    }

    /** Writes the key log next to {@code capture} only if the user said so and there is one; returns where it went. */
    public Optional<Path> writeKeyLog(Path capture, Choice choice) throws IOException {
        if (choice != Choice.CAPTURE_AND_KEYS || !hasKeyLog()) return Optional.empty();
        Path keys = keyLogPath(capture);
        KeyLogWriter.write(result.keyLog(), keys);
        return Optional.of(keys);
    }
}
