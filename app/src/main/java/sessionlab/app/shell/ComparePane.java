package sessionlab.app.shell;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.view.map.MapViewport;
import sessionlab.app.view.map.MemoryMapView;
import sessionlab.app.view.wire.WireLaneView;

/** The other stack's memory map and wire lane, kept at the same statement as the main view. */
final class ComparePane extends BorderPane {
    private final Label title = new Label();
    private final MemoryMapView map = new MemoryMapView();
    private final WireLaneView wire = new WireLaneView();

    ComparePane() {
        setId("compare-pane");
        getStyleClass().add("compare-pane");
        title.getStyleClass().add("compare-title");
        title.setWrapText(true);
        SplitPane split = new SplitPane(new MapViewport(map), wire);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.66);
        setTop(title);
        setCenter(split);
    }

    void show(String stack, History other, int cursor, String problem) {
        if (other == null) {
            title.setText(problem == null ? "Choose a stack to compare with" : stack + ": " + problem);
            map.show(LabState.EMPTY);
            return;
        }
        title.setText(stack + " — the same statement on this stack");
        LabState s = other.stateAt(cursor);
        map.show(s);
        wire.show(other, s);
    }

    MemoryMapView map() {
        return map;
    }
}
