package sessionlab.app.view.wire;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * The lane's text, as rectangles: every label placed takes its rectangle, and a label goes only where it
 * overlaps none and stays inside the lane. Labels are placed most important first (fixed ones, the current
 * record's flight, then the rest), so when the lane is crowded it is the least important that give way.
 */
final class LabelSpace {
    /** Space kept around every label so that two never touch. */
    static final double PAD = 1.5;
    /** Taken rectangles by 64 px column of the lane, so that a check looks only at its neighbours. */
    private static final double COLUMN = 64;
    private final java.util.Map<Integer, List<Bounds>> taken = new java.util.HashMap<>();
    private final Bounds lane;

    LabelSpace(Bounds lane) {
        this.lane = lane;
    }

    boolean inside(Bounds b) {
        return b.getMinX() >= lane.getMinX() && b.getMaxX() <= lane.getMaxX() && b.getMinY() >= lane.getMinY() && b.getMaxY() <= lane.getMaxY();
    }

    boolean free(Bounds b) {
        if (!inside(b)) return false;
        for (int c = column(b.getMinX() - PAD); c <= column(b.getMaxX() + PAD); c++) {
            for (Bounds t : taken.getOrDefault(c, List.of())) {
                if (b.getMinX() < t.getMaxX() + PAD && t.getMinX() < b.getMaxX() + PAD && b.getMinY() < t.getMaxY() + PAD
                        && t.getMinY() < b.getMaxY() + PAD) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int column(double x) {
        return (int) Math.floor(x / COLUMN);
    }

    /** Takes {@code b} if it is free; says whether it did. */
    boolean take(Bounds b) {
        if (!free(b)) return false;
        reserve(b);
        return true;
    }

    /** Takes {@code b} whatever is there (a fixed label drawn in any case). */
    void reserve(Bounds b) {
        for (int c = column(b.getMinX()); c <= column(b.getMaxX()); c++) taken.computeIfAbsent(c, k -> new ArrayList<>()).add(b);
    }

    static Bounds box(double x, double y, double w, double h) {
        return new BoundingBox(x, y, w, h);
    }
}
