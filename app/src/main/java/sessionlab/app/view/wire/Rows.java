package sessionlab.app.view.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Rows of labels: finds the first row, from a preferred one, where a label does not overlap another, or
 * says there is none (the label is then hidden; its tooltip still tells).
 */
final class Rows {
    /** Where a label went: its row and its left edge. */
    record Slot(int row, double x) {}

    private final List<List<double[]>> taken = new ArrayList<>();
    private final double min;
    private final double limit;

    /** @param min no label may start left of this x; @param limit no label may end right of this x */
    Rows(int count, double min, double limit) {
        for (int i = 0; i < Math.max(1, count); i++) taken.add(new ArrayList<>());
        this.min = min;
        this.limit = limit;
    }

    /**
     * The first free row from {@code preferred} (wrapping). {@code xAt} gives the label's left edge in a row;
     * a label may move right by up to {@code maxShift} to find room. Null when there is no room.
     */
    Slot place(int preferred, IntToDoubleFunction xAt, double width, double maxShift) {
        return place(preferred, false, xAt, width, maxShift);
    }

    /** As {@link #place(int, IntToDoubleFunction, double, double)}, searching upward from the last row if {@code fromBottom}. */
    Slot place(int preferred, boolean fromBottom, IntToDoubleFunction xAt, double width, double maxShift) {
        int n = taken.size();
        for (int i = 0; i < n; i++) {
            int step = (preferred + i) % n;
            int row = fromBottom ? n - 1 - step : step;
            double x = xAt.applyAsDouble(row);
            double free = firstFree(row, x, width, x + maxShift);
            if (!Double.isNaN(free)) {
                taken.get(row).add(new double[] {free, free + width});
                return new Slot(row, free);
            }
        }
        return null;
    }

    /** Takes a row whether or not it is free (for a label that must show). */
    Slot force(int row, IntToDoubleFunction xAt, double width) {
        int r = row % taken.size();
        double x = xAt.applyAsDouble(r);
        taken.get(r).add(new double[] {x, x + width});
        return new Slot(r, x);
    }

    private double firstFree(int row, double x, double width, double maxX) {
        double candidate = x;
        boolean moved = true;
        while (moved) {
            moved = false;
            if (candidate > maxX || candidate + width > limit || candidate < min) return Double.NaN;
            for (double[] r : taken.get(row)) {
                if (candidate < r[1] && r[0] < candidate + width) {
                    candidate = r[1] + 1;
                    moved = true;
                }
            }
        }
        return candidate;
    }
}
