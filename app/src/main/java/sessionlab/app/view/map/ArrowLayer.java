package sessionlab.app.view.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/**
 * The pointers drawn over the map: SSL → session and name → session. It sits on top of the boxes,
 * ignores the mouse, and is re-routed after every layout pass, so arrows follow their ends whatever
 * moved them (a wrap, a resize, a font size change).
 */
final class ArrowLayer extends Pane {
    /** One pointer. {@code classes} are added to the arrow next to {@code pointer-arrow}; {@code label} may be null. */
    record Link(String id, Node from, Node to, List<String> classes, String label) {}

    private enum Edge { TOP, BOTTOM, LEFT, RIGHT }

    private final Map<String, Arrow> arrows = new LinkedHashMap<>();
    private List<Link> links = List.of();

    ArrowLayer() {
        getStyleClass().add("arrow-layer");
        setMouseTransparent(true);
        setPickOnBounds(false);
        // unmanaged: routing changes the arrows' bounds, which must not ask the map for another layout
        setManaged(false);
    }

    /** Replaces the set of pointers; arrows are kept by id so that a cursor move does not rebuild them. */
    void setLinks(List<Link> newLinks) {
        links = List.copyOf(newLinks);
        Set<String> ids = new HashSet<>();
        List<Node> children = new ArrayList<>();
        for (Link l : links) {
            ids.add(l.id());
            Arrow a = arrows.computeIfAbsent(l.id(), Arrow::new);
            a.style(l);
            children.add(a);
        }
        arrows.keySet().retainAll(ids);
        if (!getChildren().equals(children)) getChildren().setAll(children);
    }

    Arrow arrow(String id) {
        return arrows.get(id);
    }

    /** Computes every arrow's geometry from its ends' current bounds, in {@code frame}'s coordinates (this layer sits at 0,0 of it). */
    void route(Node frame) {
        record Leg(Link link, Bounds from, Bounds to, Edge edge) {}
        List<Leg> legs = new ArrayList<>();
        for (Link l : links) {
            Bounds a = boundsIn(l.from(), frame), b = boundsIn(l.to(), frame);
            arrows.get(l.id()).setVisible(a != null && b != null);
            if (a == null || b == null) continue;
            Edge edge = a.getMaxY() <= b.getMinY() ? Edge.TOP : a.getMinY() >= b.getMaxY() ? Edge.BOTTOM
                    : a.getCenterX() < b.getCenterX() ? Edge.LEFT : Edge.RIGHT;
            legs.add(new Leg(l, a, b, edge));
        }
        // several pointers into one edge of one node: spread their tips along it, ordered by where they come from
        Map<Object, List<Leg>> byEnd = new HashMap<>();
        for (Leg g : legs) byEnd.computeIfAbsent(List.of(g.link().to(), g.edge()), k -> new ArrayList<>()).add(g);
        for (List<Leg> group : byEnd.values()) {
            boolean horizontal = group.getFirst().edge() == Edge.TOP || group.getFirst().edge() == Edge.BOTTOM;
            group.sort(Comparator.comparingDouble(g -> horizontal ? g.from().getCenterX() : g.from().getCenterY()));
            for (int i = 0; i < group.size(); i++) {
                Leg g = group.get(i);
                double t = (i + 1.0) / (group.size() + 1.0);
                Bounds a = g.from(), b = g.to();
                double sx, sy, ex, ey;
                switch (g.edge()) {
                    case TOP -> { sx = a.getCenterX(); sy = a.getMaxY(); ex = b.getMinX() + t * b.getWidth(); ey = b.getMinY(); }
                    case BOTTOM -> { sx = a.getCenterX(); sy = a.getMinY(); ex = b.getMinX() + t * b.getWidth(); ey = b.getMaxY(); }
                    case LEFT -> { sx = a.getMaxX(); sy = a.getCenterY(); ex = b.getMinX(); ey = b.getMinY() + t * b.getHeight(); }
                    default -> { sx = a.getMinX(); sy = a.getCenterY(); ex = b.getMaxX(); ey = b.getMinY() + t * b.getHeight(); }
                }
                arrows.get(g.link().id()).shape(sx, sy, ex, ey, horizontal);
            }
        }
    }

    /** {@code n}'s bounds in {@code frame}'s coordinates, or null if it is not shown inside the frame. */
    static Bounds boundsIn(Node n, Node frame) {
        if (n == null) return null;
        Bounds b = n.getLayoutBounds();
        for (Node p = n; p != frame; p = p.getParent()) {
            if (p == null || !p.isVisible()) return null;
            b = p.localToParent(b);
        }
        return b;
    }

    /** One drawn pointer: a curve, a head, and an optional label ("dangling"). */
    static final class Arrow extends Group {
        private static final double HEAD = 11;
        private final CubicCurve line = new CubicCurve();
        private final Polygon head = new Polygon();
        private final Label label = new Label();
        private double[] geometry;
        private double revealed = 1;

