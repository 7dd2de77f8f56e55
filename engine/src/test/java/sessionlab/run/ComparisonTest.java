package sessionlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sessionlab.scenario.ScenarioParser;

class ComparisonTest {
    private static final String LESSON = """
            client = SSL_CTX_new(client, max=tls1.3, cache=client)
            server = SSL_CTX_new(server)
            c1 = connect(client, server)
            SSL_read(c1)
            s = SSL_get1_session(c1)
            c2 = connect(client, server, session=s)
            expect reused(c2)
            """;

    @Test
    void eachStatementGetsWhatTheStackDidOnIt() throws Exception {
        Comparison.Result r = Comparison.run(ScenarioParser.parse("c.lab", LESSON), List.of("libssl"), Stacks.standard());
        var cells = r.cells().get("libssl");
        assertThat(cells.get(3).text()).isEqualTo("tls1.3 full");
        assertThat(cells.get(4).text()).as("the client cache after the read").isEqualTo("2 ticket(s) read; cache client 2");
        assertThat(cells.get(6).text()).as("the spent ticket left the cache").isEqualTo("tls1.3 resumed; cache client 1");
        assertThat(cells.get(7).text()).isEqualTo("pass");
        assertThat(r.differingLines()).isEmpty();
    }

    @Test
    void theEndOfRunCleanUpBelongsToNoLine() throws Exception {
        // contexts left alive are freed (and their caches emptied) after the last statement
        Comparison.Result r = Comparison.run(ScenarioParser.parse("c.lab", LESSON + "note \"end\"\n"), List.of("libssl"), Stacks.standard());
        assertThat(r.cells().get("libssl").get(8).text()).as("the note line").isEmpty();
    }

    @Test
    void aStackThatCannotRunIsListedNotFaked() throws Exception {
        // the same lesson twice on libssl is identical; a stack that cannot run is listed, not faked
        Comparison.Result r = Comparison.run(ScenarioParser.parse("c.lab", LESSON), List.of("libssl", "nosuch"), Stacks.standard());
        assertThat(r.unavailable()).containsKey("nosuch");
        assertThat(r.runs()).containsOnlyKeys("libssl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ComparisonTable.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8), 160);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("tls1.3 resumed", "nosuch: not run: unknown stack", "libssl: 1 passed, 0 failed, 0 errors");
    }

    @Test
    void aLongCellWrapsBetweenItsFactsInsteadOfBeingCut() {
        assertThat(ComparisonTable.wrap("tls1.2 full; cache server 2; cache client 2", 30))
                .containsExactly("tls1.2 full; cache server 2;", "cache client 2");
        assertThat(ComparisonTable.wrap("pass", 30)).containsExactly("pass");
        assertThat(ComparisonTable.wrap("x".repeat(25), 10)).containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(5));
    }
}
