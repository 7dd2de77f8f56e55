package sessionlab.app.view.map;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState.ConnectionView;

/** One SSL object (c1 or c1.server) with its session pointer; the arrow itself is drawn by the {@link ArrowLayer}. */
final class SslBox extends VBox {
    private final Label title = new Label();
    private final Label freed = new Label("freed");
    private final Label ctx = new Label();
    private final Label facts = new Label();
    private final Label pointer = new Label();
    /** "Why didn't it resume?", short, on the connection itself; the inspector has the whole answer. */
    private final Label why = new Label();
    private ConnectionView view;

    SslBox(BiConsumer<Node, Object> onSelect) {
        getStyleClass().addAll("map-node", "ssl-box");
        title.getStyleClass().add("box-title");
        freed.getStyleClass().add("freed-label");
        ctx.getStyleClass().add("settings");
        facts.getStyleClass().add("settings");
        pointer.getStyleClass().add("session-pointer");
        HBox top = new HBox(title, freed);
        top.getStyleClass().add("node-row");
        top.setAlignment(Pos.CENTER_LEFT);
        why.getStyleClass().addAll("settings", "resume-why");
        why.setWrapText(true);
        why.setMaxWidth(260);
        getChildren().addAll(top, ctx, facts, why, pointer);
        setOnMouseClicked(e -> {
            if (view != null) onSelect.accept(this, view);
            e.consume();
        });
    }

    ConnectionView view() {
        return view;
    }

    void update(ConnectionView c) {
        view = c;
        setId(MapText.id("ssl", c.name()));
        title.setText("SSL " + c.name());
        SessionNode.show(freed, c.freed());
        SessionNode.toggle(this, "freed", c.freed());
        ctx.setText("ctx " + c.ctx());
        String v = c.version() == null || c.version().isEmpty() ? "version ?" : c.version();
        facts.setText(!c.handshakeDone() ? "handshake not done"
                : v + " · " + (c.resumed() ? "resumed" : "full handshake")
                + ("client".equals(c.side()) ? " · tickets read " + c.ticketsReceived() : ""));
        var r = c.resume();
        SessionNode.show(why, r != null);
        if (r != null) {
            why.setText((r.resumed() ? "resumed " : "not resumed: ") + (r.resumed() ? r.name() : r.reason().replace('-', ' '))
                    + (r.causeLine() == null ? "" : " (line " + r.causeLine() + ")"));
            SessionNode.toggle(why, "not-resumed", !r.resumed());
            javafx.scene.control.Tooltip.install(why, new javafx.scene.control.Tooltip(r.explanation()));
        }
        pointer.setText(c.session() == null ? "session: NULL" : "session → #" + c.session());
        SessionNode.toggle(pointer, "null-pointer", c.session() == null);
    }
}
