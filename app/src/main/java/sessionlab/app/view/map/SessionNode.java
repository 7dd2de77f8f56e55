package sessionlab.app.view.map;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState.SessionView;

/**
 * One SSL_SESSION: number, id, reference-count badge with the holders that make it up, resumable light,
 * age versus timeout. Reused across {@code show} calls (keyed by session number) so a cursor move only
 * changes texts and classes.
 */
final class SessionNode extends VBox {
    static final PseudoClass ON = PseudoClass.getPseudoClass("on");
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final Label number = new Label();
    private final Label shortId = new Label();
    private final Label badge = new Label();
    private final Label facts = new Label();
    private final Label light = new Label();
    private final Label lightText = new Label();
    private final Tooltip lightTip = new Tooltip();
    private final AgeBar age = new AgeBar();
    private final Label ageText = new Label();
    private final Label copyOf = new Label();
    private final Label holders = new Label();
    private final Label destroyed = new Label("destroyed");
    private SessionView view;

    SessionNode(BiConsumer<Node, Object> onSelect) {
        getStyleClass().addAll("map-node", "session-node");
        number.getStyleClass().add("session-number");
        shortId.getStyleClass().add("session-id");
        badge.getStyleClass().add("refcount-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        facts.getStyleClass().add("session-facts");
        light.getStyleClass().add("resumable-light");
        light.setTooltip(lightTip);
        lightText.getStyleClass().add("resumable-text");
        ageText.getStyleClass().add("age-text");
        copyOf.getStyleClass().add("copy-of");
        holders.getStyleClass().add("holders");
        holders.setWrapText(true);
        destroyed.getStyleClass().add("destroyed-label");

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(number, shortId, gap, badge);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("node-row");
        HBox lightRow = new HBox(light, lightText);
        lightRow.setAlignment(Pos.CENTER_LEFT);
        lightRow.getStyleClass().add("node-row");
        HBox ageRow = new HBox(age, ageText);
        ageRow.setAlignment(Pos.CENTER_LEFT);
        ageRow.getStyleClass().add("node-row");
        getChildren().addAll(top, facts, lightRow, ageRow, copyOf, holders, destroyed);
        setOnMouseClicked(e -> {
            if (view != null) onSelect.accept(this, view);
            e.consume();
        });
    }

    SessionView view() {
        return view;
    }

    Label badge() {
        return badge;
    }

    /** Redraws from {@code s}; {@code now} is the state's virtual time, for the age bar. */
    void update(SessionView s, long now) {
        view = s;
        setId("session-" + s.number());
        number.setText("#" + s.number());
        shortId.setText(s.shortId());
        badge.setText(s.refcount() == null ? "?" : Integer.toString(s.refcount()));
        facts.setText((s.version().isEmpty() ? "version ?" : s.version())
                + " · " + (s.ticketLength() > 0 ? "ticket " + s.ticketLength() + " B" : s.ticketLength() < 0 ? "ticket" : "no ticket"));

        light.pseudoClassStateChanged(ON, s.resumable());
        lightText.setText(s.resumable() ? "resumable" : "not resumable");
        String why = s.reason() == null || s.reason().isEmpty() ? null : s.reason();
        lightTip.setText(s.resumable() ? (why == null ? "resumable" : "resumable: " + why)
                : "not resumable: " + (why == null ? "no reason reported" : why));

        // a dead session stops ageing at its death; its age then is what mattered
        long ageSeconds = s.alive() ? s.ageSeconds(now) : s.ageSeconds(Math.max(s.createdAt(), s.destroyedAt()));
        if (s.timeoutSeconds() > 0) {
            age.setFraction((double) ageSeconds / s.timeoutSeconds());
            boolean expired = ageSeconds >= s.timeoutSeconds();
            ageText.setText("age " + MapText.duration(ageSeconds) + " / " + MapText.duration(s.timeoutSeconds())
                    + (expired ? " expired" : ""));
            toggle(age, "expired", expired);
        } else {
            age.setFraction(0);
            ageText.setText("age " + MapText.duration(ageSeconds));
            toggle(age, "expired", false);
        }

        show(copyOf, s.dupOf() != null);
        if (s.dupOf() != null) copyOf.setText("copy of #" + s.dupOf());

        int sum = MapText.sum(s.holders());
        boolean mismatch = s.refcount() != null && sum != s.refcount();
        holders.setText(MapText.holders(s.holders())
                + (mismatch ? " (holders add up to " + sum + ", libssl counts " + s.refcount() + ")" : ""));
        toggle(holders, "mismatch", mismatch);

        show(destroyed, !s.alive());
        toggle(this, "destroyed", !s.alive());
    }

    static void toggle(Node n, String styleClass, boolean on) {
        boolean has = n.getStyleClass().contains(styleClass);
        if (on && !has) n.getStyleClass().add(styleClass);
        else if (!on && has) n.getStyleClass().remove(styleClass);
    }

    /**
     * Makes a pane's children {@code nodes} touching as few as possible: a node taken out and put back has all its
     * CSS re-applied, the slowest part of a redraw, so nodes that stay are left in place.
     */
    static void setChildren(Pane pane, List<? extends Node> nodes) {
        javafx.collections.ObservableList<Node> kids = pane.getChildren();
        if (kids.equals(nodes)) return;
        Set<Node> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(nodes);
        kids.removeIf(n -> !wanted.contains(n));
        int k = 0;
        for (Node n : nodes) {
            if (k < kids.size() && kids.get(k) == n) {
                k++;
            } else if (kids.contains(n)) {
                kids.setAll(nodes); // the order changed: rare, rebuild
                return;
            } else {
                kids.add(k++, n);
            }
        }
    }

    static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
