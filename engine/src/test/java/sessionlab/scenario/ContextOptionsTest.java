package sessionlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.scenario.Lab.errors;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every option of SSL_CTX_new, good and bad. */
class ContextOptionsTest {
    private static final String KNOWN = "(known: min, max, cache, cache_size, timeout, tickets, no_ticket, new_cb, "
            + "remove_cb, early_data, no_anti_replay)";

    private static ContextOptions options(String args) {
        Statement s = Lab.parse("x = SSL_CTX_new(server, " + args + ")").statements().getFirst();
        return ((Op.CtxNew) ((Statement.Assign) s).op()).options();
    }

    /** Errors of {@code x = SSL_CTX_new(server, ARGS)}: ARGS start at column 25. */
    private static java.util.List<String> optionErrors(String args) {
        return errors("x = SSL_CTX_new(server, " + args + ")");
    }

    @Test
    void everyOptionAtOnce() {
        ContextOptions o = options("min=tls1.2, max=tls1.3, cache=both+no_internal_store+no_auto_clear, "
                + "cache_size=100, timeout=5m, tickets=0, no_ticket, new_cb=keep, remove_cb=on, early_data=16384, "
                + "no_anti_replay");
        assertThat(o).isEqualTo(new ContextOptions(Optional.of(TlsVersion.TLS1_2), Optional.of(TlsVersion.TLS1_3),
                Optional.of(new CacheMode(true, true, true, true)), OptionalInt.of(100),
                Optional.of(Duration.ofMinutes(5)), OptionalInt.of(0), true, NewCallback.KEEP, true,
                OptionalInt.of(16384), true));
    }

    @Test
    void absentOptionsStayEmpty() {
        assertThat(options("tickets=2")).isEqualTo(new ContextOptions(Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.of(2), false, NewCallback.NONE,
                false, OptionalInt.empty(), false));
    }

    @ParameterizedTest
    @CsvSource({
            "off, false, false, false, false", "client, true, false, false, false",
            "server, false, true, false, false", "both, true, true, false, false",
            "client+no_auto_clear, true, false, false, true", "server+no_internal_store, false, true, true, false",
            "off+no_auto_clear+no_internal_store, false, false, true, true"})
    void everyCacheModeAndFlag(String word, boolean client, boolean server, boolean noStore, boolean noClear) {
        CacheMode mode = options("cache=" + word).cache().orElseThrow();
        assertThat(mode).isEqualTo(new CacheMode(client, server, noStore, noClear));
    }

    @Test
    void cacheModeWordRoundTrips() {
        assertThat(options("cache=both+no_internal_store+no_auto_clear").cache().orElseThrow().word())
                .isEqualTo("both+no_internal_store+no_auto_clear");
    }

    @Test
    void newCallbackAndRemoveCallbackTakeTheirWords() {
        assertThat(options("new_cb=none").newCallback()).isEqualTo(NewCallback.NONE);
        assertThat(options("new_cb=keep").newCallback()).isEqualTo(NewCallback.KEEP);
        assertThat(options("new_cb=drop").newCallback()).isEqualTo(NewCallback.DROP);
        assertThat(options("remove_cb=on").removeCallback()).isTrue();
        assertThat(options("remove_cb=off").removeCallback()).isFalse();
    }

    @Test
    void boundsAreInclusive() {
        assertThat(options("tickets=10").tickets()).hasValue(10);
        assertThat(options("cache_size=0").cacheSize()).hasValue(0);
        assertThat(options("early_data=0").earlyData()).hasValue(0);
        assertThat(options("timeout=0s").timeout()).contains(Duration.ZERO);
        assertThat(options("min=tls1.3, max=tls1.3").min()).contains(TlsVersion.TLS1_3);
    }

    @Test
    void unknownOptionIsReportedAtItsColumn() {
        assertThat(optionErrors("cach=client"))
                .containsExactly("t.lab:1:25: unknown option 'cach' for SSL_CTX_new " + KNOWN);
    }

    @Test
    void anUnknownBareFlagIsAnUnknownOption() {
        assertThat(optionErrors("tickets=1, no_tickets"))
                .containsExactly("t.lab:1:36: unknown option 'no_tickets' for SSL_CTX_new " + KNOWN);
    }

    @Test
    void aDuplicateOptionIsReportedAtItsSecondUse() {
        assertThat(optionErrors("tickets=1, tickets=2"))
                .containsExactly("t.lab:1:36: duplicate option 'tickets' (first given at column 25)");
        assertThat(optionErrors("no_ticket, no_ticket"))
                .containsExactly("t.lab:1:36: duplicate option 'no_ticket' (first given at column 25)");
    }

    @Test
    void aKeyedOptionWithoutValueAndAFlagWithOneAreErrors() {
        assertThat(optionErrors("cache")).containsExactly("t.lab:1:25: option 'cache' needs a value: cache=...");
        assertThat(optionErrors("no_ticket=1"))
                .containsExactly("t.lab:1:25: option 'no_ticket' is a flag and takes no value");
    }