        Arrow(String id) {
            setId(id);
            setManaged(false);
            line.getStyleClass().add("arrow-line");
            line.setFill(null);
            head.getStyleClass().add("arrow-head");
            label.getStyleClass().add("arrow-label");
            getChildren().addAll(line, head, label);
        }

        CubicCurve line() {
            return line;
        }

        Label label() {
            return label;
        }

        void style(Link l) {
            List<String> classes = new ArrayList<>();
            classes.add("pointer-arrow");
            classes.addAll(l.classes());
            if (!getStyleClass().equals(classes)) getStyleClass().setAll(classes);
            label.setText(l.label() == null ? "" : l.label());
            label.setVisible(l.label() != null);
        }

        void shape(double sx, double sy, double ex, double ey, boolean vertical) {
            // control points half the gap away: a short gap gets a short bend, not an S
            double d = Math.max(8, (vertical ? Math.abs(ey - sy) : Math.abs(ex - sx)) / 2);
            double c1x = vertical ? sx : sx + Math.signum(ex - sx) * d, c1y = vertical ? sy + Math.signum(ey - sy) * d : sy;
            double c2x = vertical ? ex : ex - Math.signum(ex - sx) * d, c2y = vertical ? ey - Math.signum(ey - sy) * d : ey;
            geometry = new double[] {sx, sy, c1x, c1y, c2x, c2y, ex, ey};
            draw(geometry);
            line.setVisible(true);
            head.setVisible(true);
            label.setOpacity(1);
            // the label sits level with the curve's middle, right of both ends, so it never hides the head
            double my = (sy + 3 * c1y + 3 * c2y + ey) / 8;
            label.relocate(Math.max(sx, ex) + HEAD, my - label.prefHeight(-1) / 2);
            revealed = 1;
        }

        /** The full curve as last routed: start, two control points, tip; null before the first route. */
        double[] geometry() {
            return geometry == null ? null : geometry.clone();
        }

        /** Draws the first {@code f} (0..1) of the curve from its start, the head at the end drawn: a pointer being drawn or withdrawn. */
        void reveal(double f) {
            if (geometry == null) return;
            double t = Math.max(0, Math.min(1, f));
            revealed = t;
            draw(t >= 1 ? geometry : subcurve(geometry, t));
            label.setOpacity(t >= 1 ? 1 : 0);
            head.setVisible(t > 0.02);
            line.setVisible(t > 0.02);
        }

        double revealed() {
            return revealed;
        }

        /** The part [0, t] of a cubic curve, by de Casteljau: exactly the same curve, stopped early. */
        static double[] subcurve(double[] g, double t) {
            double x01 = g[0] + t * (g[2] - g[0]), y01 = g[1] + t * (g[3] - g[1]);
            double x12 = g[2] + t * (g[4] - g[2]), y12 = g[3] + t * (g[5] - g[3]);
            double x23 = g[4] + t * (g[6] - g[4]), y23 = g[5] + t * (g[7] - g[5]);
            double xa = x01 + t * (x12 - x01), ya = y01 + t * (y12 - y01);
            double xb = x12 + t * (x23 - x12), yb = y12 + t * (y23 - y12);
            double xe = xa + t * (xb - xa), ye = ya + t * (yb - ya);
            return new double[] {g[0], g[1], x01, y01, xa, ya, xe, ye};
        }

        private void draw(double[] g) {
            double sx = g[0], sy = g[1], ex = g[6], ey = g[7];
            line.setStartX(sx);
            line.setStartY(sy);
            line.setControlX1(g[2]);
            line.setControlY1(g[3]);
            line.setControlX2(g[4]);
            line.setControlY2(g[5]);
            double dx = ex - g[4], dy = ey - g[5], len = Math.hypot(dx, dy);
            if (len < 1e-6) {
                dx = ex - sx;
                dy = ey - sy;
                len = Math.hypot(dx, dy);
            }
            if (len < 1e-6) { dx = 0; dy = 1; len = 1; }
            dx /= len;
            dy /= len;
            // the line stops at the head's base so a thick or dashed stroke does not blunt the tip
            line.setEndX(ex - dx * HEAD * 0.8);
            line.setEndY(ey - dy * HEAD * 0.8);
            double bx = ex - dx * HEAD, by = ey - dy * HEAD, px = -dy * HEAD * 0.5, py = dx * HEAD * 0.5;
            head.getPoints().setAll(ex, ey, bx + px, by + py, bx - px, by - py);
        }

        /** A copy of an arrow as it was drawn (its classes and full curve), for an animation to fade or withdraw. */
        static Arrow ghost(String id, List<String> classes, double[] geometry) {
            Arrow a = new Arrow(id);
            a.getStyleClass().setAll(classes);
            a.getStyleClass().add("ghost");
            a.label.setVisible(false);
            a.geometry = geometry.clone();
            a.draw(a.geometry);
            return a;
        }
    }
}
