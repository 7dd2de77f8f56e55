package sessionlab.app.view.inspect;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Accordion;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.SessionView;
import sessionlab.app.model.LabState.WireView;

/**
 * The inspector: a read-only ControlsFX {@link PropertySheet} of the selected session, connection, context
 * or record, grouped by category, and for a record its bytes as a hex dump. The selection is looked up again
 * in every state it is given, so it follows the cursor (counts change, objects appear, die or do not exist yet).
 *
 * <p>Ids: {@code inspector-title}, {@code inspector-placeholder}, {@code inspector-sheet},
 * {@code inspector-hex-caption}, {@code inspector-hex}. Style classes: {@code inspector} (this pane),
 * {@code inspector-value} (each value), {@code hex-view}; pseudo-class {@code :destroyed} on the title.
 */
public final class InspectorPane extends VBox {
    private static final PseudoClass DESTROYED = PseudoClass.getPseudoClass("destroyed");
    private final Label title = new Label();
    private final Label placeholder = new Label();
    private final PropertySheet sheet = new PropertySheet();
    private final Label hexCaption = new Label("Bytes on the wire · the first 5 are the record header");
    private final TextArea hex = new TextArea();
    private final javafx.scene.control.Hyperlink cause = new javafx.scene.control.Hyperlink();
    private java.util.function.IntConsumer seekHandler = i -> { };
    private Object selection;
    /** The category the user last opened; kept while stepping, as long as the object has it. */
    private String openCategory;
    private Accordion watched;

    public InspectorPane() {
        getStyleClass().add("inspector");
        getStylesheets().add(Styles.URL);
        title.setId("inspector-title");
        title.getStyleClass().add("inspector-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        placeholder.setId("inspector-placeholder");
        placeholder.getStyleClass().add("inspector-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMinHeight(Region.USE_PREF_SIZE);
        sheet.setId("inspector-sheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setSearchBoxVisible(false);
        sheet.setModeSwitcherVisible(true);
        sheet.setCategoryComparator(InspectorItems.CATEGORY_ORDER);
        sheet.setPropertyEditorFactory(ValueEditor::new);
        sheet.skinProperty().addListener((o, a, b) -> restoreOpenCategory());
        VBox.setVgrow(sheet, Priority.ALWAYS);
        hexCaption.setId("inspector-hex-caption");
        hexCaption.getStyleClass().add("inspector-caption");
        hex.setId("inspector-hex");
        hex.getStyleClass().add("hex-view");
        hex.setEditable(false);
        hex.setWrapText(false);
        hex.setPrefRowCount(10);
        VBox.setVgrow(hex, Priority.ALWAYS);
        cause.setId("inspector-cause");
        cause.setWrapText(true);
        getChildren().addAll(title, cause, placeholder, sheet, hexCaption, hex);
        inspect(null, LabState.EMPTY);
    }

    /** Shows {@code selection} (a SessionView, ConnectionView, ContextView, WireView or null) as it is in {@code state}. */
    public void inspect(Object selection, LabState state) {
        this.selection = selection;
        LabState at = state == null ? LabState.EMPTY : state;
        Object current = InspectorItems.current(selection, at);
        boolean found = current != null;
        show(placeholder, !found);
        if (!found) show(cause, false);
        show(title, found);
        show(sheet, found);
        boolean record = current instanceof WireView;
        show(hexCaption, record);
        show(hex, record);
        // a record has few properties and many bytes: give the room to the bytes
        VBox.setVgrow(sheet, record ? Priority.SOMETIMES : Priority.ALWAYS);
        if (!found) {
            placeholder.setText(InspectorItems.missing(selection));
            if (!sheet.getItems().isEmpty()) sheet.getItems().clear();
            return;
        }
        title.setText(InspectorItems.title(current, at));
        LabState.Resume why = current instanceof LabState.ConnectionView c ? c.resume() : null;
        boolean link = why != null && why.causeSeq() != null;
        show(cause, link);
        if (link) {
            cause.setText("Go to the step that caused it: line " + why.causeLine());
            long seq = why.causeSeq();
            cause.setOnAction(e -> seekHandler.accept((int) seq));
        }
        title.pseudoClassStateChanged(DESTROYED, current instanceof SessionView s && !s.alive());
        List<ReadOnlyItem> items = InspectorItems.items(current, at);
        if (!items.equals(sheet.getItems())) {
            sheet.getItems().setAll(items);
            restoreOpenCategory();
        }
        if (current instanceof WireView w) {
            String dump = HexDump.of(w.hex());
            if (!dump.equals(hex.getText())) hex.setText(dump);
        }
    }

    /** Where "go to the step that caused it" seeks (an event index). */
    public void setSeekHandler(java.util.function.IntConsumer handler) {
        seekHandler = handler == null ? i -> { } : handler;
    }

    /** The same selection, shown at another cursor. */
    public void refresh(LabState state) {
        inspect(selection, state);
    }

    public Object selection() {
        return selection;
    }

    /** The rows currently shown (empty while the placeholder is). */
    public List<PropertySheet.Item> items() {
        return List.copyOf(sheet.getItems());
    }

    /** The text of the hex view, empty unless a record is shown. */
    public String hexText() {
        return hex.isVisible() ? hex.getText() : "";
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** The property sheet rebuilds its accordion on every change and opens the first pane; reopen the user's. */
    private void restoreOpenCategory() {
        if (!(sheet.lookup(".accordion") instanceof Accordion accordion)) return;
        // rebuilt on every step: sliding panes would make stepping flicker
        for (TitledPane p : accordion.getPanes()) p.setAnimated(false);
        if (openCategory != null)
            for (TitledPane p : accordion.getPanes()) if (openCategory.equals(p.getText())) accordion.setExpandedPane(p);
        if (watched != accordion) {
            watched = accordion;
            accordion.expandedPaneProperty().addListener((o, a, b) -> {
                if (b != null) openCategory = b.getText();
            });
        }
    }

    /** A value as a label: read-only, and (see inspect.css) not greyed out like the disabled field the sheet would use. */
    private static final class ValueEditor implements PropertyEditor<Object> {
        private final Label label = new Label();

        ValueEditor(PropertySheet.Item item) {
            label.getStyleClass().add("inspector-value");
            if ("Session id".equals(item.getName())) label.getStyleClass().add("mono");
            label.setWrapText(true);
        }

        @Override
        public Node getEditor() {
            return label;
        }

        @Override
        public Object getValue() {
            return label.getText();
        }

        @Override
        public void setValue(Object value) {
            label.setText(value == null ? "" : String.valueOf(value));
        }
    }
}
