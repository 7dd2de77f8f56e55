package sessionlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sessionlab.pki.DemoPki;

/** Stacks are made when first asked for, and all share one demo PKI made once. */
class StacksTest {
    private final AtomicInteger pkisMade = new AtomicInteger();
    private final Stacks stacks = new Stacks(() -> {
        pkisMade.incrementAndGet();
        return DemoPki.generate();
    });

    @Test
    void nothingIsMadeUntilAStackIsAskedFor() {
        assertThat(pkisMade).hasValue(0);
        assertThat(stacks.whyNot("gnutls")).contains("unknown stack 'gnutls' (known: libssl, jsse, bc)");
        assertThat(pkisMade).hasValue(0);
    }

    @Test
    void theFirstStackMakesThePkiAndTheOthersShareIt() {
        var jsse = stacks.byName("jsse").orElseThrow();
        assertThat(pkisMade).hasValue(1);
        stacks.byName("bc").orElseThrow();
        assertThat(stacks.byName("jsse")).containsSame(jsse);
        assertThat(pkisMade).hasValue(1);
    }

    @Test
    void aPkiThatFailedIsMadeAgainByTheNextStackAskedFor() {
        AtomicInteger tries = new AtomicInteger();
        Stacks flaky = new Stacks(() -> {
            if (tries.incrementAndGet() == 1) throw new IllegalStateException("no entropy");
            return DemoPki.generate();
        });
        // as when the background thread's try failed: the stack that needs the PKI tries again
        assertThatThrownBy(() -> flaky.byName("bc")).hasMessage("no entropy");
        assertThat(flaky.byName("bc")).isPresent();
        assertThat(tries).hasValue(2);
    }
}
