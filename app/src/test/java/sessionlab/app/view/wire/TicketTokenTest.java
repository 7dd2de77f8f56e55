package sessionlab.app.view.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.model.Transition;

/**
 * The NewSessionTicket tokens over a real run in which the client lets its tickets wait a second before it reads:
 * on the wire at the clock's time, waiting at the client, taken by SSL_read.
 */
@ExtendWith(ApplicationExtension.class)
class TicketTokenTest extends FxRobot {
    static History run;
    WireLaneView view;

    @BeforeAll
    static void runAClientThatReadsLate() {
        run = LessonRuns.run("""
                client = SSL_CTX_new(client, max=tls1.3, cache=client)
                server = SSL_CTX_new(server, tickets=2)
                c1 = connect(client, server)
                advance 1s
                SSL_read(c1)
                """);
    }

    @Start
    void start(Stage stage) {
        view = new WireLaneView();
        stage.setScene(new Scene(view, 1000, 320));
        stage.show();
    }

    private LabState show(int line) {
        LabState s = run.stateAt(LessonRuns.endOfLine(run, line));
        interact(() -> {
            view.show(run, s);
            view.applyCss();
            view.layout();
        });
        return s;
    }

    @Test
    void rightAfterTheHandshakeBothTicketsAreOnTheWireLeavingTheServer() {
        show(3);
        assertThat(view.tokens()).hasSize(2).allSatisfy(t -> {
            assertThat(t.getStyleClass()).contains("in-flight");
            assertThat(t.centerY()).isCloseTo(view.serverY(), within(0.5));
        });
        assertThat(view.waitingLabels()).isEmpty();
    }

    @Test
    void theTokenRidesItsRecordAtTheClocksVirtualTime() {
        LabState s = show(3);
        LabState.TicketView ticket = s.tickets().getFirst();
        double half = (ticket.sentAt() + ticket.arrivesAt()) / 2.0;
        interact(() -> view.animate(null, 1, half));
        TicketToken token = view.tokens().getFirst();
        assertThat(token.centerY()).isCloseTo((view.clientY() + view.serverY()) / 2, within(0.5));
        interact(() -> view.animate(null, 1, ticket.sentAt()));
        assertThat(token.centerY()).isCloseTo(view.serverY(), within(0.5));
    }

    @Test
    void afterASecondTheTicketsWaitAtTheClientArrivedButNotRead() {
        show(4);
        assertThat(view.tokens()).hasSize(2).allSatisfy(t -> {
            assertThat(t.getStyleClass()).contains("waiting").doesNotContain("in-flight");
            assertThat(t.centerY()).isLessThan(view.clientY());
        });
        assertThat(view.waitingLabels()).containsOnlyKeys("c1");
        assertThat(view.waitingLabels().get("c1").getText()).isEqualTo("2 tickets arrived, not read yet");
    }

    @Test
    void sslReadTakesThemTheyFadeDuringTheStepAndAreGoneAfterIt() {
        LabState before = show(4);
        LabState after = run.stateAt(LessonRuns.endOfLine(run, 5));
        Transition t = Transition.between(run, before, after);
        assertThat(t.of(Transition.TicketMoved.class)).hasSize(2).allMatch(Transition.TicketMoved::taken);
        interact(() -> {
            view.show(run, after);
            view.applyCss();
            view.layout();
            view.animate(t, 0, before.now());
        });
        assertThat(view.tokens()).hasSize(2).allSatisfy(tok -> {
            assertThat(tok.getStyleClass()).contains("taken");
            assertThat(tok.getOpacity()).isEqualTo(1.0);
        });
        interact(() -> view.animate(t, 0.9, after.now()));
        assertThat(view.tokens()).allSatisfy(tok -> assertThat(tok.getOpacity()).isLessThan(0.5));
        interact(() -> view.animate(t, 1, after.now()));
        assertThat(view.tokens()).isEmpty();
        assertThat(view.waitingLabels()).isEmpty();
    }
}
