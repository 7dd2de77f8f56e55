package sessionlab.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Handshake messages are framed independently of records: one record may carry several
 * messages and one message may span records. This buffers handshake-record fragments and
 * releases each message once its 4-byte header and whole body have arrived.
 */
final class HandshakeReassembler {
    private static final int MESSAGE_HEADER_LENGTH = 4;

    /** A complete handshake message: msg_type and body (without the 4-byte header). */
    record Message(int type, byte[] body) {}

    private byte[] pending = new byte[0];

    List<Message> append(byte[] fragment) {
        byte[] bytes = Arrays.copyOf(pending, pending.length + fragment.length);
        System.arraycopy(fragment, 0, bytes, pending.length, fragment.length);
        List<Message> messages = new ArrayList<>();
        int start = 0;
        while (bytes.length - start >= MESSAGE_HEADER_LENGTH) {
            int type = bytes[start] & 0xff;
            int length = ((bytes[start + 1] & 0xff) << 16) | ((bytes[start + 2] & 0xff) << 8) | (bytes[start + 3] & 0xff);
            int end = start + MESSAGE_HEADER_LENGTH + length;
            if (end > bytes.length) {
                break;
            }
            messages.add(new Message(type, Arrays.copyOfRange(bytes, start + MESSAGE_HEADER_LENGTH, end)));
            start = end;
        }
        pending = Arrays.copyOfRange(bytes, start, bytes.length);
        return messages;
    }

    boolean hasPartialMessage() {
        return pending.length > 0;
    }
}
