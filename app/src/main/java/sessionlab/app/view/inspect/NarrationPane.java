package sessionlab.app.view.inspect;

import java.util.List;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.Narration;

/**
 * The narration: the scenario's notes (style class {@code note}) and the app's explanations
 * ({@code explanation}) up to the cursor, newest at the bottom, scrolled to the latest. The entry of the
 * event at the cursor has the pseudo-class {@code :current}.
 *
 * <p>Ids: {@code narration-title}, {@code narration-list}. Cells: style class {@code narration-cell}.
 */
public final class NarrationPane extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private final ObservableList<Narration> entries = FXCollections.observableArrayList();
    private final ListView<Narration> list = new ListView<>(entries);
    private final LongProperty cursor = new SimpleLongProperty(-1);
    /** Keep the newest entry in view; the user scrolling away stops it until the next show. */
    private boolean follow = true;
    /** Cell padding, the note's bar and the vertical scroll bar. */
    private static final double WIDTH_RESERVED = 44;

    public NarrationPane() {
        getStyleClass().add("narration");
        getStylesheets().add(Styles.URL);
        Label title = new Label("Narration");
        title.setId("narration-title");
        title.getStyleClass().add("pane-title");
        list.setId("narration-list");
        list.setFocusTraversable(false);
        Label empty = new Label("Nothing has happened yet. Step forward to begin.");
        empty.setWrapText(true);
        empty.setId("narration-placeholder");
        empty.setMaxWidth(Double.MAX_VALUE);
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        empty.setPadding(new javafx.geometry.Insets(8));
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new NarrationCell());
        list.addEventFilter(ScrollEvent.SCROLL, e -> follow = false);
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != list; n = n.getParent())
                if (n instanceof ScrollBar) follow = false;
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }

    /** Shows the narration of {@code state}: appends or trims when stepping, replaces when the run changed. */
    public void show(LabState state) {
        List<Narration> next = state == null ? List.of() : state.narration();
        cursor.set(state == null ? -1 : state.cursor());
        int common = commonPrefix(entries, next);
        if (common < entries.size()) entries.remove(common, entries.size());
        if (common < next.size()) entries.addAll(next.subList(common, next.size()));
        follow = true;
        requestLayout();
    }

    /**
     * While following (after every {@link #show}, until the user scrolls), keeps the newest entry fully at the
     * bottom. The list places unseen entries by estimated heights and re-estimates on every layout (a resize, a
     * neighbour growing), so the correction is made here, each time, once the real heights are known.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        int last = entries.size() - 1;
        if (!follow || last < 0 || !(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) return;
        list.layout();
        IndexedCell<?> bottom = flow.getLastVisibleCell();
        if (bottom == null || bottom.getIndex() < last - 1) {
            flow.scrollTo(last);
            list.layout();
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            bottom = flow.getLastVisibleCell();
            if (bottom == null) return;
            double below = bottom.getLayoutY() + bottom.getHeight() - flow.getHeight();
            double missing = bottom.getIndex() < last ? Math.max(below, 0) + bottom.getHeight() : below;
            if (missing <= 0.5) return;
            flow.scrollPixels(missing);
            list.layout();
        }
    }

    /** What is shown, oldest first. */
    public List<Narration> entries() {
        return List.copyOf(entries);
    }

    private static int commonPrefix(List<Narration> a, List<Narration> b) {
        int n = Math.min(a.size(), b.size());
        int i = 0;
        while (i < n && a.get(i).equals(b.get(i))) i++;
        return i;
    }

    private final class NarrationCell extends ListCell<Narration> {
        private final Label text = new Label();

        NarrationCell() {
            getStyleClass().add("narration-cell");
            // a label of a known width wraps, so the list measures each entry's real height
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.prefWidthProperty().bind(list.widthProperty().subtract(WIDTH_RESERVED));
            text.maxWidthProperty().bind(text.prefWidthProperty());
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            cursor.addListener((o, a, b) -> markCurrent());
        }

        private void markCurrent() {
            pseudoClassStateChanged(CURRENT, !isEmpty() && getItem() != null && getItem().seq() == cursor.get());
        }

        /** The wrapped height at the label's width: what the list must reserve for this entry. */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null) return super.computePrefHeight(width);
            return snappedTopInset() + text.prefHeight(text.getPrefWidth()) + snappedBottomInset();
        }

        @Override
        protected void updateItem(Narration item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("note", "explanation");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                markCurrent();
                return;
            }
            setText(item.text());
            text.setText(item.text());
            setGraphic(text);
            getStyleClass().add(item.note() ? "note" : "explanation");
            markCurrent();
        }
    }
}
