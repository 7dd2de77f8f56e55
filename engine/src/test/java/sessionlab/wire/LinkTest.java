package sessionlab.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkTest {
    @Test
    void bytesArriveOneLatencyAfterTheyWereSent() {
        VirtualClock clock = new VirtualClock();
        Link link = new Link(clock, 25);
        link.send(Direction.CLIENT_TO_SERVER, new byte[] {1, 2});
        clock.advanceTo(10);
        link.send(Direction.CLIENT_TO_SERVER, new byte[] {3});
        assertThat(link.receive(Direction.CLIENT_TO_SERVER)).isEmpty();
        assertThat(link.nextArrival(Direction.CLIENT_TO_SERVER)).hasValue(25);
        clock.advanceTo(25);
        assertThat(link.receive(Direction.CLIENT_TO_SERVER)).containsExactly(1, 2);
        clock.advanceTo(35);
        assertThat(link.receive(Direction.CLIENT_TO_SERVER)).containsExactly(3);
        assertThat(link.idle()).isTrue();
    }

    @Test
    void directionsAreIndependent() {
        VirtualClock clock = new VirtualClock();
        Link link = new Link(clock, 5);
        link.send(Direction.SERVER_TO_CLIENT, new byte[] {9});
        clock.advanceTo(5);
        assertThat(link.receive(Direction.CLIENT_TO_SERVER)).isEmpty();
        assertThat(link.receive(Direction.SERVER_TO_CLIENT)).containsExactly(9);
    }

    @Test
    void aCutLinkDeliversNothing() {
        VirtualClock clock = new VirtualClock();
        Link link = new Link(clock, 5);
        link.send(Direction.SERVER_TO_CLIENT, new byte[] {9});
        link.cut();
        link.send(Direction.SERVER_TO_CLIENT, new byte[] {8});
        clock.advanceTo(100);
        assertThat(link.receive(Direction.SERVER_TO_CLIENT)).isEmpty();
    }

    @Test
    void theFaultHookCountsRecordsPerDirectionFromOneAndBreaksOnlyTheOneItNames() {
        VirtualClock clock = new VirtualClock();
        java.util.List<String> asked = new java.util.ArrayList<>();
        Link link = new Link(clock, 5, "c1", (conn, d, index, type) -> {
            asked.add(conn + " " + d.arrow() + " " + index + " " + type);
            return d == Direction.CLIENT_TO_SERVER && index == 2 ? WireFaults.Fault.CORRUPT : WireFaults.Fault.DELIVER;
        });
        link.send(Direction.CLIENT_TO_SERVER, new byte[] {22, 1});
        link.send(Direction.SERVER_TO_CLIENT, new byte[] {22, 2});
        link.send(Direction.CLIENT_TO_SERVER, new byte[] {23, 3});
        assertThat(asked).containsExactly("c1 c>s 1 22", "c1 s>c 1 22", "c1 c>s 2 23");
        assertThat(link.lastFaultDescription()).isEqualTo("the fault hook corrupted record 2 (c>s) of c1: its last byte was flipped in transit");
        clock.advanceTo(5);
        assertThat(link.receive(Direction.CLIENT_TO_SERVER)).containsExactly(22, 1, 23, 3 ^ 0x5a);
    }

    @Test
    void aDroppedRecordNeverArrivesAndACutTakesEverythingAfterIt() {
        VirtualClock clock = new VirtualClock();
        Link link = new Link(clock, 5, "c1", (conn, d, index, type) ->
                index == 1 ? WireFaults.Fault.DROP : index == 3 ? WireFaults.Fault.CUT : WireFaults.Fault.DELIVER);
        link.send(Direction.SERVER_TO_CLIENT, new byte[] {1});
        link.send(Direction.SERVER_TO_CLIENT, new byte[] {2});
        clock.advanceTo(5);
        assertThat(link.receive(Direction.SERVER_TO_CLIENT)).containsExactly(2);
        link.send(Direction.SERVER_TO_CLIENT, new byte[] {3});
        link.send(Direction.SERVER_TO_CLIENT, new byte[] {4});
        clock.advanceTo(50);
        assertThat(link.receive(Direction.SERVER_TO_CLIENT)).isEmpty();
    }
}
