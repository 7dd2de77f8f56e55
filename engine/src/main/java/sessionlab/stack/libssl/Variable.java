package sessionlab.stack.libssl;

/**
 * A scenario name for a session. {@code owned} counts the references this name holds
 * (get1, up_ref, a kept callback reference); a name with none only borrows (get0) and may dangle.
 */
final class Variable {
    final String name;
    final TrackedSession session;
    int owned;
    /** Whether this name ever owned a reference: freeing it again is a double free, not a borrow. */
    boolean everOwned;
    final String how;

    Variable(String name, TrackedSession session, int owned, String how) {
        this.name = name;
        this.session = session;
        this.owned = owned;
        this.how = how;
    }
}
