package sessionlab.app.view.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import sessionlab.app.model.History;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.WireView;

/**
 * The wire lane: a client line (top) and a server line (bottom) on virtual time. Every TLS record is an arrow
 * from sender to receiver, API calls are ticks on their side, and the stretch where a TLS 1.3 client has
 * finished its handshake but not read a ticket is shaded as "no resumable session yet". Shows at most
 * {@link #MAX_RECORDS} records (the most recent by time) and says so in a corner.
 */
public final class WireLaneView extends Region {
    public static final int MAX_RECORDS = 200;
    static final int MAX_CALLS = 400;
    static final int COLOURS = 8;
    static final int LEGEND_MAX = 8;
    private static final double ROW = 14;
    private static final double LEFT = 58;
    private static final double RIGHT = 18;
    private static final PseudoClass STANDALONE = PseudoClass.getPseudoClass("standalone");

    /** The shaded "no resumable session yet" stretch of a client connection, in virtual ms. */
    public record Gap(String conn, long fromMs, long toMs, boolean open) {}

    private final Group gapLayer = new Group();
    private final Group axisLayer = new Group();
    private final AxisPainter axis = new AxisPainter(axisLayer);
    private final Group callLayer = new Group();
    private final Group recordLayer = new Group();
    private final Line clientLine = lane("client");
    private final Line serverLine = lane("server");
    private final Text clientName = name("client");
    private final Text serverName = name("server");
    private final Line nowLine = new Line();
    private final Text nowLabel = new Text();
    private final Legend legend = new Legend();
    private final Label windowNote = new Label();
    private final List<RecordArrow> arrows = new ArrayList<>();
    private final List<CallMarker> calls = new ArrayList<>();
    private final Map<Long, RecordArrow> arrowCache = new HashMap<>();
    private final Map<Long, CallMarker> callCache = new HashMap<>();
    private final Map<String, GapBand> gapCache = new HashMap<>();
    private final List<GapBand> gapBands = new ArrayList<>();
    private History shownHistory;
    private Consumer<WireView> selectionHandler = r -> {};
    private WireModel model;
    private TimeScale scale = new TimeScale(List.of());
    private long selectedSeq = -1;
    private double clientY;
    private double serverY;

    public WireLaneView() {
        getStyleClass().add("wire-lane");
        getStylesheets().add(Objects.requireNonNull(WireLaneView.class.getResource("wire-lane.css")).toExternalForm());
        nowLine.getStyleClass().add("now-line");
        nowLabel.getStyleClass().add("now-label");
        windowNote.getStyleClass().add("window-note");
        windowNote.setVisible(false);
        for (Node n : List.of(gapLayer, axisLayer, clientLine, serverLine, nowLine, nowLabel, clientName, serverName, legend, windowNote)) {
            n.setManaged(false);
        }
        getChildren().addAll(gapLayer, clientLine, serverLine, axisLayer, clientName, serverName, callLayer, nowLine, recordLayer,
                nowLabel, legend, windowNote);
        sceneProperty().addListener((o, a, b) -> pseudoClassStateChanged(STANDALONE, !themed(this)));
        parentProperty().addListener((o, a, b) -> pseudoClassStateChanged(STANDALONE, !themed(this)));
        pseudoClassStateChanged(STANDALONE, true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        show(null, LabState.EMPTY);
    }

    /** The palette comes from an enclosing {@code .lab-root}; without one the lane's own defaults apply. */
    private static boolean themed(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) if (p.getStyleClass().contains("lab-root")) return true;
        return false;
    }

    /** Shows events 0..cursor of {@code history}. */
    public void show(History history, int cursor) {
        show(history, history == null ? LabState.EMPTY : history.stateAt(cursor));
    }

