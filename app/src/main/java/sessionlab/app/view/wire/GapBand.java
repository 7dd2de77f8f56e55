package sessionlab.app.view.wire;

import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The shaded stretch on the client line where a TLS 1.3 client has finished its handshake but read no
 * ticket yet. Style classes {@code no-session-gap} ({@code open} while no ticket was read); children
 * {@code gap-band} and {@code gap-label}. Its user data is the {@link WireLaneView.Gap} it draws.
 */
public final class GapBand extends Group {
    static final String TEXT = "no resumable session yet";
    private final Rectangle band = new Rectangle();
    private final Text label = new Text(TEXT);
    private WireLaneView.Gap gap;
    private Tooltip tooltip;

    GapBand() {
        getStyleClass().add("no-session-gap");
        band.getStyleClass().add("gap-band");
        label.getStyleClass().add("gap-label");
        getChildren().addAll(band, label);
        setOnMouseEntered(e -> {
            if (tooltip == null) {
                tooltip = new Tooltip(describe());
                Tooltip.install(this, tooltip);
            }
        });
    }

    void update(WireLaneView.Gap g) {
        gap = g;
        setUserData(g);
        boolean has = getStyleClass().contains("open");
        if (g.open() && !has) getStyleClass().add("open");
        else if (!g.open() && has) getStyleClass().remove("open");
        if (tooltip != null) tooltip.setText(describe());
    }

    private String describe() {
        return gap.conn() + ": handshake done at " + gap.fromMs() + " ms, "
                + (gap.open() ? "no ticket read yet (" + gap.toMs() + " ms)" : "first ticket read at " + gap.toMs() + " ms")
                + ".\nUntil the client reads a NewSessionTicket it holds no session it could resume.";
    }

    double labelWidth() {
        return label.getLayoutBounds().getWidth();
    }

    void place(double x0, double x1, double y, double height, boolean showLabel) {
        label.setVisible(showLabel);
        band.setX(x0);
        band.setY(y);
        band.setWidth(x1 - x0);
        band.setHeight(height);
        double w = labelWidth();
        label.setX(x1 - x0 >= w + 8 ? (x0 + x1 - w) / 2 : x0 + 3);
        label.setY(y + height - 3);
    }

    Text label() {
        return label;
    }

    public WireLaneView.Gap gap() {
        return gap;
    }

    public Rectangle band() {
        return band;
    }
}
