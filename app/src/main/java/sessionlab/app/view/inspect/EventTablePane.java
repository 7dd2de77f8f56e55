package sessionlab.app.view.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import sessionlab.app.model.History;
import sessionlab.event.LoggedEvent;

/**
 * The event log as a table (seq, at, type, summary) with a text filter over type and summary and a type
 * filter. Virtualised and filtered in place, so a run of 100k events stays responsive. The cursor's row is
 * selected and scrolled into view; events after the cursor carry {@code :future}; a double-click (or Enter)
 * asks the window to seek there.
 *
 * <p>Ids: {@code event-filter}, {@code event-type}, {@code event-count}, {@code event-table}.
 * Row pseudo-classes: {@code :future}, {@code :pass}, {@code :fail}, {@code :note}, {@code :alert}, {@code :statement}.
 */
public final class EventTablePane extends VBox {
    public static final String ALL = "all";
    private static final List<String> FIRST = List.of(ALL, "session.*", "cache.*", "wire.record", "expect.*", "ticket.*");
    private static final PseudoClass FUTURE = PseudoClass.getPseudoClass("future");
    private static final Map<String, PseudoClass> KINDS = Map.of("expect.pass", PseudoClass.getPseudoClass("pass"),
            "expect.fail", PseudoClass.getPseudoClass("fail"), "note", PseudoClass.getPseudoClass("note"),
            "prevented", PseudoClass.getPseudoClass("alert"), "leak", PseudoClass.getPseudoClass("alert"),
            "error", PseudoClass.getPseudoClass("alert"), "statement", PseudoClass.getPseudoClass("statement"));

    private final TextField filter = new TextField();
    private final ChoiceBox<String> type = new ChoiceBox<>(FXCollections.observableArrayList(FIRST));
    private final Label count = new Label();
    private final TableView<LoggedEvent> table = new TableView<>();
    private final IntegerProperty cursor = new SimpleIntegerProperty(-1);
    private List<LoggedEvent> events = List.of();
    private FilteredList<LoggedEvent> filtered = new FilteredList<>(FXCollections.observableArrayList());
    private String[] summaries = new String[0];
    private String[] haystacks = new String[0];
    private IntConsumer seekHandler = seq -> { };
    private int pendingReveal = -1;
    /** Set while {@link #load} swaps lists and choices, so the filter runs once. */
    private boolean loading;

