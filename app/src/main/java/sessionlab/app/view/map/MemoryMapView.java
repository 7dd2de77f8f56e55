package sessionlab.app.view.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.ConnectionView;
import sessionlab.app.model.LabState.ContextView;
import sessionlab.app.model.LabState.SessionView;
import sessionlab.app.model.LabState.VariableView;
import sessionlab.app.model.Touched;
import sessionlab.app.model.Transition;

/**
 * The memory map: client side | server side, each with its SSL_CTX boxes and caches, its SSL objects and
 * their session pointers, its sessions (reference-count badge, resumable light, age) and the scenario
 * names pointing at them. It renders a {@link LabState} and nothing else; {@link #show} is called on the
 * FX thread at every cursor move, reuses its nodes and caps what it draws, so it stays cheap on long runs.
 * It owns no clock: a step's {@link Transition} is drawn at the progress the playback gives ({@link #prepare},
 * {@link #setProgress}), and the objects the current statement touched are marked {@code :touched}.
 *
 * <p>Looks come from {@code memory-map.css}; add the style class {@code dark} to the map (or to any ancestor)
 * for dark colours, and set {@code -fx-font-size} on the map to scale everything.
 */
public final class MemoryMapView extends Region {
    public static final int DEFAULT_SESSION_LIMIT = 10;
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass TOUCHED = PseudoClass.getPseudoClass("touched");

    private final List<Label> changedBadges = new ArrayList<>();
    private final List<Node> touchedNodes = new ArrayList<>();
    private final Pane ghosts = new Pane();
    private final MapTransition transition;
    private final SideColumn client = new SideColumn(MapPlan.CLIENT, "client side", this::select);
    private final SideColumn server = new SideColumn(MapPlan.SERVER, "server side", this::select);
    private final SideColumn other = new SideColumn(MapPlan.OTHER, "side not reported", this::select);
    private final VBox content;
    private final ArrowLayer arrows = new ArrowLayer();
    private MapPlan.Limits limits = new MapPlan.Limits(DEFAULT_SESSION_LIMIT, 8, 12);
    private LabState state = LabState.EMPTY;
    private Touched touched = Touched.NONE;
    private Map<Integer, Long> lastChangedAt = Map.of();
    private Consumer<Object> selectionHandler = o -> { };
    private Object selection;
    private Node selectedNode;

