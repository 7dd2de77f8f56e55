package sessionlab.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Options of {@code SSL_CTX_new}. Empty means "libssl's own default" (cache mode server,
 * cache size 20480, timeout 7200 s, 2 tickets, no callbacks).
 */
public record ContextOptions(
        Optional<TlsVersion> min,
        Optional<TlsVersion> max,
        Optional<CacheMode> cache,
        OptionalInt cacheSize,
        Optional<Duration> timeout,
        OptionalInt tickets,
        boolean noTicket,
        NewCallback newCallback,
        boolean removeCallback,
        OptionalInt earlyData,
        boolean noAntiReplay) {

    public static final ContextOptions DEFAULTS = new ContextOptions(Optional.empty(), Optional.empty(),
            Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), false,
            NewCallback.NONE, false, OptionalInt.empty(), false);
}
