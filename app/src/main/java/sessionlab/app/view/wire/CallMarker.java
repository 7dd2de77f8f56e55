package sessionlab.app.view.wire;

import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * An API call on its side's line: a tick where it was called with the function's name, a bar while it ran
 * and a tick where it returned. Style classes {@code call-marker} ({@code server}, {@code current},
 * {@code running}); children {@code call-tick}, {@code call-span}, {@code return-tick}, {@code call-label}.
 */
public final class CallMarker extends Group {
    private WireModel.CallMark call;
    private final Line tick = new Line();
    private final Line span = new Line();
    private final Line returnTick = new Line();
    private final Text label;
    private Tooltip tooltip;

    CallMarker(WireModel.CallMark call) {
        this.call = call;
        getStyleClass().add("call-marker");
        if (call.server()) getStyleClass().add("server");
        tick.getStyleClass().add("call-tick");
        span.getStyleClass().add("call-span");
        returnTick.getStyleClass().add("return-tick");
        label = new Text(call.function());
        label.getStyleClass().add("call-label");
        getChildren().addAll(span, tick, returnTick, label);
        setOnMouseEntered(e -> {
            if (tooltip == null) {
                tooltip = new Tooltip(describe());
                Tooltip.install(this, tooltip);
            }
        });
    }

    /** The same call later on: it may have returned since. */
    void update(WireModel.CallMark mark, boolean current) {
        call = mark;
        returnTick.setVisible(mark.returned());
        toggle("running", !mark.returned());
        toggle("current", current);
        if (tooltip != null) tooltip.setText(describe());
    }

    private void toggle(String styleClass, boolean on) {
        boolean has = getStyleClass().contains(styleClass);
        if (on && !has) getStyleClass().add(styleClass);
        else if (!on && has) getStyleClass().remove(styleClass);
    }

    private String describe() {
        String args = call.args() == null ? "" : call.args();
        return call.target() + ": " + call.function() + "(" + args + ")"
                + (call.returned() ? " = " + (call.result() == null || call.result().isEmpty() ? "(void)" : call.result()) : " (running)")
                + "\ncalled at " + call.calledAt() + " ms" + (call.returned() ? ", returned at " + call.returnedAt() + " ms" : "");
    }

    /**
     * @param y the side's line
     * @param labelX left edge of the name, NaN to hide it
     * @param labelY baseline of the name (above the client line, below the server line)
     * @param endX where the bar ends (the return, or now while running)
     */
    void place(double x, double endX, double y, double labelX, double labelY) {
        double dir = call.server() ? 1 : -1;
        tick.setStartX(x);
        tick.setEndX(x);
        tick.setStartY(y);
        tick.setEndY(y + dir * 7);
        span.setStartX(x);
        span.setEndX(Math.max(x, endX));
        span.setStartY(y + dir * 3);
        span.setEndY(y + dir * 3);
        returnTick.setStartX(endX);
        returnTick.setEndX(endX);
        returnTick.setStartY(y);
        returnTick.setEndY(y + dir * 5);
        label.setVisible(!Double.isNaN(labelX));
        label.setX(labelX);
        label.setY(labelY);
    }

    double labelWidth() {
        return label.getLayoutBounds().getWidth() + 6;
    }

    Text label() {
        return label;
    }

    WireModel.CallMark mark() {
        return call;
    }

    /** The call as the lane drew it. */
    public String function() {
        return call.function();
    }

    public String target() {
        return call.target();
    }

    public boolean server() {
        return call.server();
    }

    public long calledAt() {
        return call.calledAt();
    }

    public double x() {
        return tick.getStartX();
    }

    public double y() {
        return tick.getStartY();
    }
}
