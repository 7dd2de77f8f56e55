package sessionlab.app.view.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.ConnectionView;
import sessionlab.app.model.LabState.ContextView;
import sessionlab.app.model.LabState.SessionView;
import sessionlab.app.model.LabState.VariableView;

/**
 * One column of the map (client side, server side, or sessions of no known side), top to bottom:
 * contexts, SSL objects, live sessions, the strip of destroyed ones, then the scenario names, so SSL pointers run
 * down into the sessions and names point up at them. Nodes are kept by name/number and reused.
 */
final class SideColumn extends VBox {
    /** More SSL objects than this in a column and the untouched ones are drawn as one line each. */
    static final int CROWDED = 4;
    private final String side;
    private final BiConsumer<Node, Object> onSelect;
    private final Label header = new Label();
    private final VBox contextBox = new VBox();
    private final FlowPane sslRow = new FlowPane();
    private final Label moreSsl = new Label();
    private final FlowPane sessionRow = new FlowPane();
    private final Label moreSessions = new Label();
    private final FlowPane destroyedRow = new FlowPane();
    private final Label destroyedTitle = new Label("destroyed:");
    private final Label moreDestroyed = new Label();
    private final FlowPane variableRow = new FlowPane();
    private final Label moreVariables = new Label();
    private final Map<String, ContextBox> contexts = new HashMap<>();
    private final Map<String, SslBox> ssls = new HashMap<>();
    private final Map<Integer, SessionNode> sessions = new HashMap<>();
    private final Map<Integer, DestroyedChip> chips = new HashMap<>();
    private final Map<String, VariableHandle> variables = new HashMap<>();
    private final List<ContextBox> contextPool = new ArrayList<>();
    private final List<SslBox> sslPool = new ArrayList<>();
    private final List<SessionNode> sessionPool = new ArrayList<>();
    private final List<DestroyedChip> chipPool = new ArrayList<>();
    private final List<VariableHandle> variablePool = new ArrayList<>();

    SideColumn(String side, String title, BiConsumer<Node, Object> onSelect) {
        this.side = side;
        this.onSelect = onSelect;
        setId("side-" + side);
        getStyleClass().addAll("side-column", side);
        header.setText(title);
        header.getStyleClass().add("side-header");
        contextBox.getStyleClass().add("context-list");
        sslRow.getStyleClass().addAll("map-row", "ssl-row");
        sslRow.setPrefWrapLength(300);
        sessionRow.getStyleClass().addAll("map-row", "session-row");
        destroyedRow.getStyleClass().addAll("map-row", "destroyed-strip");
        destroyedTitle.getStyleClass().add("strip-title");
        variableRow.getStyleClass().addAll("map-row", "variable-row");
        for (Label l : List.of(moreSsl, moreSessions, moreDestroyed, moreVariables)) l.getStyleClass().add("more");
        moreSessions.setId("more-sessions-" + side);
        getChildren().addAll(header, new SideBySide(contextBox, sslRow, 6), sessionRow, destroyedRow, variableRow);
    }

    String side() {
        return side;
    }

    /** The drawn node of session {@code n}: a live node, a destroyed chip, or null if folded away. */
    Node sessionNode(int n) {
        SessionNode live = sessions.get(n);
        return live != null ? live : chips.get(n);
    }

    SessionNode liveNode(int n) {
        return sessions.get(n);
    }

    DestroyedChip chip(int n) {
        return chips.get(n);
    }

    ContextBox contextBox(String name) {
        return contexts.get(name);
    }

    Iterable<ContextBox> contextBoxes() {
        return contexts.values();
    }

    SslBox sslBox(String name) {
        return ssls.get(name);
    }

    VariableHandle variableHandle(String name) {
        return variables.get(name);
    }

    /** Where pointers to sessions this column did not draw end: its "+N more" label, if shown. */
    Label moreSessions() {
        return moreSessions;
    }

