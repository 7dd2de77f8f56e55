package sessionlab.stack.jsse;

/** What the run was doing when it observed a change, so events can say why. */
record Activity(Kind kind, String description, End end) {
    enum Kind { HANDSHAKE, READ, WRITE, SHUTDOWN, FREE, GET, REMOVE, FLUSH, CTX_FREE, OTHER }

    static final Activity IDLE = new Activity(Kind.OTHER, "", null);
}
