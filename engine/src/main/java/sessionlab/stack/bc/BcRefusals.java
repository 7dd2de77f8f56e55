package sessionlab.stack.bc;

import java.util.Map;
import sessionlab.stack.StackException;

/** The calls bctls has no counterpart for, and why: one table for the run's errors and for the app's menus. */
final class BcRefusals {
    private BcRefusals() {}

    static final Map<String, String> CALLS = Map.of(
            "SSL_clear", "SSL_clear has no counterpart: a bctls protocol object serves one connection; connect again instead",
            "SSL_set_session", "SSL_set_session has no counterpart on an existing connection: a bctls client takes its "
                    + "session only when it connects; write connect(..., session=S)",
            "SSL_SESSION_up_ref", "no reference counts: SSL_SESSION_up_ref has nothing to count (any Java reference keeps a session)",
            "new_session", "new_session has nothing to name: bctls has no new-session callback");

    static StackException refuse(String call) {
        return BcContext.unsupported(CALLS.get(call));
    }
}
