package sessionlab.app.view.map;

import javafx.scene.layout.Region;

/**
 * A small bar: age as a fraction of the timeout. Its size comes from CSS in em, so it scales with the
 * map's font size; the fill is laid out here because CSS cannot express "fraction of the parent".
 */
final class AgeBar extends Region {
    private final Region fill = new Region();
    private double fraction;

    AgeBar() {
        getStyleClass().add("age-bar");
        fill.getStyleClass().add("age-fill");
        fill.setManaged(false);
        getChildren().add(fill);
    }

    void setFraction(double f) {
        double clamped = Double.isNaN(f) ? 0 : Math.max(0, Math.min(1, f));
        if (clamped != fraction) {
            fraction = clamped;
            requestLayout();
        }
    }

    double fraction() {
        return fraction;
    }

    @Override
    protected void layoutChildren() {
        var in = getInsets();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        fill.resizeRelocate(in.getLeft(), in.getTop(), snapSizeX(w * fraction), h);
    }
}
