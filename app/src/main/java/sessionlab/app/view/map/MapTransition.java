package sessionlab.app.view.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import sessionlab.app.model.Transition;
import sessionlab.app.model.Transition.CacheEntered;
import sessionlab.app.model.Transition.CacheLeft;
import sessionlab.app.model.Transition.CountChanged;
import sessionlab.app.model.Transition.Pointer;
import sessionlab.app.model.Transition.PointerDrawn;
import sessionlab.app.model.Transition.PointerWithdrawn;
import sessionlab.app.model.Transition.SessionBorn;
import sessionlab.app.model.Transition.SessionDied;
import sessionlab.app.model.Transition.WentDangling;

/**
 * Draws one {@link Transition} on the map at a progress from 0 (the picture before the step) to 1 (the plain
 * picture after it). Before the step is shown, {@link #prepare} records where things were; after its layout, the
 * changes are drawn from there: a session grows in (a copy out of its parent), a count counts, a pointer is drawn
 * or withdrawn, a cache entry slides in from its session or out with its reason, a destroyed session fades, a
 * dangling pointer turns red. What only existed before is drawn by ghosts in a layer of their own. The clock is
 * not here: the playback owns it and sets the progress.
 */
final class MapTransition {
    /** What the map's side does for the transition: its nodes, as drawn now. */
    interface Nodes {
        Node session(int n);
        SessionNode liveSession(int n);
        Label cacheEntry(String ctx, int session);
        ArrowLayer.Arrow arrow(String id);
        Node frame();
    }

    private record Shot(List<String> classes, double[] geometry) {}

    private final Nodes nodes;
    private final Pane ghosts;
    private Transition transition;
    private double progress = 1;
    private boolean built;
    private final Map<Integer, Bounds> sessionsBefore = new HashMap<>();
    private final Map<String, Bounds> entriesBefore = new HashMap<>();
    private final Map<String, Shot> arrowsBefore = new HashMap<>();
    private final List<Node> moved = new ArrayList<>();
    private final Map<Label, String> badgeTexts = new HashMap<>();
    private final List<ArrowLayer.Arrow> revealed = new ArrayList<>();
    private final List<Runnable> frames = new ArrayList<>();

    MapTransition(Nodes nodes, Pane ghosts) {
        this.nodes = nodes;
        this.ghosts = ghosts;
    }

    Transition transition() {
        return transition;
    }

    double progress() {
        return progress;
    }

    /** Records the picture before {@code t} (call it before the map shows {@code t.after()}); null ends any transition. */
    void prepare(Transition t, IntFunction<Bounds> session, Function<String, Bounds> entry, Function<String, ArrowLayer.Arrow> arrow) {
        clear();
        transition = t;
        progress = t == null ? 1 : 0;
        if (t == null) return;
        for (var s : t.before().sessions().keySet()) {
            Bounds b = session.apply(s);
            if (b != null) sessionsBefore.put(s, b);
        }
        for (CacheLeft c : t.of(CacheLeft.class)) {
            Bounds b = entry.apply(c.ctx() + "#" + c.session());
            if (b != null) entriesBefore.put(c.ctx() + "#" + c.session(), b);
        }
        List<Pointer> old = new ArrayList<>();
        t.of(PointerWithdrawn.class).forEach(w -> old.add(w.pointer()));
        t.of(WentDangling.class).forEach(w -> old.add(w.pointer()));
        for (Pointer p : old) {
            ArrowLayer.Arrow a = arrow.apply(id(p));
            double[] g = a == null ? null : a.geometry();
            if (g != null && a.isVisible()) arrowsBefore.put(id(p), new Shot(List.copyOf(a.getStyleClass()), g));
        }
    }

    /** After the map laid out {@code t.after()}: ghosts are built once, then the current progress is drawn. */
    void afterLayout() {
        if (transition == null) return;
        if (!built) build();
        draw();
    }

    void setProgress(double p) {
        progress = Math.max(0, Math.min(1, p));
        if (transition != null && built) draw();
    }

    /** Puts every node back as the plain picture has it and drops the ghosts. */
    void clear() {
        for (Node n : moved) {
            n.setScaleX(1);
            n.setScaleY(1);
            n.setTranslateX(0);
            n.setTranslateY(0);
            n.setOpacity(1);
        }
        badgeTexts.forEach(Label::setText);
        for (ArrowLayer.Arrow a : revealed) {
            a.reveal(1);
            a.setOpacity(1);
        }
        moved.clear();
        badgeTexts.clear();
        revealed.clear();
        frames.clear();
        ghosts.getChildren().clear();
        sessionsBefore.clear();
        entriesBefore.clear();
        arrowsBefore.clear();
        built = false;
        transition = null;
        progress = 1;
    }

    static String id(Pointer p) {
        return MapText.id(p.ssl() ? "arrow-ssl" : "arrow-var", p.holder());
    }

    /** Eased map progress: after the wire's part if something travels first. */
    private double q() {
        double q = Transition.mapProgress(progress, transition.travels());
        return q * q * (3 - 2 * q);
    }

