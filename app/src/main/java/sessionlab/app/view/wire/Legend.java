package sessionlab.app.view.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/** Which colour is which connection, and what dashes mean. Rebuilt only when the connections change. */
final class Legend extends HBox {
    private List<String> shown = List.of();

    Legend() {
        getStyleClass().add("legend");
        setMouseTransparent(true);
    }

    /** @param connections connection → colour index, in the order to show */
    void show(Map<String, Integer> connections) {
        List<String> keys = new ArrayList<>();
        connections.forEach((k, v) -> keys.add(k + "=" + v));
        if (keys.equals(shown)) return;
        shown = keys;
        getChildren().clear();
        int n = 0;
        for (Map.Entry<String, Integer> e : connections.entrySet()) {
            if (n++ == WireLaneView.LEGEND_MAX) {
                getChildren().add(text("+" + (connections.size() - WireLaneView.LEGEND_MAX) + " more"));
                break;
            }
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", "conn-" + (e.getValue() % WireLaneView.COLOURS));
            getChildren().addAll(swatch, text(e.getKey()));
        }
        if (!connections.isEmpty()) {
            Line dashed = new Line(0, 0, 18, 0);
            dashed.getStyleClass().add("legend-encrypted");
            getChildren().addAll(dashed, text("encrypted"));
        }
    }

    private static Text text(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("legend-text");
        return t;
    }
}
