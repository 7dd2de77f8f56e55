package sessionlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sessionlab.event.Event;
import sessionlab.event.EventLog;
import sessionlab.scenario.ScenarioParser;
import sessionlab.stack.TlsStack;

/** A stack's table of refused calls (what the app greys out) is what its runs really refuse: no more, no less. */
class RefusedCallsTest {
    private static final String SETUP = """
            client = SSL_CTX_new(client, max=tls1.2)
            server = SSL_CTX_new(server, no_ticket)
            c1 = connect(client, server)
            s1 = SSL_get1_session(c1)
            """;

    @ParameterizedTest(name = "{0} on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SSL_clear(c1)                   | SSL_clear           | libssl
            SSL_clear(c1)                   | SSL_clear           | jsse
            SSL_clear(c1)                   | SSL_clear           | bc
            SSL_set_session(c1, s1)         | SSL_set_session     | libssl
            SSL_set_session(c1, s1)         | SSL_set_session     | jsse
            SSL_set_session(c1, s1)         | SSL_set_session     | bc
            SSL_SESSION_up_ref(s1)          | SSL_SESSION_up_ref  | libssl
            SSL_SESSION_up_ref(s1)          | SSL_SESSION_up_ref  | jsse
            SSL_SESSION_up_ref(s1)          | SSL_SESSION_up_ref  | bc
            SSL_CTX_add_session(server, s1) | SSL_CTX_add_session | libssl
            SSL_CTX_add_session(server, s1) | SSL_CTX_add_session | jsse
            SSL_CTX_add_session(server, s1) | SSL_CTX_add_session | bc
            n = new_session(client, 1)      | new_session         | jsse
            n = new_session(client, 1)      | new_session         | bc
            """)
    void aCallIsRefusedExactlyWhenTheStackSaysSo(String statement, String call, String stackName) throws Exception {
        TlsStack stack = Stacks.standard().byName(stackName).orElseThrow();
        EventLog log = new EventLog();

        ScenarioRunner.run(ScenarioParser.parse("refused.lab", SETUP + statement + "\n"), stack, log);

        List<Event.Error> refused = log.ofType(Event.Error.class).stream().filter(e -> "unsupported".equals(e.kind())).toList();
        String why = stack.refusedCalls().get(call);
        if (why == null) {
            assertThat(refused).as("%s refuses nothing it does not list", stackName).isEmpty();
        } else {
            assertThat(refused).singleElement().satisfies(e -> assertThat(e.message()).contains(why));
        }
    }
}