    public EventTablePane() {
        getStyleClass().add("event-table");
        getStylesheets().add(Styles.URL);
        filter.setId("event-filter");
        filter.setPromptText("Filter: type or text, e.g. ticket");
        type.setId("event-type");
        type.setValue(ALL);
        count.setId("event-count");
        count.getStyleClass().add("inspector-caption");
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox bar = new HBox(8, filter, type, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("event-filter-bar");

        table.setId("event-table");
        table.setPlaceholder(new Label("No events match"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("seq", 70, e -> e.seq(), "number"),
                column("at (ms)", 110, e -> e.at(), "number"),
                column("type", 150, LoggedEvent::type, "type"),
                column("summary", 600, this::summary, "summary")));
        table.setRowFactory(t -> new EventRow());
        table.setOnKeyPressed(k -> {
            LoggedEvent e = table.getSelectionModel().getSelectedItem();
            if (k.getCode() == KeyCode.ENTER && e != null) seekHandler.accept((int) e.seq());
        });
        table.setItems(filtered);
        VBox.setVgrow(table, Priority.ALWAYS);

        filter.textProperty().addListener((o, a, b) -> applyFilter());
        type.valueProperty().addListener((o, a, b) -> applyFilter());
        getChildren().addAll(bar, table);
        updateCount();
    }

    /** Shows the events of {@code h}; the filters stay as they are. */
    public void load(History h) {
        loading = true;
        events = h == null ? List.of() : h.events();
        summaries = new String[events.size()];
        haystacks = new String[events.size()];
        filtered = new FilteredList<>(FXCollections.observableList(events));
        filtered.addListener((ListChangeListener<LoggedEvent>) c -> updateCount());
        table.setItems(filtered);
        cursor.set(-1);
        String chosen = type.getValue();
        Set<String> present = new LinkedHashSet<>();
        for (LoggedEvent e : events) present.add(e.type());
        List<String> choices = typeChoices(present);
        type.getItems().setAll(choices);
        type.setValue(choices.contains(chosen) ? chosen : ALL);
        loading = false;
        applyFilter();
    }

    /** Marks the event at {@code cursor} (-1: before the first): selects its row and scrolls it into view. */
    public void showCursor(int cursor) {
        this.cursor.set(cursor);
        int index = indexOfSeq(cursor);
        if (index >= 0) {
            table.getSelectionModel().clearAndSelect(index);
            reveal(index);
        } else {
            table.getSelectionModel().clearSelection();
            // filtered out: bring its neighbourhood into view
            int before = -index - 2;
            if (cursor >= 0 && before >= 0) reveal(before);
        }
    }

    /** Called with the seq of a row the user double-clicked (or pressed Enter on). */
    public void setSeekHandler(IntConsumer handler) {
        seekHandler = handler == null ? seq -> { } : handler;
    }

    /** The events that pass the filters, in log order. */
    public List<LoggedEvent> visibleEvents() {
        return List.copyOf(filtered);
    }

    public TableView<LoggedEvent> table() {
        return table;
    }

    /**
     * "all", the most used groups, then every other type of {@code typeNames} (in that order), grouped as
     * {@code ctx.*} where several share a prefix.
     */
    public static List<String> typeChoices(Iterable<String> typeNames) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String name : typeNames) {
            int dot = name.indexOf('.');
            List<String> g = groups.computeIfAbsent(dot < 0 ? name : name.substring(0, dot), k -> new ArrayList<>());
            if (!g.contains(name)) g.add(name);
        }
        List<String> out = new ArrayList<>(FIRST);
        groups.forEach((prefix, names) -> {
            String choice = names.size() > 1 ? prefix + ".*" : names.get(0);
            if (!out.contains(choice)) out.add(choice);
        });
        return out;
    }

    static boolean matchesType(String eventType, String choice) {
        if (choice == null || ALL.equals(choice)) return true;
        if (choice.endsWith(".*")) return eventType.startsWith(choice.substring(0, choice.length() - 1));
        return eventType.equals(choice);
    }

    private void applyFilter() {
        if (loading) return;
        String needle = filter.getText() == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
        String choice = type.getValue();
        filtered.setPredicate(e -> matchesType(e.type(), choice) && (needle.isEmpty() || haystack(e).contains(needle)));
        updateCount();
        showCursor(cursor.get());
    }

    private void updateCount() {
        count.setText(filtered.size() + " of " + events.size() + " events");
    }

    private String summary(LoggedEvent e) {
        int i = (int) e.seq();
        boolean cached = i >= 0 && i < summaries.length && events.get(i) == e;
        if (!cached) return EventSummary.of(e.event());
        if (summaries[i] == null) summaries[i] = EventSummary.of(e.event());
        return summaries[i];
    }

    private String haystack(LoggedEvent e) {
        int i = (int) e.seq();
        boolean cached = i >= 0 && i < haystacks.length && events.get(i) == e;
        if (cached && haystacks[i] != null) return haystacks[i];
        String h = (e.type() + " " + summary(e)).toLowerCase(Locale.ROOT);
        if (cached) haystacks[i] = h;
        return h;
    }

    /** Binary search of the filtered rows (in log order) for {@code seq}; like {@link java.util.Collections#binarySearch}. */
    private int indexOfSeq(long seq) {
        int lo = 0, hi = filtered.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = filtered.get(mid).seq();
            if (s < seq) lo = mid + 1;
            else if (s > seq) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    /** Scrolls on the next layout, when the table has taken in a changed list; the least scrolling that shows the row. */
    private void reveal(int index) {
        pendingReveal = index;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        int index = pendingReveal;
        if (index < 0) return;
        pendingReveal = -1;
        table.layout();
        if (index >= filtered.size()) return;
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getCellCount() == filtered.size()) {
            flow.scrollTo(index);
            table.layout();
        } else {
            table.scrollTo(index);
        }
    }

    private static <T> TableColumn<LoggedEvent, T> column(String title, double width, java.util.function.Function<LoggedEvent, T> value,
                                                        String styleClass) {
        TableColumn<LoggedEvent, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.getStyleClass().add(styleClass);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    private final class EventRow extends TableRow<LoggedEvent> {
        EventRow() {
            setOnMouseClicked(m -> {
                if (m.getButton() == MouseButton.PRIMARY && m.getClickCount() == 2 && !isEmpty() && getItem() != null)
                    seekHandler.accept((int) getItem().seq());
            });
            cursor.addListener((o, a, b) -> mark());
        }

        @Override
        protected void updateItem(LoggedEvent item, boolean empty) {
            super.updateItem(item, empty);
            mark();
        }

        private void mark() {
            LoggedEvent e = isEmpty() ? null : getItem();
            pseudoClassStateChanged(FUTURE, e != null && e.seq() > cursor.get());
            String t = e == null ? "" : e.type();
            for (Map.Entry<String, PseudoClass> k : KINDS.entrySet()) pseudoClassStateChanged(k.getValue(), false);
            PseudoClass kind = KINDS.get(t);
            if (kind != null) pseudoClassStateChanged(kind, true);
        }
    }
}
