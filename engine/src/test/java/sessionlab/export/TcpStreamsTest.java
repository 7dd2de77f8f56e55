package sessionlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static sessionlab.export.PcapngWriterTest.capture;
import static sessionlab.export.PcapngWriterTest.oneConnection;
import static sessionlab.export.PcapngWriterTest.record;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sessionlab.event.Event;
import sessionlab.event.EventLog;

/** The TCP streams around the records: what Wireshark needs to follow and reassemble them. */
class TcpStreamsTest {
    private static String direction(Capture.Segment s) {
        return s.srcPort() + ">" + s.dstPort();
    }

    /** Each direction's sequence numbers continue exactly where the previous segment ended. */
    static void assertSequenceContinuity(List<Capture.Segment> segments) {
        Map<String, Long> next = new HashMap<>();
        for (Capture.Segment s : segments) {
            Long expected = next.get(direction(s));
            if (expected != null) assertThat(s.seq()).as("seq of %s (%s)", direction(s), s.comment()).isEqualTo(expected);
            else assertThat(s.has(Ipv4Tcp.SYN)).as("a direction starts with SYN: %s", s.comment()).isTrue();
            next.put(direction(s), (s.seq() + s.length()) & 0xFFFFFFFFL);
        }
    }

    @Test
    void eachConnectionOpensWithAThreeWayHandshakeOnItsOwnPort() throws Exception {
        List<Capture.Segment> s = capture(oneConnection()).segments();
        assertThat(s.get(0).flags()).isEqualTo(Ipv4Tcp.SYN);
        assertThat(s.get(1).flags()).isEqualTo(Ipv4Tcp.SYN | Ipv4Tcp.ACK);
        assertThat(s.get(2).flags()).isEqualTo(Ipv4Tcp.ACK);
        assertThat(direction(s.get(0))).isEqualTo("40000>443");
        assertThat(direction(s.get(1))).isEqualTo("443>40000");
        assertThat(s.get(1).ack()).isEqualTo(s.get(0).seq() + 1);
        assertThat(s.get(2).ack()).isEqualTo(s.get(1).seq() + 1);
        assertThat(s.subList(0, 4)).extracting(Capture.Segment::micros).containsOnly(0L);
    }

    @Test
    void sequenceNumbersContinueInEachDirection() throws Exception {
        assertSequenceContinuity(capture(oneConnection()).segments());
    }

    @Test
    void acksCoverOnlyWhatHadArrivedWhenTheSegmentWasSent() throws Exception {
        List<Capture.Segment> s = capture(oneConnection()).segments();
        Capture.Segment serverHello = s.get(4), finished = s.get(5);
        // the ServerHello (sent at 25) acknowledges the ClientHello, which arrived at 25
        assertThat(serverHello.ack()).isEqualTo(s.get(3).seq() + s.get(3).payload().length);
        // the client's Finished at 50 acknowledges the ServerHello, which arrived at 50
        assertThat(finished.ack()).isEqualTo(serverHello.seq() + serverHello.payload().length);

        // a server record sent at 50 cannot acknowledge the client's Finished, still on its way until 75
        EventLog log = oneConnection();
        log.append(50, record("s>c", 50, PcapngWriterTest.FINISHED, "{NewSessionTicket}"));
        Capture.Segment ticket = capture(log).segments().stream()
                .filter(x -> "c1 s>c {NewSessionTicket}".equals(x.comment())).findFirst().orElseThrow();
        assertThat(ticket.ack()).isEqualTo(serverHello.ack());
    }

    @Test
    void freeingEachSslSendsItsFinAndThePeerAcknowledgesItOnArrival() throws Exception {
        List<Capture.Segment> s = capture(oneConnection()).segments();
        List<Capture.Segment> fins = s.stream().filter(x -> x.has(Ipv4Tcp.FIN)).toList();
        assertThat(fins).extracting(TcpStreamsTest::direction).containsExactly("40000>443", "443>40000");
        assertThat(fins).extracting(Capture.Segment::micros).containsOnly(60_000L);
        assertThat(fins.getFirst().comment()).isEqualTo("c1 client closes: SSL c1 was freed (synthesized FIN)");
        List<Capture.Segment> last = s.subList(s.size() - 2, s.size());
        assertThat(last).allSatisfy(a -> {
            assertThat(a.flags()).isEqualTo(Ipv4Tcp.ACK);
            assertThat(a.micros()).as("one way later").isEqualTo(85_000L);
        });
        Capture.Segment clientFin = fins.get(0), serverFin = fins.get(1);
        assertThat(last).anySatisfy(a -> assertThat(a.ack()).isEqualTo(clientFin.seq() + 1));
        assertThat(last).anySatisfy(a -> assertThat(a.ack()).isEqualTo(serverFin.seq() + 1));
    }

    @Test
    void eachScenarioConnectionIsItsOwnStreamAndANameUsedAgainStartsANewOne() throws Exception {
        EventLog log = oneConnection();
        log.append(70, new Event.ConnectionCreated("c2", "client", "client", 25));
        log.append(70, record("c2", "c>s", 70, PcapngWriterTest.CLIENT_HELLO, "ClientHello"));
        log.append(80, new Event.ConnectionCreated("c1", "client", "client", 25));
        log.append(80, record("c1", "c>s", 80, PcapngWriterTest.CLIENT_HELLO, "ClientHello"));
        List<Capture.Segment> s = capture(log).segments();
        assertThat(s.stream().filter(x -> x.flags() == Ipv4Tcp.SYN).map(Capture.Segment::srcPort))
                .containsExactly(40000, 40001, 40002);
        assertThat(s.stream().filter(x -> x.payload().length > 0 && x.micros() == 80_000L).map(Capture.Segment::srcPort))
                .containsExactly(40002);
        assertSequenceContinuity(s);
        // connections still open when the log ends are closed at its last moment
        assertThat(s.stream().filter(x -> x.has(Ipv4Tcp.FIN)).filter(x -> x.micros() == 80_000L)).hasSize(4);
    }

    @Test
    void recordsWithoutConnectionEventsStillGetAStream() throws Exception {
        EventLog log = new EventLog();
        log.append(5, record("c>s", 5, PcapngWriterTest.CLIENT_HELLO, "ClientHello"));
        List<Capture.Segment> s = capture(log).segments();
        assertThat(s.getFirst().flags()).isEqualTo(Ipv4Tcp.SYN);
        assertThat(s.getFirst().micros()).isEqualTo(5_000L);
        assertSequenceContinuity(s);
    }
}