    @Test
    void aLiteralIsNotAnOption() {
        assertThat(optionErrors("3"))
                .containsExactly("t.lab:1:25: SSL_CTX_new takes options as key=value or flags, got '3'");
    }

    @Test
    void aMinAboveMaxIsReportedAtMin() {
        assertThat(optionErrors("max=tls1.2, min=tls1.3"))
                .containsExactly("t.lab:1:37: min=tls1.3 is above max=tls1.2");
    }

    @Test
    void anUnknownVersionIsNamed() {
        assertThat(optionErrors("max=tls1.1"))
                .containsExactly("t.lab:1:29: unknown version 'tls1.1' for max (known: tls1.2, tls1.3)");
        assertThat(optionErrors("min=tls13"))
                .containsExactly("t.lab:1:29: unknown version 'tls13' for min (known: tls1.2, tls1.3)");
    }

    @Test
    void badCacheModesAndFlagsAreNamedAtTheirColumn() {
        assertThat(optionErrors("cache=all")).containsExactly(
                "t.lab:1:31: unknown cache mode 'all' (known: off, client, server, both)");
        assertThat(optionErrors("cache=client+no_store")).containsExactly(
                "t.lab:1:38: unknown cache flag 'no_store' (known: no_internal_store, no_auto_clear)");
        assertThat(optionErrors("cache=client+no_auto_clear+no_auto_clear")).containsExactly(
                "t.lab:1:52: duplicate cache flag 'no_auto_clear'");
        assertThat(optionErrors("cache=+no_auto_clear")).containsExactly(
                "t.lab:1:31: cache needs a mode first (off, client, server, both), got '+no_auto_clear'");
    }

    @Test
    void integerOptionsCheckTheirRanges() {
        assertThat(optionErrors("tickets=11"))
                .containsExactly("t.lab:1:33: tickets must be an integer from 0 to 10, got '11'");
        assertThat(optionErrors("tickets=-1"))
                .containsExactly("t.lab:1:33: tickets must be an integer from 0 to 10, got '-1'");
        assertThat(optionErrors("cache_size=-1"))
                .containsExactly("t.lab:1:36: cache_size must be an integer >= 0, got '-1'");
        assertThat(optionErrors("early_data=lots"))
                .containsExactly("t.lab:1:36: early_data must be an integer >= 0, got 'lots'");
        assertThat(optionErrors("cache_size=99999999999"))
                .containsExactly("t.lab:1:36: cache_size must be an integer >= 0, got '99999999999'");
        assertThat(optionErrors("tickets=2s"))
                .containsExactly("t.lab:1:33: tickets must be an integer from 0 to 10, got '2s'");
    }

    @Test
    void timeoutNeedsADurationWithAUnit() {
        assertThat(optionErrors("timeout=300"))
                .containsExactly("t.lab:1:33: duration needs a unit (ms, s, m, h, d): '300'");
        assertThat(optionErrors("timeout=long"))
                .containsExactly("t.lab:1:33: not a duration: 'long' (e.g. 250ms, 300s, 5m, 2h, 1d)");
    }

    @Test
    void callbackOptionsTakeOnlyTheirWords() {
        assertThat(optionErrors("new_cb=kept"))
                .containsExactly("t.lab:1:32: unknown new_cb 'kept' (known: none, keep, drop)");
        assertThat(optionErrors("remove_cb=yes"))
                .containsExactly("t.lab:1:35: unknown remove_cb 'yes' (known: on, off)");
    }

    @Test
    void onlyCacheTakesPlusJoinedValues() {
        assertThat(optionErrors("tickets=1+2"))
                .containsExactly("t.lab:1:33: tickets takes a single value, got '1+2'");
    }

    @Test
    void everyBadOptionOfALineIsReported() {
        assertThat(optionErrors("cach=client, tickets=99, bogus"))
                .containsExactly(
                        "t.lab:1:25: unknown option 'cach' for SSL_CTX_new " + KNOWN,
                        "t.lab:1:46: tickets must be an integer from 0 to 10, got '99'",
                        "t.lab:1:50: unknown option 'bogus' for SSL_CTX_new " + KNOWN);
    }

    @Test
    void theRoleComesFirstAndIsClientOrServer() {
        assertThat(errors("x = SSL_CTX_new(tickets=2)")).containsExactly(
                "t.lab:1:17: SSL_CTX_new needs a role first (client or server), got 'tickets=2'");
        assertThat(errors("x = SSL_CTX_new(both)")).containsExactly(
                "t.lab:1:17: SSL_CTX_new needs a role first (client or server), got 'both'");
        assertThat(errors("x = SSL_CTX_new()")).containsExactly(
                "t.lab:1:5: SSL_CTX_new takes a role first: SSL_CTX_new(client|server, option=value...)");
    }
}
