package sessionlab.app.view.map;

import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import sessionlab.app.model.LabState.SessionView;

/**
 * A destroyed session, folded into its column's strip: just its number, faded. It keeps the session's id
 * ({@code session-N}) so that dangling pointers still end on it and a click still inspects it.
 */
final class DestroyedChip extends Label {
    private SessionView view;
    private Tooltip tooltip;

    DestroyedChip(BiConsumer<Node, Object> onSelect) {
        getStyleClass().addAll("session-chip", "destroyed");
        setOnMouseClicked(e -> {
            if (view != null) onSelect.accept(this, view);
            e.consume();
        });
        setOnMouseEntered(e -> {
            if (tooltip == null) {
                tooltip = new Tooltip();
                setTooltip(tooltip);
            }
            tooltip.setText(SessionNode.describe(view, view == null ? 0 : view.destroyedAt()));
        });
    }

    SessionView view() {
        return view;
    }

    void update(SessionView s) {
        view = s;
        setId("session-" + s.number());
        setText("#" + s.number());
    }
}
