package sessionlab.app.shell;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import sessionlab.app.model.History;
import sessionlab.app.model.Meaning;

/**
 * Presenter mode's caption, for the back of the room: the statement at the cursor (with its line) and one
 * sentence saying what it did ({@link Meaning}), in large type. It takes the script's place while the script is
 * hidden. Ids {@code caption-statement}, {@code caption-meaning}.
 */
final class CaptionBar extends VBox {
    private final Label statement = new Label();
    private final Label meaning = new Label();
    private Meaning.Caption shown = Meaning.Caption.NONE;

    CaptionBar() {
        setId("caption-bar");
        getStyleClass().add("caption-bar");
        statement.setId("caption-statement");
        statement.getStyleClass().add("caption-statement");
        meaning.setId("caption-meaning");
        meaning.getStyleClass().add("caption-meaning");
        meaning.setWrapText(true);
        statement.setWrapText(true);
        for (Label l : new Label[] {statement, meaning}) {
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        getChildren().addAll(statement, meaning);
        show(Meaning.Caption.NONE);
    }

    void show(History history, int cursor) {
        show(Meaning.at(history, cursor));
    }

    private void show(Meaning.Caption c) {
        shown = c;
        statement.setText(c.statement().isEmpty() ? "" : (c.line() > 0 ? "line " + c.line() + "   " : "") + c.statement());
        meaning.setText(c.meaning());
    }

    Meaning.Caption caption() {
        return shown;
    }

    Label statementLabel() {
        return statement;
    }

    Label meaningLabel() {
        return meaning;
    }
}
