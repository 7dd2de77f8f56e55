package sessionlab.stack.libssl;

/**
 * The native call in progress, so that what libssl does during it can be explained:
 * why a session left a cache, which call destroyed it.
 */
record Activity(Kind kind, String description, Endpoint endpoint, LibsslContext ctx) {
    enum Kind { HANDSHAKE, READ, WRITE, SHUTDOWN, FREE, CLEAR, SET_SESSION, GET_SESSION, ADD, REMOVE, FLUSH_ALL, FLUSH_EXPIRED, CTX_FREE, ADVANCE, OTHER }

    static final Activity IDLE = new Activity(Kind.OTHER, "", null, null);
}
