package sessionlab.app.view.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState.ContextView;
import sessionlab.app.model.LabState.SessionView;

/**
 * One SSL_CTX, compact: its name, the settings that differ from libssl's defaults and the counters that moved,
 * and its session cache as libssl orders it, head (expires last) to tail (expires first). Every setting and
 * counter is in the inspector. A long cache shows its head and its tail, the middle folded. A stack whose order
 * cannot be seen says so in its {@code cache_order} setting: its entries then come in session number order
 * (LabFold), without head and tail.
 */
final class ContextBox extends VBox {
    /** Entries drawn before folding: the head ones and the tail ones, since those are the ones that move. */
    static final int HEAD_SHOWN = 4;
    static final int TAIL_SHOWN = 2;
    private static final String ORDER = sessionlab.event.Event.ContextCreated.ORDER_NOT_VISIBLE;
    /** libssl's defaults (a scenario means what the same C calls mean): not worth a line on a projector. */
    private static final Map<String, String> DEFAULTS = Map.of("cache", "server", "cache_size", "20480", "timeout", "7200s", "tickets", "2");
    private static final Set<String> DEFAULTISH = Set.of("default", "false", "none", "off", "0", "");
    private static final List<String> COUNTERS = List.of("hits", "misses", "cache_full", "timeouts", "cb_hits");

    private final Label title = new Label();
    private final Label freed = new Label("freed");
    private final Label facts = new Label();
    private final Label cacheTitle = new Label();
    private final FlowPane cacheRow = new FlowPane();
    private final Label head = new Label("head");
    private final Tooltip headTip = new Tooltip();
    private final Label tail = new Label("tail");
    private final List<Label> entries = new ArrayList<>();
    private final Label more = new Label();
    private final BiConsumer<Node, Object> onSelect;
    private ContextView view;
    private Tooltip tip;
    private final HBox top;
    private boolean brief;

    ContextBox(BiConsumer<Node, Object> onSelect) {
        this.onSelect = onSelect;
        getStyleClass().addAll("map-node", "context-box");
        title.getStyleClass().add("box-title");
        freed.getStyleClass().add("freed-label");
        facts.getStyleClass().add("settings");
        facts.setWrapText(true);
        cacheTitle.getStyleClass().add("cache-title");
        cacheRow.getStyleClass().add("cache-list");
        cacheRow.setAlignment(Pos.CENTER_LEFT);
        cacheRow.setPrefWrapLength(200);
        head.getStyleClass().add("cache-end");
        tail.getStyleClass().add("cache-end");
        head.setTooltip(headTip);
        tail.setTooltip(new Tooltip("The tail of the cache list: the session that expires first, evicted first when the cache is full"));
        more.getStyleClass().addAll("cache-more", "more");
        top = new HBox(title, freed);
        top.getStyleClass().add("node-row");
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, facts, cacheRow);
        setOnMouseClicked(e -> {
            if (view != null) onSelect.accept(this, view);
            e.consume();
        });
    }

    ContextView view() {
        return view;
    }

    /** The drawn entry of session {@code n} in this cache, or null (folded or not cached). */
    Label entry(int n) {
        for (Label l : entries) if (l.getParent() != null && l.isVisible() && ("#" + n).equals(l.getText())) return l;
        return null;
    }

    /**
     * Redraws from {@code c}; {@code sessions} resolves a cache entry so that clicking it selects that session.
     * {@code brief} (a crowded column) leaves out the settings line; its tooltip and the inspector have it.
     */
    void update(ContextView c, IntFunction<SessionView> sessions, IntFunction<Node> sessionNodes, boolean brief) {
        view = c;
        this.brief = brief;
        setId(MapText.id("ctx", c.name()));
        title.setText("SSL_CTX " + c.name());
        SessionNode.show(freed, c.freed());
        SessionNode.toggle(this, "freed", c.freed());

        Map<String, String> s = new java.util.LinkedHashMap<>();
        // a stack may explain a value in brackets ("20480 (at most 20480 sessions)"): the inspector keeps the explanation
        c.settings().forEach((k, v) -> s.put(k, ORDER.equals(k) ? v : v.replaceFirst("\\s*\\(.*$", "")));
        StringJoiner said = new StringJoiner(" · ");
        s.forEach((k, v) -> {
            if (ORDER.equals(k) || DEFAULTISH.contains(v) || v.equals(DEFAULTS.get(k))) return;
            said.add("true".equals(v) ? k : k.replace('_', ' ') + " " + v);
        });
        Map<String, Long> st = c.stats();
        for (String k : COUNTERS) if (st.getOrDefault(k, 0L) > 0) said.add(k.replace('_', ' ') + " " + st.get(k));
        facts.setText(said.toString());
        SessionNode.show(facts, said.length() > 0 && !brief);
        if (brief && said.length() > 0) {
            if (tip == null) {
                tip = new Tooltip();
                Tooltip.install(this, tip);
            }
            tip.setText(said.toString());
        } else if (tip != null) {
            Tooltip.uninstall(this, tip);
            tip = null;
        }

        String mode = s.getOrDefault("cache", "?");
        String size = s.getOrDefault("cache_size", "?");
        cacheTitle.setText(mode.startsWith("off") ? "caching off" : c.cache().isEmpty() ? "cache empty"
                : "cache " + c.cache().size() + (DEFAULTS.get("cache_size").equals(size) ? ":" : " of " + size + ":"));
        drawCache(c.cache(), s.get(ORDER), sessions, sessionNodes);
    }

    private void drawCache(List<Integer> cache, String orderUnseen, IntFunction<SessionView> sessions, IntFunction<Node> sessionNodes) {
        List<Node> row = new ArrayList<>();
        // brief: the name and the cache share one line
        if (brief) {
            row.add(title);
            if (freed.isVisible()) row.add(freed);
        } else if (title.getParent() != top || freed.getParent() != top) {
            top.getChildren().setAll(title, freed);
        }
        SessionNode.show(top, !brief);
        row.add(cacheTitle);
        if (!cache.isEmpty()) {
            boolean ordered = orderUnseen == null;
            head.setText(ordered ? "head" : "order not visible:");
            headTip.setText(ordered ? "The head of the cache list: the session that expires last" : orderUnseen);
            row.add(head);
            boolean fold = cache.size() > HEAD_SHOWN + TAIL_SHOWN;
            int used = 0;
            for (int i = 0; i < cache.size(); i++) {
                if (fold && i == HEAD_SHOWN) {
                    more.setText("+" + (cache.size() - HEAD_SHOWN - TAIL_SHOWN) + " more");
                    row.add(more);
                    i = cache.size() - TAIL_SHOWN;
                }
                row.add(entry(used++, cache.get(i), sessions, sessionNodes));
            }
            if (ordered) row.add(tail);
        }
        SessionNode.setChildren(cacheRow, row);
    }

    private Label entry(int index, int number, IntFunction<SessionView> sessions, IntFunction<Node> sessionNodes) {
        while (entries.size() <= index) {
            Label l = new Label();
            l.getStyleClass().add("cache-entry");
            entries.add(l);
        }
        Label l = entries.get(index);
        l.setText("#" + number);
        SessionView sv = sessions.apply(number);
        SessionNode.toggle(l, "not-resumable", sv != null && !sv.resumable());
        l.setOnMouseClicked(e -> {
            if (sv != null) onSelect.accept(sessionNodes.apply(number), sv);
            e.consume();
        });
        return l;
    }
}
