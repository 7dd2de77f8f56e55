package sessionlab.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The calls a statement may make: their spelling, their form for messages, and what they bind. */
enum CallKind {
    CTX_NEW("SSL_CTX_new", "SSL_CTX_new(client|server, option=value...)", 1, Names.Kind.CONTEXT),
    CONNECT("connect", "connect(cctx, sctx [, session=S] [, latency=DURATION])", 2, Names.Kind.CONNECTION),
    READ("SSL_read", "SSL_read(C)", 1, null),
    WRITE("SSL_write", "SSL_write(C, \"text\")", 2, null),
    SHUTDOWN("SSL_shutdown", "SSL_shutdown(C)", 1, null),
    FREE("SSL_free", "SSL_free(C)", 1, null),
    CLEAR("SSL_clear", "SSL_clear(C)", 1, null),
    SET_SESSION("SSL_set_session", "SSL_set_session(C, S)", 2, null),
    GET_SESSION("SSL_get_session", "SSL_get_session(C)", 1, Names.Kind.SESSION),
    GET0_SESSION("SSL_get0_session", "SSL_get0_session(C)", 1, Names.Kind.SESSION),
    GET1_SESSION("SSL_get1_session", "SSL_get1_session(C)", 1, Names.Kind.SESSION),
    SESSION_FREE("SSL_SESSION_free", "SSL_SESSION_free(S)", 1, null),
    SESSION_UP_REF("SSL_SESSION_up_ref", "SSL_SESSION_up_ref(S)", 1, null),
    CTX_ADD_SESSION("SSL_CTX_add_session", "SSL_CTX_add_session(X, S)", 2, null),
    CTX_REMOVE_SESSION("SSL_CTX_remove_session", "SSL_CTX_remove_session(X, S)", 2, null),
    CTX_FLUSH("SSL_CTX_flush_sessions", "SSL_CTX_flush_sessions(X [, at=now|0|+DURATION])", 1, null),
    CTX_FREE("SSL_CTX_free", "SSL_CTX_free(X)", 1, null),
    NEW_SESSION("new_session", "new_session(X, N)", 2, Names.Kind.SESSION);

    static final List<String> NAMES = Arrays.stream(values()).map(CallKind::callName).toList();

    private final String callName;
    private final String form;
    private final int arity;
    private final Names.Kind binds;

    CallKind(String callName, String form, int arity, Names.Kind binds) {
        this.callName = callName;
        this.form = form;
        this.arity = arity;
        this.binds = binds;
    }

    static Optional<CallKind> of(String name) {
        return Arrays.stream(values()).filter(c -> c.callName.equals(name)).findFirst();
    }

    String callName() { return callName; }

    /** e.g. {@code SSL_read(C)}, used in "takes 1 argument: SSL_read(C)". */
    String form() { return form; }

    /** Positional arguments, options not counted. */
    int arity() { return arity; }

    /** The kind of handle an assignment of this call binds; empty for calls that return none. */
    Optional<Names.Kind> binds() { return Optional.ofNullable(binds); }
}