    /** Shows {@code state}, which must be {@code history.stateAt(state.cursor())} (saves a second fold). */
    public void show(History history, LabState state) {
        model = history == null ? new WireModel(new History(List.of()), LabState.EMPTY, MAX_RECORDS, MAX_CALLS)
                : new WireModel(history, state, MAX_RECORDS, MAX_CALLS);
        scale = new TimeScale(model.moments);
        if (history != shownHistory) {
            arrowCache.clear();
            callCache.clear();
            gapCache.clear();
            selectedSeq = -1;
            shownHistory = history;
        }
        arrows.clear();
        for (WireView r : model.records) {
            RecordArrow a = arrowCache.computeIfAbsent(r.seq(), k -> {
                RecordArrow made = new RecordArrow(r, model.colourOf(r.conn()));
                made.setOnMouseClicked(e -> select(made));
                return made;
            });
            a.update(r.arrivesAt() > model.now, r.seq() == model.currentSeq, r.seq() == selectedSeq);
            arrows.add(a);
        }
        arrowCache.keySet().retainAll(model.records.stream().map(WireView::seq).collect(Collectors.toSet()));
        Children.sync(recordLayer, arrows);
        calls.clear();
        for (WireModel.CallMark c : model.calls) {
            CallMarker m = callCache.computeIfAbsent(c.seq(), k -> new CallMarker(c));
            m.update(c, c.seq() == model.currentSeq || c.returnSeq() == model.currentSeq);
            calls.add(m);
        }
        callCache.keySet().retainAll(model.calls.stream().map(WireModel.CallMark::seq).collect(Collectors.toSet()));
        Children.sync(callLayer, calls);
        gapBands.clear();
        for (Gap g : model.gaps) {
            GapBand band = gapCache.computeIfAbsent(g.conn(), k -> new GapBand());
            band.update(g);
            gapBands.add(band);
        }
        gapCache.keySet().retainAll(model.gaps.stream().map(Gap::conn).collect(Collectors.toSet()));
        Children.sync(gapLayer, gapBands);
        Map<String, Integer> connections = new LinkedHashMap<>();
        for (WireView r : model.records) connections.putIfAbsent(WireModel.base(r.conn()), model.colourOf(r.conn()));
        legend.show(connections);
        windowNote.setText(String.format("showing the last %d of %,d records", model.records.size(), model.totalRecords));
        windowNote.setVisible(model.windowed());
        nowLabel.setText("now " + TimeScale.label(model.now));
        boolean started = state != null && state.cursor() >= 0;
        nowLine.setVisible(started);
        nowLabel.setVisible(started);
        requestLayout();
    }

    public void setSelectionHandler(Consumer<WireView> handler) {
        selectionHandler = handler == null ? r -> {} : handler;
    }

    /** The records drawn (at most {@link #MAX_RECORDS}), in the order of the log. */
    public List<RecordArrow> arrows() {
        return List.copyOf(arrows);
    }

    public List<CallMarker> callMarkers() {
        return List.copyOf(calls);
    }

    /** The "no resumable session yet" stretches drawn. */
    public List<Gap> gaps() {
        return List.copyOf(model.gaps);
    }

    /** Whether only the most recent records are drawn. */
    public boolean windowed() {
        return model.windowed();
    }

    public double clientY() {
        return clientY;
    }

    public double serverY() {
        return serverY;
    }

    /** The x of a virtual time on the current axis. */
    public double xOf(long ms) {
        return scale.x(ms);
    }

    private void select(RecordArrow a) {
        selectedSeq = a.record().seq();
        for (RecordArrow other : arrows) other.getStyleClass().remove("selected");
        a.getStyleClass().add("selected");
        selectionHandler.accept(a.record());
    }

    private static Line lane(String side) {
        Line l = new Line();
        l.getStyleClass().addAll("lane-line", side);
        return l;
    }

    private static Text name(String side) {
        Text t = new Text(side);
        t.getStyleClass().addAll("lane-name", side);
        return t;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 820;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 260;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 180;
    }

    @Override
    protected void layoutChildren() {
        pseudoClassStateChanged(STANDALONE, !themed(this));
        double top = snappedTopInset();
        double left = snappedLeftInset() + LEFT;
        double right = Math.max(left + 40, getWidth() - snappedRightInset() - RIGHT);
        double bottom = getHeight() - snappedBottomInset();
        clientY = top + 20 + 2 * ROW + 8;
        serverY = Math.max(clientY + 80, bottom - 18 - 2 * ROW - 8);
        scale.fit(left, right);

        windowNote.resizeRelocate(snappedLeftInset() + 4, top + 1, windowNote.prefWidth(-1), windowNote.prefHeight(-1));
        double lw = legend.prefWidth(-1);
        legend.resizeRelocate(right - lw, top + 2, lw, legend.prefHeight(-1));
        setLine(clientLine, left, clientY, right, clientY);
        setLine(serverLine, left, serverY, right, serverY);
        clientName.setX(snappedLeftInset() + 6);
        clientName.setY(clientY + 4);
        serverName.setX(snappedLeftInset() + 6);
        serverName.setY(serverY + 4);
        double nowX = scale.x(model.now);
        double axisY = bottom - 16;
        setLine(nowLine, nowX, clientY - 2 * ROW - 6, nowX, axisY);
        double nowWidth = nowLabel.getLayoutBounds().getWidth();
        double nowLeft = Math.max(left - 4, Math.min(nowX - nowWidth / 2, getWidth() - snappedRightInset() - nowWidth - 2));
        nowLabel.setX(nowLeft);
        nowLabel.setY(axisY + 12);

        double limit = getWidth() - snappedRightInset();
        double min = left - 6;
        int gapRows = placeGaps(min, limit);
        placeCalls(min, limit);
        placeRecords(gapRows, min, limit);
        axis.paint(scale, clientY, serverY, axisY, left,
                nowLine.isVisible() ? nowLeft - 6 : 0, nowLine.isVisible() ? nowLeft + nowWidth + 6 : 0);
    }

