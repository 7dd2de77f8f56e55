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
 * One live SSL_SESSION, compact enough for a projector: resumable light, number, reference-count badge, and
 * age against the timeout as a bar. Everything else (id, version, ticket, holders, copy of) is in its tooltip and
 * the inspector. Reused across {@code show} calls (keyed by session number) so a cursor move only changes texts
 * and classes.
 */
final class SessionNode extends VBox {
    static final PseudoClass ON = PseudoClass.getPseudoClass("on");
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final Label number = new Label();
    private final Label badge = new Label();
    private final Label light = new Label();
    private final Label mismatch = new Label("!");
    private final AgeBar age = new AgeBar();
    private Tooltip tooltip;
    private SessionView view;
    private long now;

    SessionNode(BiConsumer<Node, Object> onSelect) {
        getStyleClass().addAll("map-node", "session-node");
        number.getStyleClass().add("session-number");
        badge.getStyleClass().add("refcount-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        number.setMinWidth(Region.USE_PREF_SIZE);
        light.getStyleClass().add("resumable-light");
        mismatch.getStyleClass().add("mismatch-mark");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(light, number, mismatch, gap, badge);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("node-row");
        age.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(top, age);
        setOnMouseClicked(e -> {
            if (view != null) onSelect.accept(this, view);
            e.consume();
        });
        // built on first hover: a tooltip per node on every redraw would be the slowest part of a long run
        setOnMouseEntered(e -> {
            if (tooltip == null) {
                tooltip = new Tooltip();
                Tooltip.install(this, tooltip);
            }
            tooltip.setText(describe(view, now));
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
        this.now = now;
        setId("session-" + s.number());
        number.setText("#" + s.number());
        badge.setText(s.refcount() == null ? "?" : Integer.toString(s.refcount()));
        light.pseudoClassStateChanged(ON, s.resumable());
        long ageSeconds = s.ageSeconds(now);
        age.setFraction(s.timeoutSeconds() > 0 ? (double) ageSeconds / s.timeoutSeconds() : 0);
        toggle(age, "expired", s.timeoutSeconds() > 0 && ageSeconds >= s.timeoutSeconds());
        int sum = MapText.sum(s.holders());
        show(mismatch, s.refcount() != null && sum != s.refcount());
        if (tooltip != null) tooltip.setText(describe(s, now));
    }

    /** The details a compact node leaves out, for its tooltip (the inspector has them all). */
    static String describe(SessionView s, long now) {
        if (s == null) return "";
        String why = s.reason() == null || s.reason().isEmpty() ? null : s.reason();
        long age = s.alive() ? s.ageSeconds(now) : s.ageSeconds(Math.max(s.createdAt(), s.destroyedAt()));
        int sum = MapText.sum(s.holders());
        boolean mismatch = s.refcount() != null && sum != s.refcount();
        return "Session #" + s.number() + " " + s.shortId() + " · " + (s.version().isEmpty() ? "version ?" : s.version()) + " · "
                + (s.ticketLength() > 0 ? "ticket " + s.ticketLength() + " B" : s.ticketLength() < 0 ? "ticket" : "no ticket")
                + "\n" + (s.resumable() ? "resumable" : "not resumable") + (why == null ? "" : ": " + why)
                + "\nage " + MapText.duration(age) + (s.timeoutSeconds() > 0 ? " of " + MapText.duration(s.timeoutSeconds())
                + (age >= s.timeoutSeconds() ? ", expired" : "") : "")
                + (s.dupOf() == null ? "" : "\ncopy of #" + s.dupOf())
                + "\nheld by " + MapText.holders(s.holders())
                + (mismatch ? " (holders add up to " + sum + ", the library counts " + s.refcount() + ")" : "")
                + (s.alive() ? "" : "\ndestroyed");
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
