package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import sessionlab.scenario.Side;
import sessionlab.wire.Direction;
import sessionlab.wire.DirectionDecoder;
import sessionlab.wire.RecordSplitter;

/** One end (one SSL object) of a scenario connection, with its memory BIOs. */
final class Endpoint {
    /** A record as libssl reported writing it (msg callback), with the messages it carried. */
    static final class RecordNote {
        final int contentType;
        final int length;
        int innerType = -1;
        final List<String> messages = new ArrayList<>();

        RecordNote(int contentType, int length) {
            this.contentType = contentType;
            this.length = length;
        }
    }

    final Connection conn;
    final Side side;
    final LibsslContext ctx;
    final MemorySegment ssl;
    final MemorySegment rbio;
    final MemorySegment wbio;
    final ArrayDeque<RecordNote> written = new ArrayDeque<>();
    final RecordSplitter splitter = new RecordSplitter();
    /** The scenario called SSL_free (an SSL has one reference: libssl released it then, {@link #nativeDestroyed}). */
    boolean freed;
    boolean nativeDestroyed;
    int freedLine;
    boolean handshakeDone;
    boolean offered;
    int ticketsReceived;
    int ticketsSent;

    Endpoint(Connection conn, Side side, LibsslContext ctx, MemorySegment ssl, MemorySegment rbio, MemorySegment wbio) {
        this.conn = conn;
        this.side = side;
        this.ctx = ctx;
        this.ssl = ssl;
        this.rbio = rbio;
        this.wbio = wbio;
    }

    /** Decodes what this end sends; shares the negotiation state with the peer's decoder. */
    DirectionDecoder decoder() {
        return side == Side.CLIENT ? conn.decoders.clientToServer() : conn.decoders.serverToClient();
    }

    String display() {
        return side == Side.CLIENT ? conn.name : conn.name + ".server";
    }

    /** The direction of what this end sends. */
    Direction sends() {
        return side == Side.CLIENT ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
    }

    Direction receives() {
        return side == Side.CLIENT ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;
    }

    Endpoint peer() {
        return side == Side.CLIENT ? conn.server : conn.client;
    }
}
