package sessionlab.stack.jsse;

import java.util.ArrayDeque;
import sessionlab.scenario.Side;
import sessionlab.wire.ClientHelloInfo;
import sessionlab.wire.Direction;
import sessionlab.wire.Link;
import sessionlab.wire.NewSessionTicketTls12Info;
import sessionlab.wire.RecordSplitter;
import sessionlab.wire.RecordTap;
import sessionlab.wire.ServerHelloInfo;

/**
 * One scenario connection: a client and a server SSLEngine, the wire between them, and the
 * evidence the wire gave (what the ClientHello offered, what the ServerHello accepted).
 */
final class Conn {
    /** A TLS 1.2 NewSessionTicket seen on the wire, waiting for the client to unwrap past it. */
    record PendingTicket(long endOffset, NewSessionTicketTls12Info ticket) {}

    final String name;
    final int port;
    final Link link;
    final RecordTap tap;
    final RecordSplitter clientToServer = new RecordSplitter();
    final RecordSplitter serverToClient = new RecordSplitter();
    final ArrayDeque<PendingTicket> tls12Tickets = new ArrayDeque<>();
    /** The server context's cache before the handshake: a stateful TLS 1.3 server's new entries are its tickets. */
    final java.util.Set<Integer> serverCacheBefore = new java.util.HashSet<>();
    End client;
    End server;
    ClientHelloInfo hello;
    ServerHelloInfo serverHello;
    long sentToClient;
    int ticketsSent;

    Conn(String name, int port, Link link, RecordTap tap) {
        this.name = name;
        this.port = port;
        this.link = link;
        this.tap = tap;
    }

    End end(Side side) {
        return side == Side.CLIENT ? client : server;
    }

    /** The wire's verdict: a PSK identity selected (TLS 1.3), or the offered session id echoed (TLS 1.2). */
    boolean resumedOnWire() {
        if (hello == null || serverHello == null) return false;
        if (serverHello.selectedVersion() == 0x0304) return serverHello.selectedPskIdentity() >= 0;
        return hello.sessionId().length > 0 && java.util.Arrays.equals(hello.sessionId(), serverHello.sessionId());
    }

    /** reused(C): both witnesses agree, the wire and the client's trust manager (not consulted on resumption). */
    boolean reused() {
        return client.handshakeDone && resumedOnWire() && client.trustCalls == 0;
    }

    RecordSplitter splitter(Direction d) {
        return d == Direction.CLIENT_TO_SERVER ? clientToServer : serverToClient;
    }
}