    public MemoryMapView() {
        getStyleClass().add("memory-map");
        getStylesheets().add(Objects.requireNonNull(MemoryMapView.class.getResource("memory-map.css")).toExternalForm());
        GridPane sides = new GridPane();
        sides.getStyleClass().add("sides");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setFillWidth(true);
            sides.getColumnConstraints().add(c);
        }
        sides.add(client, 0, 0);
        sides.add(server, 1, 0);
        GridPane.setValignment(client, VPos.TOP);
        GridPane.setValignment(server, VPos.TOP);
        content = new VBox(sides, other);
        content.getStyleClass().add("map-content");
        ghosts.getStyleClass().add("ghost-layer");
        ghosts.setManaged(false);
        ghosts.setMouseTransparent(true);
        getChildren().addAll(content, ghosts, arrows);
        SessionNode.show(other, false);
        transition = new MapTransition(new MapTransition.Nodes() {
            @Override public Node session(int n) { return sessionNode(n); }
            @Override public SessionNode liveSession(int n) { return liveNode(n); }
            @Override public Label cacheEntry(String ctx, int n) { return entry(ctx, n); }
            @Override public ArrowLayer.Arrow arrow(String id) { return arrows.arrow(id); }
            @Override public Node frame() { return MemoryMapView.this; }
        }, ghosts);
        show(LabState.EMPTY);
    }

    /** Redraws the map to match {@code s}. FX thread only. */
    public void show(LabState s) {
        show(s, Touched.NONE);
    }

    /** Redraws the map to match {@code s}; what {@code touched} names is drawn first and marked {@code :touched}. */
    public void show(LabState s, Touched touched) {
        state = Objects.requireNonNull(s);
        this.touched = touched == null ? Touched.NONE : touched;
        for (SideColumn col : List.of(client, server, other)) {
            MapPlan plan = MapPlan.of(col.side(), s, limits, this.touched);
            col.update(plan, s, this::sessionNode, this.touched);
            if (col == other) SessionNode.show(other, !plan.isEmpty());
        }
        arrows.setLinks(links(s));
        markChanged(s);
        markTouched();
        refreshSelection(s);
        requestLayout();
    }

    /**
     * Records the picture before {@code t} so that, once {@code t.after()} is shown, the step can be drawn from it;
     * call it before {@link #show} of the new state. Null (a jump, a rewind) ends any transition at once.
     */
    public void prepare(Transition t) {
        transition.prepare(t, n -> ArrowLayer.boundsIn(sessionNode(n), this), key -> {
            int hash = key.lastIndexOf('#');
            return ArrowLayer.boundsIn(entry(key.substring(0, hash), Integer.parseInt(key.substring(hash + 1))), this);
        }, arrows::arrow);
    }

    /** Draws the prepared transition at {@code p}, 0 (before) to 1 (the plain picture after). */
    public void setProgress(double p) {
        transition.setProgress(p);
    }

    /** The transition being drawn, or null. */
    public Transition getTransition() {
        return transition.transition();
    }

    /** The nodes drawn only while a transition plays: withdrawn pointers, dying sessions, cache entries leaving. */
    public List<Node> ghosts() {
        return List.copyOf(ghosts.getChildren());
    }

    public LabState getState() {
        return state;
    }

    /**
     * Called with the clicked {@link SessionView}, {@link ConnectionView} or {@link ContextView}; and again after a
     * {@link #show} that changed the selected object (with its new record, or null once it no longer exists), so an
     * inspector stays current while the cursor moves.
     */
    public void setSelectionHandler(Consumer<Object> handler) {
        selectionHandler = handler == null ? o -> { } : handler;
    }

    /** The selected object as of the last {@link #show}, or null. */
    public Object getSelection() {
        return selection;
    }

    /** How many sessions a column draws before folding the rest into "+N more" (default {@value #DEFAULT_SESSION_LIMIT}). */
    public void setSessionLimit(int n) {
        limits = new MapPlan.Limits(Math.max(1, n), limits.connections(), limits.variables());
        show(state);
    }

    public int getSessionLimit() {
        return limits.sessions();
    }

    private SideColumn column(String side) {
        return switch (side) {
            case MapPlan.CLIENT -> client;
            case MapPlan.SERVER -> server;
            default -> other;
        };
    }

    /** The drawn node of session {@code n} (live node or destroyed chip), or null if it is folded away or unknown. */
    private Node sessionNode(int n) {
        SessionView s = state.sessions().get(n);
        return s == null ? null : column(MapPlan.sideOf(s)).sessionNode(n);
    }

    private SessionNode liveNode(int n) {
        SessionView s = state.sessions().get(n);
        return s == null ? null : column(MapPlan.sideOf(s)).liveNode(n);
    }

    /** The drawn cache entry of session {@code n} in context {@code ctx}, or null. */
    private Label entry(String ctx, int n) {
        ContextView c = state.contexts().get(ctx);
        ContextBox box = c == null ? null : column(MapPlan.sideOf(c)).contextBox(ctx);
        return box == null ? null : box.entry(n);
    }

    /** Where a pointer to session {@code n} ends: the session itself, or its column's "+N more". */
    private Node arrowTarget(int n) {
        Node node = sessionNode(n);
        if (node != null || !state.sessions().containsKey(n)) return node;
        Label more = column(MapPlan.sideOf(state.sessions().get(n))).moreSessions();
        return more.isVisible() ? more : null;
    }

    private List<ArrowLayer.Link> links(LabState s) {
        List<ArrowLayer.Link> links = new ArrayList<>();
        for (ConnectionView c : s.connections().values()) {
            SslBox box = column(MapPlan.sideOf(c)).sslBox(c.name());
            if (box == null || c.freed() || c.session() == null) continue;
            SessionView target = s.sessions().get(c.session());
            boolean dead = target != null && !target.alive();
            List<String> classes = dead ? List.of("ssl-pointer", "owned", "dangling") : List.of("ssl-pointer", "owned");
            links.add(new ArrowLayer.Link(MapText.id("arrow-ssl", c.name()), box, arrowTarget(c.session()), classes,
                    dead ? "dangling" : null));
        }
        for (VariableView v : s.variables().values()) {
            VariableHandle handle = column(MapPlan.sideOf(v, s)).variableHandle(v.name());
            if (handle == null || v.session() == null) continue;
            List<String> classes = new ArrayList<>(List.of(v.owned() ? "owned" : "borrowed"));
            if (v.dangling()) classes.add("dangling");
            links.add(new ArrowLayer.Link(MapText.id("arrow-var", v.name()), handle, arrowTarget(v.session()), classes,
                    v.dangling() ? "dangling" : null));
        }
        return links;
    }

    /** Marks the badges of sessions whose count changed since the last show ({@code :changed}). */
    private void markChanged(LabState s) {
        changedBadges.forEach(b -> b.pseudoClassStateChanged(SessionNode.CHANGED, false));
        changedBadges.clear();
        Map<Integer, Long> now = new HashMap<>();
        for (SessionView v : s.sessions().values()) {
            now.put(v.number(), v.changedAt());
            // a session that was not there at the last show changed too: it just got its first reference
            if (Objects.equals(lastChangedAt.get(v.number()), v.changedAt())) continue;
            SessionNode node = column(MapPlan.sideOf(v)).liveNode(v.number());
            if (node != null) changedBadges.add(node.badge());
        }
        lastChangedAt = now;
        changedBadges.forEach(b -> b.pseudoClassStateChanged(SessionNode.CHANGED, true));
    }

    /** Marks what the current statement touched ({@code :touched}), as drawn. */
    private void markTouched() {
        touchedNodes.forEach(n -> n.pseudoClassStateChanged(TOUCHED, false));
        touchedNodes.clear();
        for (int n : touched.sessions()) {
            Node node = sessionNode(n);
            if (node != null) touchedNodes.add(node);
        }
        for (String c : touched.connections()) {
            ConnectionView v = state.connections().get(c);
            Node node = v == null ? null : column(MapPlan.sideOf(v)).sslBox(c);
            if (node != null) touchedNodes.add(node);
        }
        for (String x : touched.contexts()) {
            ContextView v = state.contexts().get(x);
            Node node = v == null ? null : column(MapPlan.sideOf(v)).contextBox(x);
            if (node != null) touchedNodes.add(node);
        }
        for (String name : touched.variables()) {
            VariableView v = state.variables().get(name);
            Node node = v == null ? null : column(MapPlan.sideOf(v, state)).variableHandle(name);
            if (node != null) touchedNodes.add(node);
        }
        touchedNodes.forEach(n -> n.pseudoClassStateChanged(TOUCHED, true));
    }

    /** The drawn nodes marked as touched by the current statement. */
    public List<Node> touchedNodes() {
        return List.copyOf(touchedNodes);
    }

    private void select(Node node, Object model) {
        if (selectedNode != null) selectedNode.pseudoClassStateChanged(SELECTED, false);
        selectedNode = node;
        selection = model;
        if (node != null) node.pseudoClassStateChanged(SELECTED, true);
        selectionHandler.accept(model);
    }

    /** Keeps the highlight on the same object across a redraw and tells the handler when that object changed. */
    private void refreshSelection(LabState s) {
        if (selection == null) return;
        Object fresh;
        Node node;
        switch (selection) {
            case SessionView v -> {
                fresh = s.sessions().get(v.number());
                node = sessionNode(v.number());
            }
            case ConnectionView c -> {
                ConnectionView now = s.connections().get(c.name());
                fresh = now;
                node = now == null ? null : column(MapPlan.sideOf(now)).sslBox(c.name());
            }
            case ContextView x -> {
                ContextView now = s.contexts().get(x.name());
                fresh = now;
                node = now == null ? null : column(MapPlan.sideOf(now)).contextBox(x.name());
            }
            default -> {
                fresh = null;
                node = null;
            }
        }
        boolean changed = !Objects.equals(fresh, selection);
        if (selectedNode != null) selectedNode.pseudoClassStateChanged(SELECTED, false);
        selectedNode = node;
        selection = fresh;
        if (node != null) node.pseudoClassStateChanged(SELECTED, true);
        if (changed) selectionHandler.accept(fresh);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        content.resizeRelocate(in.getLeft(), in.getTop(), Math.max(0, getWidth() - in.getLeft() - in.getRight()),
                Math.max(0, getHeight() - in.getTop() - in.getBottom()));
        // the boxes must have their final bounds before the arrows can be routed between them
        content.layout();
        arrows.resizeRelocate(0, 0, getWidth(), getHeight());
        arrows.route(this);
        ghosts.resizeRelocate(0, 0, getWidth(), getHeight());
        transition.afterLayout();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + content.prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double w = width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight());
        return in.getTop() + content.prefHeight(w) + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    /** A readable dump of what is drawn (ids, classes, texts), for tests and bug reports. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        describe(content, sb);
        arrows.getChildrenUnmodifiable().forEach(a -> sb.append(a.getId()).append(' ').append(a.getStyleClass())
                .append(a.isVisible() ? "" : " hidden").append('\n'));
        return sb.toString();
    }

    private static void describe(Node n, StringBuilder sb) {
        if (!n.isVisible()) return;
        if (n.getId() != null || n instanceof Labeled) {
            sb.append(n.getId() == null ? "" : "#" + n.getId()).append(' ').append(n.getStyleClass());
            if (n instanceof Labeled l) sb.append(" \"").append(l.getText()).append('"');
            sb.append('\n');
        }
        if (n instanceof javafx.scene.Parent p) p.getChildrenUnmodifiable().forEach(c -> describe(c, sb));
    }
}