    private static void setLine(Line l, double x1, double y1, double x2, double y2) {
        l.setStartX(x1);
        l.setStartY(y1);
        l.setEndX(x2);
        l.setEndY(y2);
    }

    private int placeGaps(double min, double limit) {
        Rows rows = new Rows(3, min, limit);
        int used = 0;
        for (GapBand band : gapBands) {
            double x0 = scale.x(band.gap().fromMs());
            double x1 = Math.max(x0 + 2, scale.x(band.gap().toMs()));
            Rows.Slot slot = rows.place(0, r -> x0, Math.max(x1 - x0, band.labelWidth() + 6), 0);
            boolean room = slot != null;
            if (!room) slot = rows.force(used, r -> x0, x1 - x0);
            used = Math.max(used, slot.row() + 1);
            band.place(x0, x1, clientY + 2 + slot.row() * ROW, ROW - 2, room);
        }
        return used;
    }

    private void placeCalls(double min, double limit) {
        Rows clientRows = new Rows(2, min, limit);
        Rows serverRows = new Rows(2, min, limit);
        for (CallMarker c : calls) {
            WireModel.CallMark m = c.mark();
            double x = scale.x(Math.max(model.windowStart, m.calledAt()));
            double end = scale.x(m.returned() ? m.returnedAt() : model.now);
            Rows rows = c.server() ? serverRows : clientRows;
            double w = c.labelWidth();
            Rows.Slot slot = rows.place(0, r -> x + 2, w, 3 * ROW + 80);
            if (slot == null) slot = rows.place(0, r -> x - w - 2, w, 0);
            double y = c.server() ? serverY : clientY;
            int row = slot == null ? 0 : slot.row();
            double labelY = c.server() ? serverY + 18 + row * ROW : clientY - 9 - row * ROW;
            c.place(x, end, y, slot == null ? Double.NaN : slot.x(), labelY);
        }
    }

    private void placeRecords(int gapRows, double min, double limit) {
        double firstRow = clientY + gapRows * ROW + ROW + 4;
        int rowCount = (int) Math.max(1, Math.floor((serverY - 10 - firstRow) / ROW) + 1);
        Rows rows = new Rows(rowCount, min, limit);
        Map<String, int[]> groups = new HashMap<>();
        for (RecordArrow a : arrows) groups.computeIfAbsent(key(a.record()), k -> new int[2])[1]++;
        for (RecordArrow a : arrows) {
            WireView r = a.record();
            int[] g = groups.get(key(r));
            int k = g[0]++;
            double spread = Math.min(9, 48.0 / Math.max(1, g[1] - 1));
            double dx = (k - (g[1] - 1) / 2.0) * spread;
            boolean toServer = r.clientToServer();
            double x1 = scale.x(r.sentAt()) + dx;
            double x2 = scale.x(r.arrivesAt()) + dx;
            double y1 = toServer ? clientY : serverY;
            double y2 = toServer ? serverY : clientY;
            IntToDoubleFunction rowY = row -> firstRow + row * ROW;
            double w = a.labelWidth();
            Rows.Slot slot = rows.place(k, !toServer, row -> RecordArrow.xAt(x1, y1, x2, y2, rowY.applyAsDouble(row)) + 4, w, 0);
            if (slot == null) slot = rows.place(k, !toServer, row -> RecordArrow.xAt(x1, y1, x2, y2, rowY.applyAsDouble(row)) - w - 4, w, 0);
            if (slot == null && r.seq() == model.currentSeq) {
                slot = rows.force(toServer ? k : rowCount - 1 - k % rowCount, row -> RecordArrow.xAt(x1, y1, x2, y2, rowY.applyAsDouble(row)) + 4, w);
            }
            a.place(x1, y1, x2, y2, slot == null ? Double.NaN : slot.x(), slot == null ? 0 : rowY.applyAsDouble(slot.row()));
        }
    }

    private static String key(WireView r) {
        return r.direction() + r.sentAt() + ">" + r.arrivesAt();
    }
}
