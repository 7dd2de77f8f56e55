package sessionlab.wire;

import java.util.List;

/**
 * A record with what could be read from it. {@code messages} is empty for encrypted records,
 * non-handshake records and handshake records that only carried part of a message.
 */
public record DecodedRecord(TlsRecord record, boolean encrypted, String label, List<HandshakeInfo> messages) {
    public DecodedRecord {
        messages = List.copyOf(messages);
    }
}
