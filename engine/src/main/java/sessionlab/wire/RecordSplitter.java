package sessionlab.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames a one-directional TLS byte stream into records. Bytes arrive in whatever chunks the
 * transport produced, so a chunk may end mid-header, mid-fragment, or hold several records.
 *
 * <p>A stream that fails validation is not a TLS stream any more: the splitter refuses further
 * input rather than guessing where the next record might start.
 */
public final class RecordSplitter {
    /** Grows to the largest record seen: most connections never need a full 16 KiB. */
    private byte[] buffer = new byte[1024];
    private int buffered;
    /** Offset in the whole stream of buffer[0], for error messages. */
    private long streamOffset;
    private String rejection;

    /** Returns every record completed by {@code bytes}, in stream order. */
    public List<TlsRecord> feed(byte[] bytes) {
        if (rejection != null) {
            throw new IllegalStateException("stream was already rejected: " + rejection);
        }
        append(bytes);
        List<TlsRecord> records = new ArrayList<>();
        int start = 0;
        while (buffered - start >= TlsRecord.HEADER_LENGTH) {
            int type = buffer[start] & 0xff;
            int version = ((buffer[start + 1] & 0xff) << 8) | (buffer[start + 2] & 0xff);
            int length = ((buffer[start + 3] & 0xff) << 8) | (buffer[start + 4] & 0xff);
            validate(type, length, streamOffset + start);
            int total = TlsRecord.HEADER_LENGTH + length;
            if (buffered - start < total) {
                break;
            }
            byte[] raw = Arrays.copyOfRange(buffer, start, start + total);
            byte[] fragment = Arrays.copyOfRange(raw, TlsRecord.HEADER_LENGTH, total);
            records.add(new TlsRecord(type, version, fragment, raw));
            start += total;
        }
        discard(start);
        return records;
    }

    /** True when a partial record is waiting for more bytes. */
    public boolean hasPartialRecord() {
        return buffered > 0;
    }

    private void validate(int type, int length, long offset) {
        if (!TlsRecord.isKnownContentType(type)) {
            reject("unknown TLS content type %d in record header at stream offset %d".formatted(type, offset));
        }
        if (length > TlsRecord.MAX_FRAGMENT_LENGTH) {
            reject("record length %d exceeds the maximum 2^14+2048 (%d) at stream offset %d"
                    .formatted(length, TlsRecord.MAX_FRAGMENT_LENGTH, offset));
        }
    }

    private void reject(String message) {
        rejection = message;
        throw new IllegalArgumentException(message);
    }

    private void append(byte[] bytes) {
        if (buffered + bytes.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + bytes.length));
        }
        System.arraycopy(bytes, 0, buffer, buffered, bytes.length);
        buffered += bytes.length;
    }

    private void discard(int count) {
        System.arraycopy(buffer, count, buffer, 0, buffered - count);
        buffered -= count;
        streamOffset += count;
    }
}
