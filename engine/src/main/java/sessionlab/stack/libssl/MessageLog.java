package sessionlab.stack.libssl;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import sessionlab.event.Event;
import sessionlab.wire.TlsNames;

/** What libssl's message callback reports: handshake messages in both directions, tickets, alerts. */
final class MessageLog {
    private static final int NEW_SESSION_TICKET = 4;

    private MessageLog() {}

    static void message(LibsslRun run, Endpoint e, boolean sent, int version, int contentType, MemorySegment buf) {
        if (sent) run.pump.noteWritten(e, contentType, buf);
        if (contentType == 21 && buf.byteSize() >= 2) {
            run.sink.emit(new Event.HandshakeMessage(e.conn.name, WirePump.sideName(e.side), sent, WirePump.alertName(buf), 2));
            return;
        }
        if (contentType != 22 || buf.byteSize() < 4) return;
        int type = buf.get(JAVA_BYTE, 0) & 0xff;
        String name = TlsNames.handshakeTypeName(type);
        if (type == NEW_SESSION_TICKET) {
            // catch up first: what the previous ticket did (cache insert, replaced session) comes before this one
            run.observe(false);
            long[] f = WirePump.ticketFields(buf, version == Libssl.TLS1_3_VERSION);
            run.sink.emit(new Event.HandshakeMessage(e.conn.name, WirePump.sideName(e.side), sent, name, (int) buf.byteSize()));
            if (sent) {
                e.ticketsSent++;
                run.sink.emit(new Event.TicketSent(e.conn.name, e.ticketsSent, f[0], (int) f[1]));
            } else {
                e.ticketsReceived++;
                run.sink.emit(new Event.TicketReceived(e.conn.name, e.ticketsReceived, f[0], (int) f[1]));
            }
            return;
        }
        run.sink.emit(new Event.HandshakeMessage(e.conn.name, WirePump.sideName(e.side), sent, name, (int) buf.byteSize()));
    }
}
