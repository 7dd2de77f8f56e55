package sessionlab.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordSplitterTest {
    private static byte[] tls13ServerStream;
    private static byte[] tls12ServerStream;

    @BeforeAll
    static void captureRealStreams() {
        tls13ServerStream = JsseLoopback.connect(JsseLoopback.clientContext(), JsseLoopback.serverContext(),
                JsseLoopback.protocols("TLSv1.3"), p -> {}).bytes(false);
        tls12ServerStream = JsseLoopback.connect(JsseLoopback.clientContext(), JsseLoopback.serverContext(),
                JsseLoopback.protocols("TLSv1.2"), p -> {}).bytes(false);
    }

    @Test
    void severalRecordsInOneFeedAreAllReturnedInOrder() {
        List<TlsRecord> records = new RecordSplitter().feed(tls12ServerStream);

        // ServerHello..ServerHelloDone, NewSessionTicket, CCS, Finished, "pong", close_notify
        assertThat(records).extracting(TlsRecord::contentType).containsExactly(22, 22, 20, 22, 23, 21);
        assertThat(records).extracting(TlsRecord::legacyVersion).containsOnly(0x0303);
        assertThat(records.stream().mapToInt(r -> r.raw().length).sum()).isEqualTo(tls12ServerStream.length);
    }

    @Test
    void splittingTheStreamAtEveryOffsetYieldsTheSameRecords() {
        List<byte[]> expected = raws(new RecordSplitter().feed(tls13ServerStream));

        for (int cut = 0; cut <= tls13ServerStream.length; cut++) {
            RecordSplitter splitter = new RecordSplitter();
            List<TlsRecord> records = new ArrayList<>(splitter.feed(Arrays.copyOfRange(tls13ServerStream, 0, cut)));
            records.addAll(splitter.feed(Arrays.copyOfRange(tls13ServerStream, cut, tls13ServerStream.length)));

            assertThat(raws(records)).as("cut at %d", cut).containsExactlyElementsOf(expected);
            assertThat(splitter.hasPartialRecord()).isFalse();
        }
    }

    @Test
    void aMaximumSizeRecordArrivingInPiecesComesOutWhole() {
        byte[] record = new byte[TlsRecord.HEADER_LENGTH + TlsRecord.MAX_FRAGMENT_LENGTH];
        record[0] = 23;
        record[1] = 3;
        record[2] = 3;
        record[3] = (byte) (TlsRecord.MAX_FRAGMENT_LENGTH >> 8);
        record[4] = (byte) TlsRecord.MAX_FRAGMENT_LENGTH;
        for (int i = TlsRecord.HEADER_LENGTH; i < record.length; i++) record[i] = (byte) i;
        byte[] stream = Arrays.copyOf(record, record.length * 2);
        System.arraycopy(record, 0, stream, record.length, record.length);
        RecordSplitter splitter = new RecordSplitter();
        List<TlsRecord> out = new ArrayList<>();

        for (int at = 0; at < stream.length; at += 3000) {
            out.addAll(splitter.feed(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + 3000))));
        }

        assertThat(out).hasSize(2).allSatisfy(r -> assertThat(r.raw()).isEqualTo(record));
        assertThat(splitter.hasPartialRecord()).isFalse();
    }

    @Test
    void feedingOneByteAtATimeYieldsEachRecordOnItsLastByte() {
        List<TlsRecord> expected = new RecordSplitter().feed(tls13ServerStream);
        RecordSplitter splitter = new RecordSplitter();
        List<byte[]> records = new ArrayList<>();

        for (byte b : tls13ServerStream) {
            records.addAll(raws(splitter.feed(new byte[] {b})));
        }

        assertThat(records).containsExactlyElementsOf(raws(expected));
    }

    @Test
    void headerFieldsFragmentAndRawBytesAreKept() {
        byte[] wire = {0x17, 0x03, 0x03, 0x00, 0x02, (byte) 0xaa, (byte) 0xbb};

        TlsRecord record = new RecordSplitter().feed(wire).getFirst();

        assertThat(record.contentType()).isEqualTo(TlsRecord.APPLICATION_DATA);
        assertThat(record.legacyVersion()).isEqualTo(0x0303);
        assertThat(record.fragment()).containsExactly(0xaa, 0xbb);
        assertThat(record.raw()).isEqualTo(wire);
    }

    @Test
    void nothingIsReturnedUntilARecordIsComplete() {
        RecordSplitter splitter = new RecordSplitter();

        assertThat(splitter.feed(new byte[] {0x16, 0x03, 0x03, 0x00})).isEmpty();
        assertThat(splitter.feed(new byte[] {0x02, 0x01})).isEmpty(); // header complete, 1 of 2 fragment bytes
        assertThat(splitter.hasPartialRecord()).isTrue();
        assertThat(splitter.feed(new byte[0])).isEmpty();
    }

    @Test
    void aLengthOf2To14Plus2048IsAcceptedAndOneMoreIsRejected() {
        assertThat(new RecordSplitter().feed(new byte[] {0x17, 0x03, 0x03, 0x48, 0x00})).isEmpty();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RecordSplitter().feed(new byte[] {0x17, 0x03, 0x03, 0x48, 0x01}))
                .withMessage("record length 18433 exceeds the maximum 2^14+2048 (18432) at stream offset 0");
    }

    @Test
    void anUnknownContentTypeIsRejectedWithItsStreamOffset() {
        byte[] wire = {0x14, 0x03, 0x03, 0x00, 0x01, 0x01, 0x18, 0x03, 0x03, 0x00, 0x01};

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RecordSplitter().feed(wire))
                .withMessage("unknown TLS content type 24 in record header at stream offset 6");
    }

    @Test
    void aRejectedStreamRefusesFurtherInput() {
        RecordSplitter splitter = new RecordSplitter();
        assertThatIllegalArgumentException().isThrownBy(() -> splitter.feed(new byte[] {0x00, 0x03, 0x03, 0x00, 0x00}));

        assertThatIllegalStateException()
                .isThrownBy(() -> splitter.feed(new byte[] {0x17}))
                .withMessageStartingWith("stream was already rejected: unknown TLS content type 0");
    }

    private static List<byte[]> raws(List<TlsRecord> records) {
        return records.stream().map(TlsRecord::raw).toList();
    }
}
