package sessionlab.app.view.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sessionlab.app.model.History;
import sessionlab.event.LoggedEvent;

@ExtendWith(ApplicationExtension.class)
class EventTablePaneTest {
    private final History history = Lessons.sample(Lessons.DEFAULT);
    private EventTablePane pane;

    @Start
    void start(Stage stage) {
        pane = new EventTablePane();
        pane.load(history);
        stage.setScene(new Scene(pane, 1100, 500));
        stage.show();
    }

    private static String text(LoggedEvent e) {
        return (e.type() + " " + EventSummary.of(e.event())).toLowerCase(Locale.ROOT);
    }

    @Test
    void theEventTableFilterTicketLeavesOnlyTicketEvents(FxRobot robot) {
        robot.clickOn("#event-filter").write("ticket");
        WaitForAsyncUtils.waitForFxEvents();

        List<LoggedEvent> shown = pane.visibleEvents();
        assertThat(shown).isNotEmpty().hasSizeLessThan(history.size()).allSatisfy(e -> assertThat(text(e)).contains("ticket"));
        assertThat(shown).extracting(LoggedEvent::type).contains("ticket.sent", "ticket.received")
                .doesNotContain("keylog", "stats", "session.ref", "call", "cache.insert");
        long ticketEvents = history.events().stream().filter(e -> e.type().startsWith("ticket.")).count();
        assertThat(shown.stream().filter(e -> e.type().startsWith("ticket.")).count()).isEqualTo(ticketEvents);
        assertThat(pane.table().getItems()).hasSize(shown.size());
        assertThat(robot.lookup("#event-count").queryLabeled().getText()).isEqualTo(shown.size() + " of " + history.size() + " events");
    }

    @Test
    void theTypeChoiceKeepsOnlyThatGroup(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ChoiceBox<String> type = robot.lookup("#event-type").queryAs(ChoiceBox.class);
        assertThat(type.getItems()).startsWith("all", "session.*", "cache.*", "wire.record", "expect.*").contains("ticket.*", "keylog");
        robot.interact(() -> type.setValue("cache.*"));
        assertThat(pane.visibleEvents()).isNotEmpty().allSatisfy(e -> assertThat(e.type()).startsWith("cache."));
        robot.interact(() -> type.setValue("all"));
        assertThat(pane.visibleEvents()).hasSize(history.size());
    }

    @Test
    void doubleClickSeeks(FxRobot robot) {
        AtomicInteger sought = new AtomicInteger(-2);
        robot.interact(() -> pane.setSeekHandler(sought::set));
        TableRow<?> row = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> !r.isEmpty() && r.getItem() != null && ((LoggedEvent) r.getItem()).seq() == 6).findFirst().orElseThrow();
        robot.doubleClickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sought.get()).isEqualTo(6);
    }

    @Test
    void theCursorsRowIsSelectedAndScrolledTo(FxRobot robot) {
        int cursor = history.size() - 20;
        robot.interact(() -> pane.showCursor(cursor));
        assertThat(pane.table().getSelectionModel().getSelectedItem().seq()).isEqualTo(cursor);
        assertThat(robot.lookup(".table-row-cell").queryAllAs(TableRow.class)).anySatisfy(r -> {
            assertThat(r.isVisible()).isTrue();
            assertThat(r.getItem()).isSameAs(history.events().get(cursor));
        });
        assertThat(robot.lookup(".table-row-cell").queryAllAs(TableRow.class)).anySatisfy(r -> {
            assertThat(r.getItem()).isNotNull();
            assertThat(((LoggedEvent) r.getItem()).seq()).isGreaterThan(cursor);
            assertThat(r.getPseudoClassStates().toString()).contains("future");
        });
    }

    @Test
    void aFilteredOutCursorLeavesNoRowSelected(FxRobot robot) {
        robot.interact(() -> robot.lookup("#event-filter").queryAs(TextField.class).setText("ticket"));
        robot.interact(() -> pane.showCursor(1)); // "stack libssl": no ticket in it
        assertThat(pane.table().getSelectionModel().getSelectedItems()).isEmpty();
    }

    @Test
    void aHundredThousandEventsLoadFilterAndSeek(FxRobot robot) {
        List<LoggedEvent> many = new ArrayList<>();
        // the real run, repeated with fresh seq numbers until there are 100k events
        while (many.size() < 100_000)
            for (LoggedEvent e : history.events()) {
                if (many.size() == 100_000) break;
                many.add(new LoggedEvent(many.size(), e.at(), e.event()));
            }
        History big = new History(many);
        long t0 = System.nanoTime();
        robot.interact(() -> pane.load(big));
        long t1 = System.nanoTime();
        robot.interact(() -> robot.lookup("#event-filter").queryAs(TextField.class).setText("ticket"));
        long t2 = System.nanoTime();
        robot.interact(() -> pane.showCursor(99_999));
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "event table, 100k events: load %.1f ms, filter %.1f ms, seek %.1f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        assertThat(pane.visibleEvents()).isNotEmpty().allSatisfy(e -> assertThat(text(e)).contains("ticket"));
        robot.interact(() -> robot.lookup("#event-filter").queryAs(TextField.class).setText(""));
        robot.interact(() -> pane.showCursor(99_999));
        assertThat(pane.table().getSelectionModel().getSelectedItem().seq()).isEqualTo(99_999);
    }
}
