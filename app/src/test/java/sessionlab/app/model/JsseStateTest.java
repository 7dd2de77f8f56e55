package sessionlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sessionlab.app.LessonRuns;

/** The fold reads a JSSE run as it reads a libssl one: an engine's session is its connection's session pointer. */
class JsseStateTest {
    @Test
    void anEngineHoldsItsSessionAsAnSslHoldsItsOwn() throws Exception {
        LabState s = LessonRuns.after("compare/single-use.jsse.lab", "jsse", "s = SSL_get1_session(c1)");

        LabState.ConnectionView c1 = s.connections().get("c1");
        int named = s.variables().get("s").session();

        assertThat(c1.session()).as("what c1's engine returns from getSession").isEqualTo(named);
        assertThat(s.sessions().get(named).holders()).containsKeys("engine c1", "var s");
    }

    @Test
    void aFreedEngineNoLongerPointsAtItsSession() throws Exception {
        LabState s = LessonRuns.after("compare/restart-rejects-tickets.jsse.lab", "jsse", "SSL_free(c1)");

        assertThat(s.connections().get("c1").session()).isNull();
    }
}
