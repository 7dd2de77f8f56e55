package sessionlab.scenario;

/** Which end of a connection a name denotes: {@code c1} is the client side, {@code c1.server} the server side. */
public enum Side { CLIENT, SERVER }
