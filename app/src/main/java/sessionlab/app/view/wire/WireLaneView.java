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
import sessionlab.app.model.Transition;

/**
 * The wire lane: a client line (top) and a server line (bottom) on virtual time. Every TLS record is an arrow
 * from sender to receiver, API calls are ticks on their side, and the stretch where a TLS 1.3 client has
 * finished its handshake but not read a ticket is shaded as "no resumable session yet". Shows at most
 * {@link #MAX_RECORDS} records (the most recent by time) and says so in a corner.
 *
 * <p>Records sent together (one flight: same connection, direction and times) share one label, and every label is
 * placed where it overlaps no other text and is not cut by the lane's edge ({@link LabelSpace}); a label with no
 * such place is left out (its arrow's tooltip still names it). Each NewSessionTicket is a {@link TicketToken}: it
 * rides its record at the virtual time the playback's clock gives ({@link #animate}) and waits on the client line,
 * "arrived, not read yet", until the client's SSL_read takes it.
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
    private final Group tokenLayer = new Group();
    private final List<TicketToken> tokens = new ArrayList<>();
    private final Map<String, TicketToken> tokenCache = new HashMap<>();
    private final Map<String, Text> waitingLabels = new HashMap<>();
    private final Group waitingLayer = new Group();
    private Transition transition;
    private double progress = 1;
    private double clockTime = Double.NaN;
    private LabState state = LabState.EMPTY;
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
    private WireIndex index;
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
        for (Node n : List.of(tokenLayer, waitingLayer)) n.setManaged(false);
        getChildren().addAll(gapLayer, clientLine, serverLine, axisLayer, clientName, serverName, callLayer, nowLine, recordLayer,
                tokenLayer, waitingLayer, nowLabel, legend, windowNote);
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
        this.state = state == null ? LabState.EMPTY : state;
        transition = null;
        progress = 1;
        clockTime = Double.NaN;
        if (history != null && (index == null || index.history != history)) index = new WireIndex(history);
        model = history == null ? new WireModel(new History(List.of()), LabState.EMPTY, MAX_RECORDS, MAX_CALLS)
                : new WireModel(index, state, MAX_RECORDS, MAX_CALLS);
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
        syncTokens();
        requestLayout();
    }

    /**
     * Draws the moving things at virtual time {@code clockMs} during {@code t} (null at rest) at {@code progress}:
     * the tickets on their way, and the "now" line. Call it after {@link #show} of {@code t.after()}.
     */
    public void animate(Transition t, double progress, double clockMs) {
        transition = t;
        this.progress = progress;
        clockTime = clockMs;
        placeTokens();
        placeNow();
    }

    /** The tickets drawn: on their way, waiting at the client, or being taken. */
    public List<TicketToken> tokens() {
        return tokens.stream().filter(Node::isVisible).toList();
    }

    /** The "arrived, not read yet" labels shown, by connection. */
    public Map<String, Text> waitingLabels() {
        Map<String, Text> out = new LinkedHashMap<>();
        waitingLabels.forEach((k, v) -> {
            if (v.isVisible()) out.put(k, v);
        });
        return out;
    }

    private double clock() {
        return Double.isNaN(clockTime) ? model.now : clockTime;
    }

    private void syncTokens() {
        tokens.clear();
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (LabState.TicketView t : state.tickets()) {
            if (t.recordSeq() < 0 || !arrowCache.containsKey(t.recordSeq())) continue;
            String key = t.key();
            keep.add(key);
            TicketToken token = tokenCache.computeIfAbsent(key, k -> new TicketToken());
            token.update(t, "in-flight");
            tokens.add(token);
        }
        tokenCache.keySet().retainAll(keep);
        Children.sync(tokenLayer, tokens);
        java.util.Set<String> conns = new java.util.HashSet<>();
        for (TicketToken t : tokens) conns.add(t.ticket().conn());
        for (String c : conns) waitingLabels.computeIfAbsent(c, k -> {
            Text l = new Text();
            l.getStyleClass().add("waiting-label");
            l.setId("waiting-" + k);
            return l;
        });
        waitingLabels.keySet().retainAll(conns);
        Children.sync(waitingLayer, List.copyOf(waitingLabels.values()));
    }

    private boolean takenNow(LabState.TicketView t) {
        if (transition == null || progress >= 1) return false;
        for (Transition.TicketMoved m : transition.of(Transition.TicketMoved.class)) {
            if (m.taken() && m.after().key().equals(t.key())) return true;
        }
        return false;
    }

    /** Puts each ticket where it is at the clock's time; hides those not sent yet or taken before this step. */
    private void placeTokens() {
        double now = clock();
        Map<String, Integer> waitingCount = new HashMap<>();
        Map<String, double[]> waitingAt = new HashMap<>();
        for (TicketToken token : tokens) {
            LabState.TicketView t = token.ticket();
            RecordArrow a = arrowCache.get(t.recordSeq());
            boolean taken = takenNow(t);
            boolean read = t.readAt() >= 0 && !taken;
            if (a == null || read || now < t.sentAt()) {
                token.setVisible(false);
                continue;
            }
            token.setVisible(true);
            double x1 = a.startX(), y1 = a.startY(), x2 = a.endX(), y2 = a.endY();
            if (taken || now >= t.arrivesAt()) {
                String c = t.conn();
                int i = waitingCount.merge(c, 1, Integer::sum) - 1;
                double x = x2 - 10 - i * 17, y = y2 - 8;
                token.at(x, y);
                if (taken) {
                    double q = Transition.mapProgress(progress, transition.travels());
                    token.setOpacity(1 - q);
                    token.setScaleX(1 + q);
                    token.setScaleY(1 + q);
                    token.update(t, "taken");
                } else {
                    token.setOpacity(1);
                    token.setScaleX(1);
                    token.setScaleY(1);
                    token.update(t, "waiting");
                    waitingAt.merge(c, new double[] {x, y, 1}, (o, n) -> new double[] {Math.min(o[0], n[0]), o[1], o[2] + 1});
                }
            } else {
                double f = t.arrivesAt() == t.sentAt() ? 1 : Math.max(0, Math.min(1, (now - t.sentAt()) / (t.arrivesAt() - t.sentAt())));
                token.at(x1 + f * (x2 - x1), y1 + f * (y2 - y1));
                token.setOpacity(1);
                token.setScaleX(1);
                token.setScaleY(1);
                token.update(t, "in-flight");
            }
        }
        waitingLabels.forEach((conn, label) -> label.setVisible(waitingAt.containsKey(conn) && waitingShown.contains(conn)));
    }

    /** Which waiting labels found a place at the last layout (they are placed for the state at rest). */
    private final java.util.Set<String> waitingShown = new java.util.HashSet<>();

    private void placeNow() {
        double nowX = scale.x(Math.round(clock()));
        double top = snappedTopInset();
        double bottom = getHeight() - snappedBottomInset();
        double axisY = bottom - 16;
        setLine(nowLine, nowX, clientY - callRows() * ROW - 6, nowX, axisY);
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

    /** Below {@link #ROOMY} px the lane keeps one row of call names per side instead of two. */
    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }

    static final double ROOMY = 200;

    private int callRows() {
        return getHeight() < ROOMY ? 1 : 2;
    }

    @Override
    protected void layoutChildren() {
        pseudoClassStateChanged(STANDALONE, !themed(this));
        double top = snappedTopInset();
        double left = snappedLeftInset() + LEFT;
        double right = Math.max(left + 40, getWidth() - snappedRightInset() - RIGHT);
        double bottom = getHeight() - snappedBottomInset();
        int callRows = callRows();
        clientY = top + 20 + callRows * ROW + 8;
        serverY = Math.max(clientY + (callRows == 1 ? 56 : 80), bottom - 18 - callRows * ROW - 8);
        scale.fit(left, right);
        LabelSpace space = new LabelSpace(LabelSpace.box(snappedLeftInset(), top, getWidth() - snappedLeftInset() - snappedRightInset(),
                bottom - top));

        windowNote.resizeRelocate(snappedLeftInset() + 4, top + 1, windowNote.prefWidth(-1), windowNote.prefHeight(-1));
        if (windowNote.isVisible()) space.reserve(windowNote.getBoundsInParent());
        double lw = legend.prefWidth(-1);
        legend.resizeRelocate(right - lw, top + 2, lw, legend.prefHeight(-1));
        if (!legend.getChildren().isEmpty()) space.reserve(legend.getBoundsInParent());
        setLine(clientLine, left, clientY, right, clientY);
        setLine(serverLine, left, serverY, right, serverY);
        clientName.setX(snappedLeftInset() + 6);
        clientName.setY(clientY + 4);
        serverName.setX(snappedLeftInset() + 6);
        serverName.setY(serverY + 4);
        space.reserve(clientName.getBoundsInParent());
        space.reserve(serverName.getBoundsInParent());
        double nowX = scale.x(model.now);
        double axisY = bottom - 16;
        setLine(nowLine, nowX, clientY - callRows * ROW - 6, nowX, axisY);
        double nowWidth = nowLabel.getLayoutBounds().getWidth();
        double nowLeft = Math.max(left - 4, Math.min(nowX - nowWidth / 2, getWidth() - snappedRightInset() - nowWidth - 2));
        nowLabel.setX(nowLeft);
        nowLabel.setY(axisY + 12);
        if (nowLabel.isVisible()) space.reserve(nowLabel.getBoundsInParent());

        axis.paint(scale, clientY, serverY, axisY, left,
                nowLine.isVisible() ? nowLeft - 6 : 0, nowLine.isVisible() ? nowLeft + nowWidth + 6 : 0);
        for (Text t : axis.texts()) {
            if (t.isVisible()) t.setVisible(space.take(t.getBoundsInParent()));
        }
        int gapRows = placeGaps(space);
        placeRecords(gapRows, space);
        placeTokens();
        placeWaitingLabels(space);
        placeCalls(space);
    }

    /** The distance from a text's top to its baseline. */
    static double ascent(Text t) {
        return t.getY() - t.getLayoutBounds().getMinY();
    }

    private static void setLine(Line l, double x1, double y1, double x2, double y2) {
        l.setStartX(x1);
        l.setStartY(y1);
        l.setEndX(x2);
        l.setEndY(y2);
    }

    private int placeGaps(LabelSpace space) {
        int used = 0;
        for (GapBand band : gapBands) {
            double x0 = scale.x(band.gap().fromMs());
            double x1 = Math.max(x0 + 2, scale.x(band.gap().toMs()));
            double y = clientY + 2;
            band.place(x0, x1, y, ROW - 2, true);
            used = 1;
            Text label = band.label();
            band.place(x0, x1, y, ROW - 2, space.take(label.getBoundsInParent()));
        }
        return used;
    }

    private void placeCalls(LabelSpace space) {
        for (CallMarker c : calls) {
            WireModel.CallMark m = c.mark();
            double x = scale.x(Math.max(model.windowStart, m.calledAt()));
            double end = scale.x(m.returned() ? m.returnedAt() : model.now);
            double y = c.server() ? serverY : clientY;
            double w = c.labelWidth();
            Text label = c.label();
            double h = label.getLayoutBounds().getHeight();
            double ascent = ascent(label);
            double lx = Double.NaN, ly = 0;
            search:
            for (int row = 0; row < callRows(); row++) {
                double baseline = c.server() ? serverY + 18 + row * ROW : clientY - 9 - row * ROW;
                for (double shift = 0; shift <= 3 * ROW + 80; shift += 6) {
                    for (double cand : new double[] {x + 2 + shift, x - w - 2 - shift}) {
                        if (space.take(LabelSpace.box(cand, baseline - ascent, w - 6, h))) {
                            lx = cand;
                            ly = baseline;
                            break search;
                        }
                    }
                }
            }
            c.place(x, end, y, lx, ly);
        }
    }

    /** One label per flight (records of one connection and direction sent at the same time), the current flight first. */
    private void placeRecords(int gapRows, LabelSpace space) {
        double firstRow = clientY + gapRows * ROW + ROW + 4;
        int rowCount = (int) Math.max(1, Math.floor((serverY - 10 - firstRow) / ROW) + 1);
        Map<String, List<RecordArrow>> flights = new LinkedHashMap<>();
        for (RecordArrow a : arrows) flights.computeIfAbsent(key(a.record()), k -> new ArrayList<>()).add(a);
        List<List<RecordArrow>> order = new ArrayList<>(flights.values());
        order.sort(java.util.Comparator.comparingInt(f -> f.stream().anyMatch(a -> a.record().seq() == model.currentSeq) ? 0 : 1));
        for (List<RecordArrow> flight : flights.values()) {
            int n = flight.size();
            for (int k = 0; k < n; k++) {
                RecordArrow a = flight.get(k);
                WireView r = a.record();
                double spread = Math.min(9, 48.0 / Math.max(1, n - 1));
                double dx = (k - (n - 1) / 2.0) * spread;
                boolean toServer = r.clientToServer();
                double x1 = scale.x(r.sentAt()) + dx, x2 = scale.x(r.arrivesAt()) + dx;
                a.place(x1, toServer ? clientY : serverY, x2, toServer ? serverY : clientY, Double.NaN, 0);
            }
        }
        for (List<RecordArrow> flight : order) {
            RecordArrow carrier = flight.get(flight.size() / 2);
            boolean toServer = carrier.record().clientToServer();
            double x1 = carrier.startX(), y1 = carrier.startY(), x2 = carrier.endX(), y2 = carrier.endY();
            boolean placed = false;
            for (String text : flightTexts(flight)) {
                carrier.setLabelText(text);
                double w = carrier.labelWidth(), h = carrier.labelHeight(), ascent = carrier.labelAscent();
                for (int i = 0; i < rowCount && !placed; i++) {
                    int row = toServer ? i : rowCount - 1 - i;
                    double baseline = firstRow + row * ROW;
                    double at = RecordArrow.xAt(x1, y1, x2, y2, baseline);
                    for (double lx : new double[] {at + 4, at - w - 4}) {
                        if (space.take(LabelSpace.box(lx, baseline - ascent, w - 4, h))) {
                            carrier.place(x1, y1, x2, y2, lx, baseline);
                            placed = true;
                            break;
                        }
                    }
                }
                if (placed) break;
            }
            if (!placed) carrier.setLabelText(carrier.record().label());
        }
    }

    /** A flight's label, longest first: every record, then first and last, then the first and a count, then a count. */
    static List<String> flightTexts(List<RecordArrow> flight) {
        List<String> names = flight.stream().map(a -> a.record().label()).toList();
        if (names.size() == 1) return names;
        int n = names.size();
        if (names.stream().distinct().count() == 1) return List.of(names.getFirst() + " ×" + n, n + " records");
        return List.of(String.join(" · ", names), names.getFirst() + " … " + names.getLast() + " (" + n + ")",
                names.getFirst() + " +" + (n - 1), n + " records");
    }

    /** "arrived, not read yet" next to the tickets waiting on the client line at rest. */
    private void placeWaitingLabels(LabelSpace space) {
        waitingShown.clear();
        Map<String, Double> leftmost = new HashMap<>();
        for (TicketToken t : tokens) {
            if (!t.isVisible() || !t.getStyleClass().contains("waiting")) continue;
            leftmost.merge(t.ticket().conn(), t.centerX() - 7, Math::min);
        }
        waitingLabels.forEach((conn, label) -> {
            Double x = leftmost.get(conn);
            if (x == null) {
                label.setVisible(false);
                return;
            }
            long n = tokens.stream().filter(t -> t.isVisible() && t.getStyleClass().contains("waiting") && t.ticket().conn().equals(conn)).count();
            label.setText((n == 1 ? "ticket" : n + " tickets") + " arrived, not read yet");
            double w = label.getLayoutBounds().getWidth(), h = label.getLayoutBounds().getHeight(), ascent = ascent(label);
            for (int row = 0; row < callRows(); row++) {
                double baseline = clientY - 9 - row * ROW;
                for (double lx : new double[] {x - w - 4, x + 40}) {
                    if (space.take(LabelSpace.box(lx, baseline - ascent, w, h))) {
                        label.setX(lx);
                        label.setY(baseline);
                        waitingShown.add(conn);
                        label.setVisible(true);
                        return;
                    }
                }
            }
            label.setVisible(false);
        });
    }

    private static String key(WireView r) {
        return r.direction() + r.sentAt() + ">" + r.arrivesAt();
    }
}
