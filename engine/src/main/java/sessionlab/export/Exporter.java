package sessionlab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import sessionlab.event.EventLog;

/**
 * A run's capture for Wireshark: the wire records as pcapng, and separately the key log that
 * decrypts them. Kept apart on purpose: the capture can be shared, the key log is the run's secrets.
 */
public final class Exporter {
    private Exporter() {}

    /** Writes what is asked for: {@code pcap} and {@code keys} may each be null (not written). */
    public static void write(EventLog log, List<String> keyLog, Path pcap, Path keys) throws IOException {
        if (pcap != null) PcapngWriter.write(log, pcap);
        if (keys != null) KeyLogWriter.write(keyLog, keys);
    }
}
