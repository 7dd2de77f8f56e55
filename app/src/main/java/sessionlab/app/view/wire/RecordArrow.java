package sessionlab.app.view.wire;

import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;
import sessionlab.app.model.LabState.WireView;

/**
 * One TLS record: an arrow from the sender's line at {@code sentAt} to the receiver's at {@code arrivesAt},
 * with its label. Style classes: {@code record-arrow}, {@code encrypted}, {@code in-flight}, {@code current},
 * {@code selected}, {@code conn-N}; children {@code record-line}, {@code record-head}, {@code record-label},
 * {@code lock}.
 */
public final class RecordArrow extends Group {
    private final WireView record;
    private boolean inFlight;
    private final Line hit = new Line();
    private final Line line = new Line();
    private final Polygon head = new Polygon();
    private final Text label;
    private final SVGPath lock;
    private Tooltip tooltip;

    RecordArrow(WireView record, int colour) {
        this.record = record;
        getStyleClass().addAll("record-arrow", "conn-" + (colour % WireLaneView.COLOURS));
        if (record.encrypted()) getStyleClass().add("encrypted");
        hit.getStyleClass().add("record-hit");
        line.getStyleClass().add("record-line");
        head.getStyleClass().add("record-head");
        label = new Text(record.label());
        label.getStyleClass().add("record-label");
        lock = record.encrypted() ? lock() : null;
        getChildren().addAll(hit, line, head, label);
        setAccessibleText(record.label() + (record.clientToServer() ? ", client to server" : ", server to client"));
        if (lock != null) getChildren().add(lock);
        setOnMouseEntered(e -> {
            if (tooltip == null) {
                tooltip = new Tooltip(describe(record, this.inFlight));
                Tooltip.install(this, tooltip);
            }
        });
    }

    /** Sets the state that changes with the cursor; style classes change only when the state does. */
    void update(boolean inFlight, boolean current, boolean selected) {
        this.inFlight = inFlight;
        toggle("in-flight", inFlight);
        toggle("current", current);
        toggle("selected", selected);
        if (tooltip != null) tooltip.setText(describe(record, inFlight));
    }

    private void toggle(String styleClass, boolean on) {
        boolean has = getStyleClass().contains(styleClass);
        if (on && !has) getStyleClass().add(styleClass);
        else if (!on && has) getStyleClass().remove(styleClass);
    }

    static String describe(WireView r, boolean inFlight) {
        return r.label() + " · " + r.conn() + " " + (r.clientToServer() ? "client → server" : "server → client") + " · " + r.length()
                + " bytes" + (r.encrypted() ? " · encrypted" : "") + "\nsent " + r.sentAt() + " ms, "
                + (inFlight ? "in flight, arrives " : "arrived ") + r.arrivesAt() + " ms · event " + r.seq();
    }

    /** A padlock in one filled path: body and shackle. */
    private static SVGPath lock() {
        SVGPath p = new SVGPath();
        p.setContent("M0 3.5 h7 v5 h-7 z M1.2 3.5 v-1 a2.3 2.3 0 0 1 4.6 0 v1 h-1.2 v-1 a1.1 1.1 0 0 0 -2.2 0 v1 z");
        p.getStyleClass().add("lock");
        return p;
    }

    /** Places the arrow, and its label (with the lock) at {@code labelX, labelY}, or hides the label (NaN). */
    void place(double x1, double y1, double x2, double y2, double labelX, double labelY) {
        hit.setStartX(x1);
        hit.setStartY(y1);
        hit.setEndX(x2);
        hit.setEndY(y2);
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2);
        line.setEndY(y2);
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double len = 7;
        double spread = 0.45;
        head.getPoints().setAll(x2, y2,
                x2 - len * Math.cos(angle - spread), y2 - len * Math.sin(angle - spread),
                x2 - len * Math.cos(angle + spread), y2 - len * Math.sin(angle + spread));
        boolean shown = !Double.isNaN(labelX);
        label.setVisible(shown);
        if (lock != null) lock.setVisible(shown);
        if (!shown) return;
        double lx = labelX;
        if (lock != null) {
            lock.setLayoutX(lx);
            lock.setLayoutY(labelY - 8);
            lx += 10;
        }
        label.setX(lx);
        label.setY(labelY);
    }

    /** The x of the arrow at height y. */
    static double xAt(double x1, double y1, double x2, double y2, double y) {
        return y2 == y1 ? (x1 + x2) / 2 : x1 + (y - y1) / (y2 - y1) * (x2 - x1);
    }

    /** Width of the label and its lock, for collision checks. */
    double labelWidth() {
        return label.getLayoutBounds().getWidth() + (lock != null ? 10 : 0) + 4;
    }

    /** The label's text: the record's own, or its flight's (records sent together share one label). */
    void setLabelText(String text) {
        if (!text.equals(label.getText())) label.setText(text);
    }

    /** Height of the label and the distance from its top to its baseline. */
    double labelHeight() {
        return label.getLayoutBounds().getHeight();
    }

    double labelAscent() {
        return WireLaneView.ascent(label);
    }

    public WireView record() {
        return record;
    }

    public boolean inFlight() {
        return inFlight;
    }

    public double startX() {
        return line.getStartX();
    }

    public double startY() {
        return line.getStartY();
    }

    public double endX() {
        return line.getEndX();
    }

    public double endY() {
        return line.getEndY();
    }

    public Text label() {
        return label;
    }
}
