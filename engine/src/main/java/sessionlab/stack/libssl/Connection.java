package sessionlab.stack.libssl;

import sessionlab.scenario.Side;
import sessionlab.wire.ConnectionDecoders;
import sessionlab.wire.Link;

/** A scenario connection: a client SSL and a server SSL joined by an in-memory link. */
final class Connection {
    final String name;
    final Link link;
    final ConnectionDecoders decoders = ConnectionDecoders.create();
    Endpoint client;
    Endpoint server;

    Connection(String name, Link link) {
        this.name = name;
        this.link = link;
    }

    Endpoint end(Side side) {
        return side == Side.CLIENT ? client : server;
    }
}
