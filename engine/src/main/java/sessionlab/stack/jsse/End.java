package sessionlab.stack.jsse;

import sessionlab.scenario.Side;
import sessionlab.wire.Direction;

/** One SSLEngine of a connection, as the run drives it. */
final class End {
    final Conn conn;
    final Side side;
    final JsseContext ctx;
    final int engine;
    /** {@code c1} or {@code c1.server}, and its holder name; made once, they label most of its events. */
    private final String display;
    final String holder;
    byte[] inbound = new byte[0];
    /** The engine's handshake status after the last call. */
    String status = "NOT_HANDSHAKING";
    boolean handshakeDone;
    boolean outboundDone;
    boolean inboundDone;
    String failure;
    boolean freed;
    boolean offered;
    int ticketsReceived;
    String version;
    /** Bytes of the peer's stream this end has unwrapped so far. */
    long consumed;
    /** The TLS 1.2 ticket this client consumed (lifetime hint, length), shown on its session. */
    long[] tls12Ticket;
    int trustCalls;

    End(Conn conn, Side side, JsseContext ctx, int engine) {
        this.conn = conn;
        this.side = side;
        this.ctx = ctx;
        this.engine = engine;
        this.display = side == Side.CLIENT ? conn.name : conn.name + ".server";
        this.holder = "engine " + display;
    }

    Host host() {
        return ctx.host;
    }

    String display() {
        return display;
    }

    String handshakeCall() {
        return side == Side.CLIENT ? "SSL_connect" : "SSL_accept";
    }

    Direction sends() {
        return side == Side.CLIENT ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
    }

    Direction receives() {
        return side == Side.CLIENT ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;
    }

    End peer() {
        return side == Side.CLIENT ? conn.server : conn.client;
    }

    boolean waitingToRead() {
        return "NEED_UNWRAP".equals(status) || "NEED_UNWRAP_AGAIN".equals(status);
    }
}
