package sessionlab.wire;

/**
 * One TLS record as seen on the wire: the 5-byte header split into fields, the fragment it
 * carries, and the exact bytes (header + fragment) so the UI can show a hex dump.
 */
public record TlsRecord(int contentType, int legacyVersion, byte[] fragment, byte[] raw) {
    public static final int CHANGE_CIPHER_SPEC = 20;
    public static final int ALERT = 21;
    public static final int HANDSHAKE = 22;
    public static final int APPLICATION_DATA = 23;

    public static final int HEADER_LENGTH = 5;
    /** RFC 5246 6.2.3: a TLSCiphertext fragment may not exceed 2^14 + 2048 bytes. */
    public static final int MAX_FRAGMENT_LENGTH = (1 << 14) + 2048;

    static boolean isKnownContentType(int type) {
        return type >= CHANGE_CIPHER_SPEC && type <= APPLICATION_DATA;
    }
}
