package sessionlab.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sessionlab.run.Lab;

class EventJsonTest {
    @Test
    void everyEventTypeHasAJsonName() {
        Set<Class<?>> named = new HashSet<>();
        EventTypes.all().forEach(named::add);
        assertThat(named).containsExactlyInAnyOrderElementsOf(Arrays.asList(Event.class.getPermittedSubclasses()));
    }

    @Test
    void aRealRunSurvivesTheRoundTripUnchanged() throws IOException {
        Lab lab = Lab.run("""
                client = SSL_CTX_new(client, max=tls1.3, cache=client, new_cb=keep)
                server = SSL_CTX_new(server)
                c1 = connect(client, server)
                SSL_read(c1)
                s = SSL_get1_session(c1)
                advance 1h
                expect refcount(s) == 4
                note "hello \\"world\\""
                """);
        StringWriter out = new StringWriter();
        EventJson.write(lab.result().log(), out);
        EventLog back = EventJson.read(new StringReader(out.toString()));
        assertThat(back.size()).isEqualTo(lab.result().log().size());
        for (int i = 0; i < back.size(); i++) {
            LoggedEvent a = lab.result().log().get(i), b = back.get(i);
            assertThat(b.seq()).isEqualTo(a.seq());
            assertThat(b.at()).isEqualTo(a.at());
            assertThat(EventJson.toLine(b)).isEqualTo(EventJson.toLine(a));
        }
        assertThat(back.ofType(Event.WireRecord.class)).isNotEmpty();
        assertThat(back.ofType(Event.Callback.class)).isNotEmpty();
    }

    @Test
    void aLineStartsWithSeqAtAndType() {
        String line = EventJson.toLine(new LoggedEvent(7, 125, new Event.SessionDestroyed(3, "SSL_read(c1)")));
        assertThat(line).isEqualTo("{\"seq\":7,\"at\":125,\"type\":\"session.destroyed\",\"session\":3,\"during\":\"SSL_read(c1)\"}");
    }

    @Test
    void anUnknownTypeIsRejectedWithItsLineNumber() {
        String log = "{\"seq\":0,\"at\":0,\"type\":\"note\",\"line\":1,\"text\":\"x\"}\n{\"seq\":1,\"at\":0,\"type\":\"bogus\"}\n";
        assertThatThrownBy(() -> EventJson.read(new StringReader(log)))
                .isInstanceOf(IOException.class).hasMessage("line 2: unknown event type 'bogus'");
    }
}
