package sessionlab.stack.bc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sessionlab.wire.TlsNames;

/**
 * Names what one direction of one end carried, from the plaintext bctls itself handed to
 * {@code writeRecord} or got back from {@code processRecord}: so an encrypted record is labelled
 * with its real inner content, never guessed from its size. Handshake messages may span records.
 */
final class RecordNotes {
    static final short CHANGE_CIPHER_SPEC = 20, ALERT = 21, HANDSHAKE = 22, APPLICATION_DATA = 23;
    static final int NEW_SESSION_TICKET = 4;

    /**
     * One handshake message or other content: its display name, type (-1 if not handshake), length,
     * and the message body of a ClientHello, ServerHello or NewSessionTicket (null otherwise).
     */
    record Item(String name, int handshakeType, int length, byte[] body) {
        Item(String name, int handshakeType, int length) {
            this(name, handshakeType, length, null);
        }

        boolean isAlert() {
            return name.startsWith("Alert");
        }
    }

    private byte[] pending = new byte[0];

    /** What one plaintext record carried, in order. */
    List<Item> read(short contentType, byte[] buf, int off, int len) {
        List<Item> items = new ArrayList<>();
        switch (contentType) {
            case HANDSHAKE -> handshake(Arrays.copyOfRange(buf, off, off + len), items);
            case ALERT -> items.add(new Item(len >= 2 ? TlsNames.alertName(buf[off] & 0xff, buf[off + 1] & 0xff) : "Alert", -1, len));
            case CHANGE_CIPHER_SPEC -> items.add(new Item("ChangeCipherSpec", -1, len));
            case APPLICATION_DATA -> items.add(new Item("ApplicationData", -1, len));
            default -> items.add(new Item("ContentType(" + contentType + ")", -1, len));
        }
        return items;
    }

    private void handshake(byte[] fragment, List<Item> items) {
        byte[] bytes = Arrays.copyOf(pending, pending.length + fragment.length);
        System.arraycopy(fragment, 0, bytes, pending.length, fragment.length);
        int start = 0;
        while (bytes.length - start >= 4) {
            int type = bytes[start] & 0xff;
            int length = ((bytes[start + 1] & 0xff) << 16) | ((bytes[start + 2] & 0xff) << 8) | (bytes[start + 3] & 0xff);
            if (start + 4 + length > bytes.length) break;
            byte[] body = type == 1 || type == 2 || type == NEW_SESSION_TICKET
                    ? Arrays.copyOfRange(bytes, start + 4, start + 4 + length) : null;
            items.add(new Item(TlsNames.handshakeTypeName(type), type, 4 + length, body));
            start += 4 + length;
        }
        pending = Arrays.copyOfRange(bytes, start, bytes.length);
    }

    /** Both hellos begin with version (2), random (32), then the session id with a one-byte length. */
    static byte[] helloSessionId(byte[] body) {
        if (body == null || body.length < 35) return new byte[0];
        int n = body[34] & 0xff;
        return 35 + n <= body.length ? Arrays.copyOfRange(body, 35, 35 + n) : new byte[0];
    }

    /** Lifetime (s) and ticket length of a NewSessionTicket body: TLS 1.3 adds age_add and a nonce before the ticket. */
    static long[] ticketFields(byte[] body, boolean tls13) {
        if (body == null || body.length < 4) return new long[] {0, 0};
        long lifetime = ((body[0] & 0xffL) << 24) | ((body[1] & 0xffL) << 16) | ((body[2] & 0xffL) << 8) | (body[3] & 0xffL);
        int p = 4;
        if (tls13) {
            p += 4;
            if (body.length <= p) return new long[] {lifetime, 0};
            p += 1 + (body[p] & 0xff);
        }
        if (body.length < p + 2) return new long[] {lifetime, 0};
        return new long[] {lifetime, ((body[p] & 0xff) << 8) | (body[p + 1] & 0xff)};
    }

    /** The label libssl's stack would show for an encrypted record: its inner messages in braces. */
    static String label(List<Item> items) {
        List<String> names = new ArrayList<>();
        for (Item i : items) names.add(i.name());
        return names.isEmpty() ? "{Handshake (partial message)}" : "{" + String.join(", ", names) + "}";
    }
}
