package sessionlab.app.view.map;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState.ConnectionView;

/**
 * One SSL object (c1 or c1.server), compact: its name and session pointer on one line, what its handshake did on
 * the next; its context and the rest are in the inspector. The arrow itself is drawn by the {@link ArrowLayer}.
 */
final class SslBox extends VBox {
    private final Label title = new Label();
    private final Label pointer = new Label();
    private final Label freed = new Label("freed");
    private final Label facts = new Label();
    /** "Why didn't it resume?", short, on the connection itself; the inspector has the whole answer. */
    private final Label why = new Label();
    private final Tooltip whyTip = new Tooltip();
    private ConnectionView view;
    private Tooltip boxTip;

    SslBox(BiConsumer<Node, Object> onSelect) {
        getStyleClass().addAll("map-node", "ssl-box");
        title.getStyleClass().add("box-title");
        freed.getStyleClass().add("freed-label");
        facts.getStyleClass().add("settings");
        pointer.getStyleClass().add("session-pointer");
        HBox top = new HBox(title, pointer, freed);
        top.getStyleClass().add("node-row");
        top.setAlignment(Pos.CENTER_LEFT);
        why.getStyleClass().addAll("settings", "resume-why");
        why.setWrapText(true);
        why.setMaxWidth(220); // wraps: a long answer must not widen the box past its column
        why.setTooltip(whyTip);
        getChildren().addAll(top, facts, why);
        setOnMouseClicked(e -> {
            if (view != null) onSelect.accept(this, view);
            e.consume();
        });
    }

    ConnectionView view() {
        return view;
    }

    /** {@code brief}: just the name and the pointer (a crowded column), the rest in the tooltip and the inspector. */
    void update(ConnectionView c, boolean brief) {
        view = c;
        setId(MapText.id("ssl", c.name()));
        title.setText("SSL " + c.name());
        SessionNode.show(freed, c.freed());
        SessionNode.toggle(this, "freed", c.freed());
        String v = c.version() == null || c.version().isEmpty() ? "version ?" : c.version();
        // tickets read matter for a TLS 1.3 client only (a TLS 1.2 session is resumable without one)
        boolean tickets = "client".equals(c.side()) && "tls1.3".equals(c.version());
        facts.setText(!c.handshakeDone() ? "handshake not done"
                : v + " · " + (c.resumed() ? "resumed" : "full")
                + (tickets ? " · " + c.ticketsReceived() + (c.ticketsReceived() == 1 ? " ticket read" : " tickets read") : ""));
        var r = c.resume();
        SessionNode.show(facts, !brief);
        SessionNode.show(why, r != null && !brief);
        if (r != null) {
            why.setText((r.resumed() ? "resumed " : "not resumed: ") + (r.resumed() ? r.name() : r.reason().replace('-', ' '))
                    + (r.causeLine() == null ? "" : " (line " + r.causeLine() + ")"));
            SessionNode.toggle(why, "not-resumed", !r.resumed());
            whyTip.setText(r.explanation());
        }
        if (brief) {
            if (boxTip == null) {
                boxTip = new Tooltip();
                Tooltip.install(this, boxTip);
            }
            boxTip.setText(facts.getText() + (r == null ? "" : "\n" + why.getText()));
        } else if (boxTip != null) {
            Tooltip.uninstall(this, boxTip);
            boxTip = null;
        }
        SessionNode.show(pointer, !c.freed());
        pointer.setText(c.session() == null ? "→ NULL" : "→ #" + c.session());
        SessionNode.toggle(pointer, "null-pointer", c.session() == null);
    }
}
