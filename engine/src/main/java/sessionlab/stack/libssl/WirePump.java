package sessionlab.stack.libssl;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import sessionlab.event.Event;
import sessionlab.event.EventSink;
import sessionlab.scenario.Side;
import sessionlab.wire.ClientHelloInfo;
import sessionlab.wire.DecodedRecord;
import sessionlab.wire.TlsNames;
import sessionlab.wire.HandshakeInfo;
import sessionlab.wire.Link;
import sessionlab.wire.TlsRecord;

/**
 * Moves bytes between an SSL's memory BIOs and the connection's link, and turns what crosses into
 * {@code wire.record} events. Encrypted records are labelled with the messages libssl itself
 * reported writing into them (its message callback), never guessed from sizes.
 */
final class WirePump {
    private final Libssl lib;
    private final Scratch scratch;
    private final EventSink sink;

    WirePump(Libssl lib, Scratch scratch, EventSink sink) {
        this.lib = lib;
        this.scratch = scratch;
        this.sink = sink;
    }

    /** Hands the end everything that has arrived for it by now. Returns the number of bytes. */
    int deliver(Endpoint e) {
        byte[] bytes = e.conn.link.receive(e.receives());
        if (bytes.length == 0) return 0;
        MemorySegment buf = scratch.buffer(bytes.length);
        MemorySegment.copy(bytes, 0, buf, JAVA_BYTE, 0, bytes.length);
        lib.BIO_write(e.rbio, buf, bytes.length);
        return bytes.length;
    }

    /** Takes what the end wrote, puts it on the wire record by record. Returns the number of records. */
    int drain(Endpoint e) {
        int pending = (int) lib.BIO_ctrl_pending(e.wbio);
        if (pending <= 0) return 0;
        MemorySegment buf = scratch.buffer(pending);
        int n = lib.BIO_read(e.wbio, buf, pending);
        if (n <= 0) return 0;
        byte[] bytes = buf.asSlice(0, n).toArray(JAVA_BYTE);
        List<TlsRecord> records = e.splitter.feed(bytes);
        Link link = e.conn.link;
        for (TlsRecord r : records) {
            DecodedRecord d = e.decoder().decode(r);
            Endpoint.RecordNote note = e.written.pollFirst();
            String label = d.label();
            List<Event.Message> messages = new ArrayList<>();
            for (HandshakeInfo h : d.messages()) {
                messages.add(new Event.Message(h.name(), h.fields()));
                if (h instanceof ClientHelloInfo ch) e.offered = offered(e, ch);
            }
            if (d.encrypted() && note != null && !note.messages.isEmpty()) {
                label = "{" + String.join(", ", note.messages) + "}";
                for (String m : note.messages) messages.add(new Event.Message(m, java.util.Map.of()));
            }
            Link.InFlight f = link.send(e.sends(), r.raw());
            sink.emit(new Event.WireRecord(e.conn.name, e.sends().arrow(), f.sentAt(), f.arrivesAt(), r.contentType(),
                    r.raw().length, d.encrypted(), label, messages, HexFormat.of().formatHex(r.raw())));
            if (link.lastFaultDescription() != null) sink.emit(new Event.Error(null, "wire-fault", link.lastFaultDescription()));
        }
        return records.size();
    }

    /**
     * Did this ClientHello offer a session? A PSK (TLS 1.3), a non-empty ticket (TLS 1.2), or the
     * session id of the SSL's own resumable session (a TLS 1.3-capable client otherwise sends a random id).
     */
    private boolean offered(Endpoint e, ClientHelloInfo ch) {
        if (ch.offersPsk() || ch.offersTicket()) return true;
        if (ch.sessionId().length == 0) return false;
        MemorySegment s = lib.SSL_get_session(e.ssl);
        if (s.address() == 0 || !lib.SSL_SESSION_is_resumable(s)) return false;
        return Arrays.equals(ch.sessionId(), scratch.sessionId(s));
    }

    /** Records what the message callback says this end is writing, for labelling its records. */
    void noteWritten(Endpoint e, int contentType, MemorySegment buf) {
        if (contentType == Libssl.SSL3_RT_HEADER && buf.byteSize() >= 5) {
            int len = ((buf.get(JAVA_BYTE, 3) & 0xff) << 8) | (buf.get(JAVA_BYTE, 4) & 0xff);
            e.written.addLast(new Endpoint.RecordNote(buf.get(JAVA_BYTE, 0) & 0xff, len));
        } else if (contentType == Libssl.SSL3_RT_INNER_CONTENT_TYPE && !e.written.isEmpty() && buf.byteSize() >= 1) {
            e.written.peekLast().innerType = buf.get(JAVA_BYTE, 0) & 0xff;
        } else if (contentType == 22 && buf.byteSize() >= 1 && !e.written.isEmpty()) {
            e.written.peekLast().messages.add(TlsNames.handshakeTypeName(buf.get(JAVA_BYTE, 0) & 0xff));
        } else if (contentType == 21 && buf.byteSize() >= 2 && !e.written.isEmpty()) {
            e.written.peekLast().messages.add(alertName(buf));
        } else if (contentType == 23 && !e.written.isEmpty()) {
            e.written.peekLast().messages.add("ApplicationData");
        }
    }

    static String alertName(MemorySegment buf) {
        return TlsNames.alertName(buf.get(JAVA_BYTE, 0) & 0xff, buf.get(JAVA_BYTE, 1) & 0xff);
    }

    /** Lifetime and ticket length of a NewSessionTicket message (header included), TLS 1.3 or 1.2. */
    static long[] ticketFields(MemorySegment msg, boolean tls13) {
        byte[] b = msg.toArray(JAVA_BYTE);
        int p = 4;
        if (b.length < p + 4) return new long[] {0, 0};
        long lifetime = ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xffL) << 16) | ((b[p + 2] & 0xffL) << 8) | (b[p + 3] & 0xffL);
        p += 4;
        if (tls13) {
            p += 4; // ticket_age_add
            if (b.length <= p) return new long[] {lifetime, 0};
            p += 1 + (b[p] & 0xff); // nonce
        }
        if (b.length < p + 2) return new long[] {lifetime, 0};
        int len = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        return new long[] {lifetime, len};
    }

    static String sideName(Side s) {
        return s == Side.CLIENT ? "client" : "server";
    }
}