    /** {@code anySessionNode} finds a drawn session in any column, for clicks on this column's cache entries. */
    void update(MapPlan plan, LabState state, IntFunction<? extends Node> anySessionNode, sessionlab.app.model.Touched touched) {
        boolean manyContexts = plan.contexts().size() > 2;
        SessionNode.setChildren(contextBox, reuse(contexts, contextPool, plan.contexts(), ContextView::name,
                () -> new ContextBox(onSelect),
                (box, c) -> box.update(c, n -> state.sessions().get(n), anySessionNode::apply,
                        manyContexts && !touched.contexts().contains(c.name()))));
        SessionNode.show(contextBox, !plan.contexts().isEmpty());

        // a crowded column draws its SSL objects as one line each, except those the statement touched
        boolean crowded = plan.connections().size() > CROWDED;
        List<Node> sslNodes = new ArrayList<>(reuse(ssls, sslPool, plan.connections(), ConnectionView::name,
                () -> new SslBox(onSelect), (box, c) -> box.update(c, (crowded || c.freed()) && !touched.connections().contains(c.name()))));
        more(sslNodes, moreSsl, plan.hiddenConnections(), "SSL objects");
        SessionNode.setChildren(sslRow, sslNodes);
        SessionNode.show(sslRow, !sslNodes.isEmpty());

        List<Node> sessionNodes = new ArrayList<>(reuse(sessions, sessionPool, plan.sessions(), SessionView::number,
                () -> new SessionNode(onSelect), (node, s) -> node.update(s, state.now())));
        more(sessionNodes, moreSessions, plan.hiddenSessions(), "sessions");
        SessionNode.setChildren(sessionRow, sessionNodes);
        SessionNode.show(sessionRow, !sessionNodes.isEmpty());

        List<Node> chipNodes = new ArrayList<>(reuse(chips, chipPool, plan.destroyed(), SessionView::number,
                () -> new DestroyedChip(onSelect), DestroyedChip::update));
        chipNodes.addFirst(destroyedTitle);
        more(chipNodes, moreDestroyed, plan.hiddenDestroyed(), "");
        SessionNode.setChildren(destroyedRow, chipNodes);
        SessionNode.show(destroyedRow, !plan.destroyed().isEmpty());

        List<Node> varNodes = new ArrayList<>(reuse(variables, variablePool, plan.variables(), VariableView::name,
                VariableHandle::new, VariableHandle::update));
        more(varNodes, moreVariables, plan.hiddenVariables(), "names");
        SessionNode.setChildren(variableRow, varNodes);
        SessionNode.show(variableRow, !varNodes.isEmpty());
    }

    private static void more(List<Node> nodes, Label label, int hidden, String what) {
        label.setText("+" + hidden + (what.isEmpty() ? " more" : " more " + what));
        label.setVisible(hidden > 0);
        if (hidden > 0) nodes.add(label);
    }

    /**
     * Nodes for {@code items} in order: the node already showing an item keeps it; other items take a node
     * left over from this or an earlier redraw, and only then a new one. A seek across a long run thus
     * re-binds nodes instead of building them (building a node with its labels is the slow part).
     */
    private static <K, T, N extends Node> List<N> reuse(Map<K, N> nodes, List<N> pool, List<T> items, Function<T, K> key,
                                                       Supplier<N> make, BiConsumer<N, T> update) {
        Map<K, N> kept = new HashMap<>();
        for (T item : items) {
            N n = nodes.remove(key.apply(item));
            if (n != null) kept.put(key.apply(item), n);
        }
        pool.addAll(nodes.values());
        nodes.clear();
        List<N> out = new ArrayList<>(items.size());
        for (T item : items) {
            K k = key.apply(item);
            N n = kept.get(k);
            if (n == null) n = pool.isEmpty() ? make.get() : pool.removeLast();
            update.accept(n, item);
            nodes.put(k, n);
            out.add(n);
        }
        return out;
    }
}
