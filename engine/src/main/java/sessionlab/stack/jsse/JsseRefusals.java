package sessionlab.stack.jsse;

import java.util.Map;
import sessionlab.stack.StackException;

/** The calls JSSE has no counterpart for, and why: one table for the run's errors and for the app's menus. */
final class JsseRefusals {
    private JsseRefusals() {}

    static final Map<String, String> CALLS = Map.of(
            "SSL_clear", "jsse has no SSL_clear: an SSLEngine serves one connection and cannot be reset",
            "SSL_set_session", "jsse has no SSL_set_session: a client engine offers what its context caches for the peer host:port "
                    + "it was created for; write connect(client, server, session=S)",
            "SSL_SESSION_up_ref", "jsse has no reference counts: a Java reference is not counted, so there is nothing to up_ref",
            "SSL_CTX_add_session", "jsse has no SSL_CTX_add_session: an SSLSessionContext cannot be handed a session",
            "new_session", "jsse has no new-session callback, so there is nothing for new_session to name");

    static StackException refuse(String call) {
        return Calls.unsupported(CALLS.get(call));
    }
}
