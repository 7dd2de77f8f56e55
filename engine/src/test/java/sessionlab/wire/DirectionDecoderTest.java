package sessionlab.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DirectionDecoderTest {
    private static Transcript versionMismatch;
    private static Transcript tls12;

    @BeforeAll
    static void connect() {
        versionMismatch = JsseLoopback.connect(JsseLoopback.clientContext(), JsseLoopback.serverContext(),
                JsseLoopback.protocols("TLSv1.3"), JsseLoopback.protocols("TLSv1.2"));
        tls12 = JsseLoopback.connect(JsseLoopback.clientContext(), JsseLoopback.serverContext(),
                JsseLoopback.protocols("TLSv1.2"), p -> {});
    }

    @Test
    void plaintextAlertIsNamedByLevelAndDescription() {
        assertThat(versionMismatch.serverFailure()).isNotNull();

        List<Transcript.Seen> fromServer = versionMismatch.decode().stream().filter(s -> !s.fromClient()).toList();

        assertThat(fromServer).singleElement().satisfies(alert -> {
            assertThat(alert.label()).isEqualTo("Alert(fatal, protocol_version)");
            assertThat(alert.decoded().encrypted()).isFalse();
        });
    }

    @Test
    void handshakeMessagesSplitAcrossRecordsAreDecodedWhenComplete() {
        TlsRecord flight = new RecordSplitter().feed(tls12.bytes(false)).getFirst();
        DirectionDecoder decoder = new DirectionDecoder();

        List<DecodedRecord> decoded = new ArrayList<>();
        for (TlsRecord piece : reframe(flight, 50)) {
            decoded.add(decoder.decode(piece));
        }

        assertThat(decoded.getFirst().label()).isEqualTo("Handshake (partial message)");
        assertThat(decoded.getFirst().messages()).isEmpty();
        assertThat(decoded.get(1).label()).isEqualTo("ServerHello");
        assertThat(decoded.stream().flatMap(d -> d.messages().stream()).map(HandshakeInfo::name))
                .containsExactly("ServerHello", "Certificate", "ServerKeyExchange", "ServerHelloDone");
    }

    @Test
    void applicationDataIsEncryptedEvenBeforeChangeCipherSpec() {
        TlsRecord data = record(TlsRecord.APPLICATION_DATA, 1, 2, 3);

        DecodedRecord decoded = new DirectionDecoder().decode(data);

        assertThat(decoded.encrypted()).isTrue();
        assertThat(decoded.label()).isEqualTo("ApplicationData (encrypted)");
        assertThat(decoded.record()).isSameAs(data);
    }

    @Test
    void alertAfterTls12ChangeCipherSpecIsEncrypted() {
        DirectionDecoder decoder = new DirectionDecoder();

        DecodedRecord ccs = decoder.decode(record(TlsRecord.CHANGE_CIPHER_SPEC, 1));
        DecodedRecord alert = decoder.decode(record(TlsRecord.ALERT, 2, 40));

        assertThat(ccs.label()).isEqualTo("ChangeCipherSpec");
        assertThat(ccs.encrypted()).isFalse();
        assertThat(alert.label()).isEqualTo("Alert (encrypted)");
        assertThat(alert.encrypted()).isTrue();
    }

    @Test
    void unknownHandshakeTypesAreNamedByNumber() {
        DecodedRecord decoded = new DirectionDecoder().decode(record(TlsRecord.HANDSHAKE, 99, 0, 0, 0));

        assertThat(decoded.label()).isEqualTo("HandshakeType(99)");
        assertThat(decoded.messages()).containsExactly(new OtherHandshakeInfo(99, "HandshakeType(99)"));
    }

    @Test
    void aTruncatedClientHelloIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DirectionDecoder().decode(record(TlsRecord.HANDSHAKE, 1, 0, 0, 2, 3, 3)))
                .withMessageStartingWith("malformed ClientHello (2 bytes)");
    }

    @Test
    void trailingBytesAfterATls12TicketAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DirectionDecoder().decode(
                        record(TlsRecord.HANDSHAKE, 4, 0, 0, 8, 0, 0, 0, 60, 0, 1, 7, 9)))
                .withMessageStartingWith("malformed NewSessionTicket (8 bytes)");
    }

    @Test
    void aTls12TicketRecordDecodesLifetimeAndLength() {
        DecodedRecord decoded = new DirectionDecoder().decode(
                record(TlsRecord.HANDSHAKE, 4, 0, 0, 9, 0, 0, 0x1c, 0x20, 0, 3, 7, 8, 9));

        assertThat(decoded.messages()).containsExactly(new NewSessionTicketTls12Info(7200, 3));
    }

    /** Re-frames one record's fragment into records of at most {@code size} bytes. */
    private static List<TlsRecord> reframe(TlsRecord original, int size) {
        List<TlsRecord> pieces = new ArrayList<>();
        byte[] fragment = original.fragment();
        for (int start = 0; start < fragment.length; start += size) {
            byte[] piece = Arrays.copyOfRange(fragment, start, Math.min(fragment.length, start + size));
            pieces.add(record(original.contentType(), piece));
        }
        return pieces;
    }

    private static TlsRecord record(int type, int... fragment) {
        byte[] bytes = new byte[fragment.length];
        for (int i = 0; i < fragment.length; i++) {
            bytes[i] = (byte) fragment[i];
        }
        return record(type, bytes);
    }

    private static TlsRecord record(int type, byte[] fragment) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(new byte[] {(byte) type, 3, 3, (byte) (fragment.length >> 8), (byte) fragment.length});
        raw.writeBytes(fragment);
        return new RecordSplitter().feed(raw.toByteArray()).getFirst();
    }
}
