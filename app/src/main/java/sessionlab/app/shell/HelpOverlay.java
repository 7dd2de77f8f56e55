package sessionlab.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts, over the window (F1 or ?). */
public final class HelpOverlay extends StackPane {
    HelpOverlay() {
        setId("help-overlay");
        getStyleClass().add("help-overlay");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Keys.Shortcut s : Keys.ALL) {
            Label k = new Label(s.keys());
            k.getStyleClass().add("help-key");
            grid.addRow(row++, k, new Label(s.action()));
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        VBox card = new VBox(12, title, grid, new Label("Esc closes this help."));
        card.getStyleClass().add("help-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setOnMouseClicked(e -> setVisible(false));
    }
}
