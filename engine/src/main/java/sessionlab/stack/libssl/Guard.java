package sessionlab.stack.libssl;

import sessionlab.event.Event;
import sessionlab.stack.StackException;

/**
 * The rules that keep a scenario from reaching libssl with a pointer it must not pass: each is
 * checked before the native call, and a violation is a {@code prevented} event plus an error that
 * names the rule; nothing native is touched and the run goes on. docs/safety.md lists which rule
 * guards which call.
 */
enum Guard {
    /** A name whose session was destroyed: libssl would read freed memory. */
    USE_AFTER_FREE("use-after-free"),
    /** A name that already gave its reference back: a second SSL_SESSION_free drops somebody else's. */
    DOUBLE_FREE("double-free"),
    /** A get0 name: freeing it drops the reference the SSL or the cache holds. */
    BORROWED_FREE("borrowed-free"),
    /** An SSL the scenario freed: SSL_free released its memory. */
    FREED_CONNECTION("freed-connection"),
    /** A context the scenario freed: its memory is gone, or belongs to the SSL objects still holding it. */
    FREED_CONTEXT("freed-context"),
    /**
     * A session another context's cache holds: a session has one pair of cache list links, so a
     * second cache would relink them and corrupt both lists ("must only be used with one SSL_CTX").
     */
    CACHED_ELSEWHERE("cached-elsewhere");

    final String kind;

    Guard(String kind) {
        this.kind = kind;
    }

    /** Reports the refusal and returns the exception that ends the statement. */
    StackException refuse(LibsslRun run, String name, Integer session, String detail) {
        run.sink.emit(new Event.Prevented(kind, name, session, detail));
        return new StackException(kind + "-prevented", kind.replace('-', ' ') + " prevented: " + detail);
    }
}
