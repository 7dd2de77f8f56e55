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
 * One SSL_CTX: its settings, its counters, and its session cache as libssl orders it, head (expires
 * last) to tail (expires first). A long cache shows its head and its tail, the middle folded. A stack
 * whose order cannot be seen says so in its {@code cache_order} setting: its entries then come in session
 * number order (LabFold), without head and tail.
 */
final class ContextBox extends VBox {
    /** Entries drawn before folding: the head ones and the tail ones, since those are the ones that move. */
    static final int HEAD_SHOWN = 6;
    static final int TAIL_SHOWN = 2;
    /** Settings already on the first line, or that only matter when not at libssl's default. */
    private static final String ORDER = sessionlab.event.Event.ContextCreated.ORDER_NOT_VISIBLE;
    private static final Set<String> MAIN = Set.of("cache", "cache_size", "timeout", "tickets", ORDER);
    private static final Set<String> DEFAULTISH = Set.of("default", "false", "none", "off", "0", "");

    private final Label title = new Label();
    private final Label freed = new Label("freed");
    private final Label settings = new Label();
    private final Label extra = new Label();
    private final Label counters = new Label();
    private final Label cacheTitle = new Label();
    private final FlowPane cacheRow = new FlowPane();
    private final Label head = new Label("head (latest expiry)");
    private final Label tail = new Label("tail (expires first)");
    private final List<Label> entries = new ArrayList<>();
    private final Label more = new Label();
    private final BiConsumer<Node, Object> onSelect;
    private ContextView view;

    ContextBox(BiConsumer<Node, Object> onSelect) {
        this.onSelect = onSelect;
        getStyleClass().addAll("map-node", "context-box");
        title.getStyleClass().add("box-title");
        freed.getStyleClass().add("freed-label");
        settings.getStyleClass().add("settings");
        extra.getStyleClass().add("settings");
        counters.getStyleClass().add("counters");
        for (Label l : List.of(settings, extra, counters)) l.setWrapText(true);
        cacheTitle.getStyleClass().add("cache-title");
        cacheRow.getStyleClass().add("cache-list");
        cacheRow.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("cache-end");
        tail.getStyleClass().add("cache-end");
        more.getStyleClass().addAll("cache-more", "more");
        HBox top = new HBox(title, freed);
        top.getStyleClass().add("node-row");
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, settings, extra, counters, cacheTitle, cacheRow);
        setOnMouseClicked(e -> {
            if (view != null) onSelect.accept(this, view);
            e.consume();
        });
    }

    ContextView view() {
        return view;
    }

    /** Redraws from {@code c}; {@code sessions} resolves a cache entry so that clicking it selects that session. */
    void update(ContextView c, IntFunction<SessionView> sessions, IntFunction<Node> sessionNodes) {
        view = c;
        setId(MapText.id("ctx", c.name()));
        title.setText(c.name() + "  (" + c.role() + " SSL_CTX)");
        SessionNode.show(freed, c.freed());
        SessionNode.toggle(this, "freed", c.freed());

        Map<String, String> s = c.settings();
        String mode = s.getOrDefault("cache", "?");
        StringJoiner main = new StringJoiner(" · ");
        main.add("cache " + mode);
        if (s.containsKey("cache_size")) main.add("size limit " + s.get("cache_size"));
        if (s.containsKey("timeout")) main.add("timeout " + s.get("timeout"));
        if (s.containsKey("tickets")) main.add("tickets " + s.get("tickets")); // a JDK client context has no ticket count
        settings.setText(main.toString());
        StringJoiner others = new StringJoiner(" · ");
        s.forEach((k, v) -> {
            if (!MAIN.contains(k) && !DEFAULTISH.contains(v)) others.add("true".equals(v) ? k : k + " " + v);
        });
        extra.setText(others.toString());
        SessionNode.show(extra, others.length() > 0);

        Map<String, Long> st = c.stats();
        counters.setText(st.isEmpty() ? "no counters yet"
                : "hits " + st.getOrDefault("hits", 0L) + " · misses " + st.getOrDefault("misses", 0L)
                + " · cache full " + st.getOrDefault("cache_full", 0L) + " · timeouts " + st.getOrDefault("timeouts", 0L));

        cacheTitle.setText("cache: " + c.cache().size() + " of " + s.getOrDefault("cache_size", "?")
                + (mode.startsWith("off") ? " (caching off)" : ""));
        drawCache(c.cache(), s.get(ORDER), sessions, sessionNodes);
    }

    private void drawCache(List<Integer> cache, String orderUnseen, IntFunction<SessionView> sessions, IntFunction<Node> sessionNodes) {
        SessionNode.show(cacheRow, !cache.isEmpty());
        if (cache.isEmpty()) return;
        boolean ordered = orderUnseen == null;
        head.setText(ordered ? "head (latest expiry)" : "order not visible:");
        head.setTooltip(ordered ? null : new Tooltip(orderUnseen));
        List<Node> row = new ArrayList<>();
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
