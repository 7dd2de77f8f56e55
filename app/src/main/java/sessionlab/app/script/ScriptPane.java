package sessionlab.app.script;

import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState;
import sessionlab.scenario.Diagnostic;

/**
 * The lesson's source: read mode shows numbered lines with the current statement highlighted and
 * pass/fail badges; edit mode is a text area. Parse errors are listed with their positions and the
 * offending lines marked.
 */
public final class ScriptPane extends BorderPane {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass PASS = PseudoClass.getPseudoClass("pass");
    private static final PseudoClass FAIL = PseudoClass.getPseudoClass("fail");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");

    /** One source line as shown. */
    public record Line(int number, String text, boolean current, Boolean passed, String error, String differs) {}

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ListView<Line> list = new ListView<>(lines);
    private final TextArea editor = new TextArea();
    private final VBox errors = new VBox(2);
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private String source = "";
    private LabState state = LabState.EMPTY;
    private List<Diagnostic> diagnostics = List.of();
    private Map<Integer, String> differences = Map.of();

    public ScriptPane() {
        getStyleClass().add("script-pane");
        list.setId("script-lines");
        editor.setId("script-editor");
        errors.setId("script-errors");
        errors.getStyleClass().add("script-errors");
        editor.getStyleClass().add("script-editor");
        list.setCellFactory(v -> new LineCell());
        list.setFocusTraversable(false);
        StackPane centre = new StackPane(list, editor);
        editor.visibleProperty().bind(editing);
        list.visibleProperty().bind(editing.not());
        setCenter(centre);
        setBottom(errors);
        BorderPane.setMargin(errors, new Insets(4, 0, 0, 0));
    }

    public TextArea editor() { return editor; }
    public BooleanProperty editingProperty() { return editing; }
    public List<Line> lines() { return List.copyOf(lines); }

    public void setSource(String text) {
        source = text == null ? "" : text;
        if (!editor.getText().equals(source)) editor.setText(source);
        refresh();
    }

    public void show(LabState s) {
        state = s;
        refresh();
        int current = s.line();
        if (current > 0 && current <= lines.size()) list.scrollTo(Math.max(0, current - 5));
    }

    public void setDiagnostics(List<Diagnostic> ds) {
        diagnostics = List.copyOf(ds);
        errors.getChildren().clear();
        for (Diagnostic d : ds) {
            Label l = new Label(d.toString());
            l.getStyleClass().add("script-error");
            l.setWrapText(true);
            errors.getChildren().add(l);
        }
        if (!ds.isEmpty()) {
            Diagnostic first = ds.getFirst();
            editor.positionCaret(offsetOf(first.position().line(), first.position().column()));
        }
        refresh();
    }

    /** Lines where another stack did something else (side-by-side comparison), with what it did. */
    public void setDifferences(Map<Integer, String> d) {
        differences = d == null ? Map.of() : Map.copyOf(d);
        refresh();
    }

    private int offsetOf(int line, int column) {
        String[] ls = editor.getText().split("\n", -1);
        int off = 0;
        for (int i = 0; i < line - 1 && i < ls.length; i++) off += ls[i].length() + 1;
        return Math.min(editor.getText().length(), off + Math.max(0, column - 1));
    }

    private void refresh() {
        String[] ls = source.split("\n", -1);
        int n = ls.length > 0 && ls[ls.length - 1].isEmpty() ? ls.length - 1 : ls.length;
        Map<Integer, Boolean> results = state.expectations();
        java.util.List<Line> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int number = i + 1;
            String error = diagnostics.stream().filter(d -> d.position().line() == number).map(Diagnostic::message).findFirst().orElse(null);
            out.add(new Line(number, ls[i], number == state.line(), results.get(number), error, differences.get(number)));
        }
        lines.setAll(out);
    }

    private static final class LineCell extends ListCell<Line> {
        private final Label number = new Label();
        private final Label text = new Label();
        private final Label badge = new Label();
        private final HBox box = new HBox(8, number, text, badge);

        LineCell() {
            number.getStyleClass().add("line-number");
            text.getStyleClass().add("line-text");
            badge.getStyleClass().add("line-badge");
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            // a long line wraps inside the pane instead of running past its edge: the label asks for no width of
            // its own, takes what the row leaves it, and is as tall as its wrapped text
            text.setWrapText(true);
            text.setPrefWidth(1);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            number.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            getStyleClass().add("script-line");
        }

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            pseudoClassStateChanged(CURRENT, !empty && line.current());
            pseudoClassStateChanged(PASS, !empty && Boolean.TRUE.equals(line.passed()));
            pseudoClassStateChanged(FAIL, !empty && Boolean.FALSE.equals(line.passed()));
            pseudoClassStateChanged(ERROR, !empty && line.error() != null);
            pseudoClassStateChanged(DIFFERS, !empty && line.differs() != null);
            if (empty || line == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            number.setText(Integer.toString(line.number()));
            text.setText(line.text());
            badge.setText((line.passed() == null ? "" : line.passed() ? "\u2713 passed" : "\u2717 failed")
                    + (line.differs() == null ? "" : " \u2260"));
            String tip = line.error() != null ? line.error() : line.differs();
            setTooltip(tip == null ? null : new Tooltip(tip));
            setGraphic(box);
            setId("script-line-" + line.number());
        }
    }
}
