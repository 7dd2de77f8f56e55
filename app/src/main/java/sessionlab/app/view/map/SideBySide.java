package sessionlab.app.view.map;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Two parts of a column, side by side when the first fits at its preferred width and the second at its minimum, else one above the other at the
 * column's width: a wide window (presenter mode) puts a context next to its SSL objects and saves a row.
 */
final class SideBySide extends Pane {
    private final Node first;
    private final Node second;
    private final double gap;

    SideBySide(Node first, Node second, double gap) {
        this.first = first;
        this.second = second;
        this.gap = gap;
        getChildren().addAll(first, second);
    }

    private boolean both() {
        return first.isManaged() && second.isManaged();
    }

    /**
     * Side by side when the second part (a flow of boxes, it may wrap) has room for its widest box next to the first
     * part, and that is no taller than one above the other.
     */
    private boolean fits(double width) {
        if (width < 0) return true;
        double a = first.prefWidth(-1);
        if (a + gap + second.minWidth(-1) > width) return false;
        double side = Math.max(first.prefHeight(a), second.prefHeight(width - gap - a));
        double stacked = first.prefHeight(width) + gap + second.prefHeight(width);
        return side <= stacked;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double a = first.isManaged() ? first.prefWidth(-1) : 0, b = second.isManaged() ? second.prefWidth(-1) : 0;
        return snappedLeftInset() + (both() ? a + gap + b : Math.max(a, b)) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        double h;
        if (!both()) {
            Node only = first.isManaged() ? first : second;
            h = only.isManaged() ? only.prefHeight(w) : 0;
        } else if (w >= 0 && fits(w)) {
            h = Math.max(first.prefHeight(first.prefWidth(-1)), second.prefHeight(w - gap - first.prefWidth(-1)));
        } else {
            h = first.prefHeight(w) + gap + second.prefHeight(w);
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset(), y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        if (!both()) {
            for (Node n : new Node[] {first, second}) if (n.isManaged()) n.resizeRelocate(x, y, w, n.prefHeight(w));
            return;
        }
        if (fits(w)) {
            double a = first.prefWidth(-1);
            first.resizeRelocate(x, y, a, first.prefHeight(a));
            double b = w - gap - a;
            second.resizeRelocate(x + a + gap, y, b, second.prefHeight(b));
        } else {
            double h = first.prefHeight(w);
            first.resizeRelocate(x, y, w, h);
            second.resizeRelocate(x, y + h + gap, w, second.prefHeight(w));
        }
    }
}
