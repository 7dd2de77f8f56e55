package sessionlab.stack.bc;

/**
 * A scenario name for a session. In Java every such name is a strong reference, whether it came from
 * get0, get or get1: bctls has one getter and no counts. SSL_SESSION_free makes the name let go of
 * its reference ({@code released}); nothing is freed, and the name cannot be used for a session again.
 */
final class BcVariable {
    final String name;
    final BcSession session;
    final String how;
    boolean released;
    String releasedBy;

    BcVariable(String name, BcSession session, String how) {
        this.name = name;
        this.session = session;
        this.how = how;
    }
}
