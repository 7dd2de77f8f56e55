package sessionlab.app.view.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import sessionlab.app.model.History;
import sessionlab.app.playback.Playback;

/**
 * The scrubber: a slider over the cursor (-1, before the first event, to size-1) that seeks while dragged,
 * with clickable markers above it (statements, tickets, evictions, expectation results, errors).
 * The slider follows the cursor except while the user drags it: then the drag wins.
 */
final class Scrubber extends Region {
    private static final double STRIP = 24;
    private final Playback playback;
    private final Slider slider = new Slider(-1, -1, -1);
    private final Pane strip = new Pane();
    private final List<MarkerNode> markers = new ArrayList<>();
    private boolean following;
    private double placedWidth = -1;
    private List<MarkerNode> placedMarkers;
    private int placedCount = -1;

    /** A marker on the strip; its user data is its {@link Markers.Marker}. */
    static final class MarkerNode extends Region {
        final Markers.Marker marker;

        MarkerNode(Markers.Marker marker, Playback playback) {
            this.marker = marker;
            setUserData(marker);
            getStyleClass().addAll("marker", marker.kind().styleClass);
            if (marker.extraClass() != null) getStyleClass().add(marker.extraClass());
            setOnMouseClicked(e -> playback.seek(marker.index()));
            setOnMouseEntered(e -> {
                if (getProperties().get("tooltip") == null) {
                    Tooltip t = new Tooltip(marker.text() + "\nevent " + (marker.index() + 1));
                    Tooltip.install(this, t);
                    getProperties().put("tooltip", t);
                }
            });
        }
    }

    Scrubber(Playback playback) {
        this.playback = playback;
        getStyleClass().add("scrubber-pane");
        slider.setId("scrubber");
        slider.setFocusTraversable(false);
        slider.setBlockIncrement(1);
        strip.getStyleClass().add("scrubber-markers");
        strip.setManaged(false);
        getChildren().addAll(strip, slider);
        slider.valueProperty().addListener((o, a, b) -> {
            if (following) return;
            int c = (int) Math.round(b.doubleValue());
            if (c != playback.cursorProperty().get()) playback.seek(c);
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) follow();
        });
        playback.cursorProperty().addListener((o, a, b) -> {
            if (!slider.isValueChanging()) follow();
        });
        playback.historyProperty().addListener((o, a, b) -> load(b));
        load(playback.history());
    }

    private void follow() {
        following = true;
        try {
            slider.setValue(playback.cursorProperty().get());
        } finally {
            following = false;
        }
    }

    private void load(History history) {
        following = true;
        try {
            slider.setMin(-1);
            slider.setMax(Math.max(-1, history.size() - 1));
            slider.setDisable(history.size() == 0);
        } finally {
            following = false;
        }
        follow();
        markers.clear();
        for (Markers.Marker m : Markers.of(history)) markers.add(new MarkerNode(m, playback));
        placedWidth = -1;
        strip.getChildren().setAll(markers);
        requestLayout();
    }

    Slider slider() {
        return slider;
    }

    List<MarkerNode> markers() {
        return markers;
    }

    /** The x (in this pane) of the slider's thumb centre at cursor {@code index}. */
    double xOf(int index) {
        Node thumb = slider.lookup(".thumb");
        return xOf(index, thumb == null ? 0 : thumb.getLayoutBounds().getWidth());
    }

    private double xOf(int index, double thumbWidth) {
        Insets in = slider.getInsets();
        double travel = slider.getWidth() - in.getLeft() - in.getRight() - thumbWidth;
        double range = slider.getMax() - slider.getMin();
        double f = range <= 0 ? 0 : (index - slider.getMin()) / range;
        return slider.getLayoutX() + in.getLeft() + thumbWidth / 2 + f * travel;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + STRIP + slider.prefHeight(width) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 120;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double w = getWidth() - x - snappedRightInset();
        double top = snappedTopInset();
        slider.resizeRelocate(x, top + STRIP, w, slider.prefHeight(w));
        slider.layout();
        strip.resizeRelocate(0, top, getWidth(), STRIP);
        // the thumb moving (every step) lays the pane out again; the markers only move when the size or the run does
        Node knob = slider.lookup(".thumb");
        double sliderWidth = slider.getWidth() + 10_000 * (knob == null ? 0 : knob.getLayoutBounds().getWidth());
        if (sliderWidth == placedWidth && markers == placedMarkers && markers.size() == placedCount) return;
        placedWidth = sliderWidth;
        placedMarkers = markers;
        placedCount = markers.size();
        Map<Markers.Kind, Double> lastX = new HashMap<>();
        Node thumb = slider.lookup(".thumb");
        double thumbWidth = thumb == null ? 0 : thumb.getLayoutBounds().getWidth();
        for (MarkerNode n : markers) {
            double size = n.prefWidth(-1);
            double h = n.prefHeight(-1);
            double cx = xOf(n.marker.index(), thumbWidth);
            double y = switch (n.marker.kind()) {
                case PASS, FAIL, ERROR -> 1;
                case TICKET, EVICTION -> 9;
                case STATEMENT -> STRIP - h;
            };
            n.resizeRelocate(cx - size / 2, y, size, h);
            Double prev = lastX.get(n.marker.kind());
            boolean crowded = prev != null && cx - prev < 2 && n.marker.kind() != Markers.Kind.FAIL;
            n.setVisible(!crowded);
            if (!crowded) lastX.put(n.marker.kind(), cx);
        }
    }
}