    private void build() {
        built = true;
        Node frame = nodes.frame();
        for (SessionBorn b : transition.of(SessionBorn.class)) {
            Node n = nodes.liveSession(b.session());
            if (n == null) continue;
            Bounds own = ArrowLayer.boundsIn(n, frame);
            Bounds parent = b.parent() == null ? null : sessionsBefore.getOrDefault(b.parent(), ArrowLayer.boundsIn(nodes.session(b.parent()), frame));
            double dx = own == null || parent == null ? 0 : parent.getCenterX() - own.getCenterX();
            double dy = own == null || parent == null ? 0 : parent.getCenterY() - own.getCenterY();
            moved.add(n);
            frames.add(() -> {
                double q = q();
                n.setScaleX(0.15 + 0.85 * q);
                n.setScaleY(0.15 + 0.85 * q);
                n.setOpacity(q);
                n.setTranslateX(dx * (1 - q));
                n.setTranslateY(dy * (1 - q));
            });
        }
        for (CountChanged c : transition.of(CountChanged.class)) {
            SessionNode n = nodes.liveSession(c.session());
            if (n == null) continue;
            Label badge = n.badge();
            badgeTexts.putIfAbsent(badge, badge.getText());
            moved.add(badge);
            frames.add(() -> {
                double q = q();
                badge.setText(q >= 1 ? badgeTexts.get(badge) : Long.toString(Math.round(c.from() + (c.to() - c.from()) * q)));
                double pulse = 1 + 0.6 * Math.sin(Math.PI * q);
                badge.setScaleX(pulse);
                badge.setScaleY(pulse);
            });
        }
        for (PointerDrawn d : transition.of(PointerDrawn.class)) {
            ArrowLayer.Arrow a = nodes.arrow(id(d.pointer()));
            if (a == null) continue;
            revealed.add(a);
            frames.add(() -> a.reveal(q()));
        }
        for (PointerWithdrawn w : transition.of(PointerWithdrawn.class)) {
            Shot s = arrowsBefore.get(id(w.pointer()));
            if (s == null) continue;
            ArrowLayer.Arrow ghost = ArrowLayer.Arrow.ghost("ghost-" + id(w.pointer()), s.classes(), s.geometry());
            ghosts.getChildren().add(ghost);
            frames.add(() -> ghost.reveal(1 - q()));
        }
        for (WentDangling w : transition.of(WentDangling.class)) {
            Shot s = arrowsBefore.get(id(w.pointer()));
            ArrowLayer.Arrow red = nodes.arrow(id(w.pointer()));
            if (s == null || red == null) continue;
            ArrowLayer.Arrow ghost = ArrowLayer.Arrow.ghost("ghost-" + id(w.pointer()), s.classes(), s.geometry());
            ghosts.getChildren().add(ghost);
            revealed.add(red);
            frames.add(() -> {
                double q = q();
                ghost.setOpacity(1 - q);
                red.setOpacity(q);
            });
        }
        for (CacheEntered e : transition.of(CacheEntered.class)) {
            Label entry = nodes.cacheEntry(e.ctx(), e.session());
            if (entry == null) continue;
            Bounds at = ArrowLayer.boundsIn(entry, frame);
            Node from = nodes.session(e.session());
            Bounds src = from == null ? null : ArrowLayer.boundsIn(from, frame);
            double dx = at == null || src == null ? 0 : src.getCenterX() - at.getCenterX();
            double dy = at == null ? 0 : src == null ? -1.5 * at.getHeight() : src.getCenterY() - at.getCenterY();
            moved.add(entry);
            frames.add(() -> {
                double q = q();
                entry.setTranslateX(dx * (1 - q));
                entry.setTranslateY(dy * (1 - q));
                entry.setOpacity(0.25 + 0.75 * q);
            });
        }
        for (CacheLeft l : transition.of(CacheLeft.class)) {
            Bounds was = entriesBefore.get(l.ctx() + "#" + l.session());
            if (was == null) continue;
            Label ghost = new Label("#" + l.session());
            ghost.getStyleClass().addAll("cache-entry", "ghost", "leaving");
            Label reason = new Label(l.reason().replace('-', ' '));
            reason.getStyleClass().addAll("leave-reason", "ghost");
            reason.setId("leave-reason-" + l.session());
            ghosts.getChildren().addAll(ghost, reason);
            place(ghost, was);
            reason.relocate(was.getMinX(), was.getMinY() - was.getHeight() - 2);
            reason.autosize();
            frames.add(() -> {
                double q = q();
                ghost.setTranslateY(q * 1.6 * was.getHeight());
                ghost.setOpacity(1 - q);
                reason.setOpacity(q < 0.7 ? 1 : (1 - q) / 0.3);
            });
        }
        for (SessionDied d : transition.of(SessionDied.class)) {
            Bounds was = sessionsBefore.get(d.session());
            Node chip = nodes.session(d.session());
            if (chip != null) {
                moved.add(chip);
                frames.add(() -> chip.setOpacity(q()));
            }
            if (was == null) continue;
            Label ghost = new Label("#" + d.session());
            ghost.getStyleClass().addAll("map-node", "session-node", "ghost", "dying");
            ghosts.getChildren().add(ghost);
            place(ghost, was);
            frames.add(() -> {
                double q = q();
                ghost.setOpacity(1 - q);
                ghost.setScaleX(1 - 0.3 * q);
                ghost.setScaleY(1 - 0.3 * q);
            });
        }
    }

    private static void place(Label ghost, Bounds b) {
        ghost.setManaged(false);
        ghost.setMinSize(b.getWidth(), b.getHeight());
        ghost.setPrefSize(b.getWidth(), b.getHeight());
        ghost.resizeRelocate(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    private void draw() {
        if (progress >= 1) {
            // the end of a transition is the plain picture: nothing scaled, faded or left over
            Transition t = transition;
            clear();
            transition = t;
            built = true;
            return;
        }
        for (Runnable f : frames) f.run();
    }
}
