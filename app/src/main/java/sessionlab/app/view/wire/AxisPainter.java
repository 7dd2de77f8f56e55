package sessionlab.app.view.wire;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The time axis under the server line (ticks and labels) and the breaks where an {@code advance} was
 * compressed: a zig-zag across both lines with "≈ +3h". Rebuilt on every layout; only a few dozen nodes.
 */
final class AxisPainter {
    private final Group layer;
    private List<Object> painted = List.of();
    private List<Text> texts = List.of();

    AxisPainter(Group layer) {
        this.layer = layer;
    }

    /** Tick labels between {@code avoid0} and {@code avoid1} are hidden (the "now" label sits there). */
    void paint(TimeScale scale, double clientY, double serverY, double axisY, double left, double avoid0, double avoid1) {
        List<Long> ticks = scale.ticks(70);
        List<Object> key = new ArrayList<>(List.of(clientY, serverY, axisY, left, avoid0, avoid1, scale.breaks()));
        for (long t : ticks) key.add(scale.x(t));
        key.addAll(ticks);
        if (key.equals(painted)) return;
        painted = key;
        List<Node> nodes = new ArrayList<>();
        List<Text> tickLabels = new ArrayList<>();
        List<Double> tickXs = new ArrayList<>();
        List<Text> breakLabels = new ArrayList<>();
        for (long t : ticks) {
            double x = scale.x(t);
            if (inBreak(scale, x)) continue;
            Line tick = new Line(x, axisY - 4, x, axisY);
            tick.getStyleClass().add("axis-tick");
            Text label = new Text(TimeScale.label(t));
            label.getStyleClass().add("axis-label");
            nodes.add(tick);
            nodes.add(label);
            tickLabels.add(label);
            tickXs.add(x);
        }
        for (TimeScale.Break b : scale.breaks()) {
            Rectangle band = new Rectangle(b.x0() + 4, clientY - 10, Math.max(1, b.x1() - b.x0() - 8), serverY - clientY + 20);
            band.getStyleClass().add("time-break-band");
            nodes.add(band);
            for (double y : new double[] {clientY, serverY}) nodes.add(zigzag(b.x0() + 4, b.x1() - 4, y));
            Text label = new Text(b.label());
            label.getStyleClass().add("time-break-label");
            label.setUserData(b);
            nodes.add(label);
            breakLabels.add(label);
        }
        layer.getChildren().setAll(nodes);
        List<Text> all = new ArrayList<>(tickLabels);
        all.addAll(breakLabels);
        texts = List.copyOf(all);
        layer.applyCss();
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < tickLabels.size(); i++) {
            Text label = tickLabels.get(i);
            double w = label.getLayoutBounds().getWidth();
            double lx = Math.max(left - 4, tickXs.get(i) - w / 2);
            label.setX(lx);
            label.setY(axisY + 12);
            label.setVisible(lx > lastRight + 6 && (lx + w < avoid0 || lx > avoid1));
            if (label.isVisible()) lastRight = lx + w;
        }
        for (Text label : breakLabels) {
            TimeScale.Break b = (TimeScale.Break) label.getUserData();
            label.setX((b.x0() + b.x1()) / 2 - label.getLayoutBounds().getWidth() / 2);
            label.setY((clientY + serverY) / 2 + 4);
        }
    }

    /** The tick and break labels painted last, shown or not. */
    List<Text> texts() {
        return texts;
    }

    private static boolean inBreak(TimeScale scale, double x) {
        for (TimeScale.Break b : scale.breaks()) if (x > b.x0() + 0.5 && x < b.x1() - 0.5) return true;
        return false;
    }

    private static Polyline zigzag(double x0, double x1, double y) {
        Polyline p = new Polyline();
        double w = Math.max(4, x1 - x0);
        int teeth = Math.max(2, (int) (w / 6));
        for (int i = 0; i <= teeth; i++) p.getPoints().addAll(x0 + w * i / teeth, y + (i % 2 == 0 ? -4 : 4));
        p.getStyleClass().add("time-break");
        return p;
    }
}
