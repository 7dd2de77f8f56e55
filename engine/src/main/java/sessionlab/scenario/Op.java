package sessionlab.scenario;

import java.time.Duration;
import java.util.Optional;

/** A checked call of the scenario language: names resolved to their kind, options typed. */
public sealed interface Op {
    /** The call's name as written in scenarios, e.g. {@code SSL_get1_session}. */
    String callName();

    record CtxNew(Role role, ContextOptions options) implements Op {
        public String callName() { return "SSL_CTX_new"; }
    }
    record Connect(Ref client, Ref server, Optional<Ref> session, Optional<Duration> latency) implements Op {
        public String callName() { return "connect"; }
    }
    record Read(ConnRef conn) implements Op { public String callName() { return "SSL_read"; } }
    record Write(ConnRef conn, String text) implements Op { public String callName() { return "SSL_write"; } }
    record Shutdown(ConnRef conn) implements Op { public String callName() { return "SSL_shutdown"; } }
    record Free(ConnRef conn) implements Op { public String callName() { return "SSL_free"; } }
    record Clear(ConnRef conn) implements Op { public String callName() { return "SSL_clear"; } }
    record SetSession(ConnRef conn, Ref session) implements Op { public String callName() { return "SSL_set_session"; } }
    /** SSL_get_session, SSL_get0_session (borrowed) or SSL_get1_session (owned). */
    record GetSession(ConnRef conn, GetKind kind) implements Op {
        public String callName() { return kind.callName(); }
    }
    record SessionFree(Ref session) implements Op { public String callName() { return "SSL_SESSION_free"; } }
    record SessionUpRef(Ref session) implements Op { public String callName() { return "SSL_SESSION_up_ref"; } }
    record CtxAddSession(Ref ctx, Ref session) implements Op { public String callName() { return "SSL_CTX_add_session"; } }
    record CtxRemoveSession(Ref ctx, Ref session) implements Op { public String callName() { return "SSL_CTX_remove_session"; } }
    record CtxFlush(Ref ctx, FlushAt at) implements Op { public String callName() { return "SSL_CTX_flush_sessions"; } }
    record CtxFree(Ref ctx) implements Op { public String callName() { return "SSL_CTX_free"; } }
    /** The n-th (from 1) session that ctx's new-session callback received. */
    record NewSession(Ref ctx, int n) implements Op { public String callName() { return "new_session"; } }

    enum GetKind {
        GET("SSL_get_session", false), GET0("SSL_get0_session", false), GET1("SSL_get1_session", true);
        private final String callName;
        private final boolean owned;
        GetKind(String callName, boolean owned) { this.callName = callName; this.owned = owned; }
        public String callName() { return callName; }
        public boolean owned() { return owned; }
    }
}
