package sessionlab.wire;

/**
 * The two direction decoders of one connection. They share what the ServerHello negotiated,
 * which the client->server decoder cannot see on its own stream; see {@link DirectionDecoder}.
 */
public record ConnectionDecoders(DirectionDecoder clientToServer, DirectionDecoder serverToClient) {
    public static ConnectionDecoders create() {
        Negotiation negotiation = new Negotiation();
        return new ConnectionDecoders(new DirectionDecoder(negotiation), new DirectionDecoder(negotiation));
    }
}
