package sessionlab.app.view.map;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows the whole memory map without scrolling: when the map at full size is taller than the space it has, it is
 * laid out wider and scaled down until it fits (its boxes wrap less, so it gets shorter). It never scales below its
 * minimum ({@link #MIN_SCALE}, or what presenter mode sets to keep its text large); past that it scrolls, rather than
 * shrink text out of legibility, and keeps what the current statement touched in view ({@link #reveal}).
 */
public final class MapViewport extends ScrollPane {
    public static final double MIN_SCALE = 0.6;
    private final MemoryMapView map;
    private final Zoom zoom;
    private final ReadOnlyDoubleWrapper fit = new ReadOnlyDoubleWrapper(this, "fit", 1);
    private double minScale = MIN_SCALE;
    private java.util.List<javafx.scene.Node> keepInView = java.util.List.of();

    public MapViewport(MemoryMapView map) {
        this.map = map;
        this.zoom = new Zoom();
        setContent(zoom);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        getStyleClass().add("map-viewport");
        viewportBoundsProperty().addListener((o, a, b) -> {
            if (a == null || a.getHeight() != b.getHeight() || a.getWidth() != b.getWidth()) zoom.requestLayout();
        });
    }

    public MemoryMapView map() {
        return map;
    }

    /** The scale the map is drawn at: 1 when it fits as it is. */
    public ReadOnlyDoubleProperty fitProperty() {
        return fit.getReadOnlyProperty();
    }

    public double getFit() {
        return fit.get();
    }

    /** The smallest scale the map may be drawn at before it scrolls instead. */
    public void setMinScale(double s) {
        minScale = Math.max(0.1, Math.min(1, s));
        zoom.requestLayout();
    }

    /** Nodes of the map to scroll into view when the map does not fit (what the current statement touched). */
    public void reveal(java.util.List<javafx.scene.Node> nodes) {
        keepInView = java.util.List.copyOf(nodes);
        zoom.requestLayout();
    }

    /** The largest scale (≤ 1, ≥ {@code min}) at which the map laid out {@code width / s} wide is at most {@code height} tall. */
    static double fit(Region map, double width, double height, double min) {
        if (width <= 0 || height <= 0) return 1;
        if (map.prefHeight(width) <= height) return 1;
        if (map.prefHeight(width / min) * min > height) return min;
        double lo = min, hi = 1;
        for (int i = 0; i < 7; i++) {
            double mid = (lo + hi) / 2;
            if (map.prefHeight(width / mid) * mid <= height) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /** The scroll pane's content: the map, scaled from its top left corner. */
    private final class Zoom extends Region {
        private final Scale scale = new Scale(1, 1, 0, 0);

        Zoom() {
            getChildren().add(map);
            map.getTransforms().add(scale);
        }

        private double viewportHeight() {
            Bounds b = getViewportBounds();
            return b == null ? 0 : b.getHeight();
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = width < 0 ? getViewportBounds().getWidth() : width;
            double s = fit(map, w, viewportHeight(), minScale);
            return map.prefHeight(w / s) * s;
        }

        @Override
        protected double computePrefWidth(double height) {
            return map.prefWidth(-1) * fit.get();
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double s = fit(map, w, viewportHeight(), minScale);
            fit.set(s);
            scale.setX(s);
            scale.setY(s);
            double mw = w / s;
            double mh = Math.max(viewportHeight() / s, map.prefHeight(mw));
            map.resizeRelocate(0, 0, mw, mh);
            if (mh * s > viewportHeight() + 1 && !keepInView.isEmpty()) scrollTo(s, mh * s);
        }

        /** Scrolls so that the nodes to keep in view are, from their top, as far as they go. */
        private void scrollTo(double s, double height) {
            map.layout();
            double top = Double.MAX_VALUE, bottom = -1;
            for (javafx.scene.Node n : keepInView) {
                Bounds b = ArrowLayer.boundsIn(n, map);
                if (b == null) continue;
                top = Math.min(top, b.getMinY() * s);
                bottom = Math.max(bottom, b.getMaxY() * s);
            }
            if (bottom < 0) return;
            double view = viewportHeight(), range = height - view;
            double y = getVvalue() * range;
            if (top < y) y = top - 8;
            else if (bottom > y + view) y = Math.min(top - 8, bottom - view + 8);
            setVvalue(Math.max(0, Math.min(1, y / range)));
        }
    }
}
