package sessionlab.app.view.inspect;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A classic hex dump of one TLS record: offset, 16 bytes a line, ASCII column. The 5-byte record
 * header comes first on a line of its own, decoded underneath and ruled off from the fragment.
 */
public final class HexDump {
    public static final int HEADER = 5;
    private static final int PER_LINE = 16;
    private static final int HEX_COLUMN = PER_LINE * 3 + 1;

    private HexDump() {}

    public static String of(String hex) {
        if (hex == null || hex.isEmpty()) return "(no bytes recorded for this record)";
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return "(not valid hex: " + e.getMessage() + ")";
        }
        StringBuilder out = new StringBuilder();
        int header = Math.min(HEADER, bytes.length);
        line(out, bytes, 0, header);
        if (bytes.length >= HEADER) out.append("      ").append(describeHeader(bytes)).append('\n');
        if (bytes.length > header) {
            out.append("----  ").append("-".repeat(HEX_COLUMN - 1)).append("  ").append("-".repeat(PER_LINE)).append('\n');
            for (int off = header; off < bytes.length; off += PER_LINE) line(out, bytes, off, Math.min(PER_LINE, bytes.length - off));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, byte[] b, int off, int n) {
        out.append(String.format(Locale.ROOT, "%04x  ", off));
        StringBuilder hex = new StringBuilder();
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int v = b[off + i] & 0xff;
            if (i == 8) hex.append(' ');
            hex.append(String.format(Locale.ROOT, "%02x ", v));
            ascii.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
        }
        out.append(hex).append(" ".repeat(Math.max(0, HEX_COLUMN - hex.length()))).append(' ').append(ascii).append('\n');
    }

    /** "header: handshake (22), version 0x0303, 310 bytes follow". */
    static String describeHeader(byte[] b) {
        int type = b[0] & 0xff;
        int version = (b[1] & 0xff) << 8 | (b[2] & 0xff);
        int length = (b[3] & 0xff) << 8 | (b[4] & 0xff);
        String name = switch (type) {
            case 20 -> "change_cipher_spec";
            case 21 -> "alert";
            case 22 -> "handshake";
            case 23 -> "application_data";
            default -> "unknown";
        };
        return String.format(Locale.ROOT, "^ record header: %s (%d), version 0x%04x, %d bytes follow", name, type, version, length);
    }
}
