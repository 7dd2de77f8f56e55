package sessionlab.stack.bc;

import sessionlab.scenario.Side;

/** A scenario connection on bctls: a client end and a server end joined by one driven link. */
final class BcConnection {
    final String name;
    final WireDriver driver;
    BcEndpoint client;
    BcEndpoint server;

    BcConnection(String name, WireDriver driver) {
        this.name = name;
        this.driver = driver;
    }

    BcEndpoint end(Side side) {
        return side == Side.CLIENT ? client : server;
    }
}
