package sessionlab.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decodes the records one side of one connection sends, in order. Stateful: it remembers
 * whether this side has sent ChangeCipherSpec and buffers handshake messages split across
 * records.
 *
 * <p>Encryption rule. TLS 1.2 protects every record after the sender's ChangeCipherSpec, whatever
 * its outer content type (the Finished travels as an encrypted handshake record). TLS 1.3
 * disguises every protected record as application_data, so an alert or handshake record is
 * always plaintext there, even after a compatibility ChangeCipherSpec (e.g. the second
 * ClientHello after a HelloRetryRequest). The version is only known from the ServerHello, so a
 * decoder made with {@link #DirectionDecoder()} for the client->server stream treats records after
 * its ChangeCipherSpec as encrypted; use {@link ConnectionDecoders#create()} to share it.
 */
public final class DirectionDecoder {
    private final Negotiation negotiation;
    private final HandshakeReassembler handshake = new HandshakeReassembler();
    private boolean cipherSpecChanged;

    /** A decoder that learns the negotiated version only from its own stream. */
    public DirectionDecoder() {
        this(new Negotiation());
    }

    DirectionDecoder(Negotiation negotiation) {
        this.negotiation = negotiation;
    }

    public DecodedRecord decode(TlsRecord record) {
        return switch (record.contentType()) {
            case TlsRecord.CHANGE_CIPHER_SPEC -> {
                cipherSpecChanged = true;
                yield plaintext(record, "ChangeCipherSpec", List.of());
            }
            case TlsRecord.ALERT -> protectedByCipherSpec()
                    ? encrypted(record, "Alert (encrypted)")
                    : plaintext(record, alertLabel(record.fragment()), List.of());
            case TlsRecord.HANDSHAKE -> protectedByCipherSpec()
                    ? encrypted(record, "Handshake (encrypted)")
                    : decodeHandshake(record);
            case TlsRecord.APPLICATION_DATA -> encrypted(record, "ApplicationData (encrypted)");
            default -> throw new IllegalArgumentException("unknown TLS content type " + record.contentType());
        };
    }

    private boolean protectedByCipherSpec() {
        return cipherSpecChanged && !negotiation.isTls13();
    }

    private DecodedRecord decodeHandshake(TlsRecord record) {
        List<HandshakeInfo> messages = new ArrayList<>();
        for (HandshakeReassembler.Message m : handshake.append(record.fragment())) {
            HandshakeInfo info = HandshakeParser.parse(m.type(), m.body());
            if (info instanceof ServerHelloInfo hello) {
                negotiation.serverSelected(hello.selectedVersion());
            }
            messages.add(info);
        }
        String label = messages.isEmpty()
                ? "Handshake (partial message)"
                : messages.stream().map(HandshakeInfo::name).collect(Collectors.joining(", "));
        return plaintext(record, label, messages);
    }

    private static String alertLabel(byte[] fragment) {
        if (fragment.length != 2) {
            return "Alert (malformed, %d bytes)".formatted(fragment.length);
        }
        return TlsNames.alertName(fragment[0] & 0xff, fragment[1] & 0xff);
    }

    private static DecodedRecord plaintext(TlsRecord record, String label, List<HandshakeInfo> messages) {
        return new DecodedRecord(record, false, label, messages);
    }

    private static DecodedRecord encrypted(TlsRecord record, String label) {
        return new DecodedRecord(record, true, label, List.of());
    }
}
