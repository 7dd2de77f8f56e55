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
}
