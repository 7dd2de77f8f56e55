package sessionlab.scenario;

import java.time.Duration;

/** The time argument of SSL_CTX_flush_sessions: {@code at=now} (default), {@code at=0} (everything), {@code at=+2h}. */
public sealed interface FlushAt {
    record Now() implements FlushAt {}
    record Everything() implements FlushAt {}
    record Later(Duration after) implements FlushAt {}
}
