package sessionlab.app.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import sessionlab.app.model.LabState;
import sessionlab.app.model.LabState.SessionView;

/**
 * What a class must see at one statement, checked on the window as drawn: every live session (or the "+N more"
 * that stands for it), every cache, every object the statement names, inside the visible part of the memory map;
 * and no two wire-lane labels on top of each other or cut by the lane's edge. Each problem is one line of text.
 */
final class ProjectorFit {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.server)?");
    private static final double SLACK = 1.0;

    private ProjectorFit() {}

    /** The problems at the window's current cursor, each prefixed by {@code where}. */
    static List<String> problems(Parent window, LabState s, String statement, String where) {
        List<String> out = new ArrayList<>();
        Node viewport = window.lookup("#map-viewport");
        if (viewport == null) return List.of(where + ": no #map-scroll");
        Bounds visible = viewport.localToScene(viewport.getLayoutBounds());
        java.util.Map<String, Node> ids = new java.util.HashMap<>();
        index(window, ids);
        Set<String> wanted = new LinkedHashSet<>();
        for (SessionView v : s.sessions().values()) {
            if (!v.alive()) continue;
            String side = "client".equals(v.side()) || "server".equals(v.side()) ? v.side() : "other";
            wanted.add(ids.containsKey("#session-" + v.number()) ? "#session-" + v.number() : "#more-sessions-" + side);
        }
        for (LabState.ContextView c : s.contexts().values()) wanted.add("#ctx-" + css(c.name()));
        for (String name : names(statement)) {
            if (s.connections().containsKey(name)) wanted.add("#ssl-" + css(name));
            if (s.contexts().containsKey(name)) wanted.add("#ctx-" + css(name));
            LabState.VariableView v = s.variables().get(name);
            if (v != null) {
                wanted.add("#var-" + css(name));
                if (v.session() != null && s.sessions().containsKey(v.session())) wanted.add("#session-" + v.session());
            }
        }
        for (String id : wanted) {
            Node n = ids.get(id);
            if (n == null) {
                out.add(where + ": " + id + " is not drawn");
                continue;
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (!inside(b, visible)) out.add(where + ": " + id + " at " + box(b) + " is outside the visible map " + box(visible));
        }
        out.addAll(wireOverlaps(window, where));
        return out;
    }

    /** Pairs of wire-lane texts that overlap, and texts cut by the lane's edge. */
    static List<String> wireOverlaps(Parent window, String where) {
        List<String> out = new ArrayList<>();
        Node lane = window.lookup(".wire-lane");
        if (lane == null) return out;
        Bounds laneBounds = lane.localToScene(lane.getLayoutBounds());
        record Label(String text, Bounds b) {}
        List<Label> labels = new ArrayList<>();
        collect(lane, n -> {
            String text = n instanceof Text t ? t.getText() : n instanceof Labeled l ? l.getText() : null;
            if (text == null || text.isBlank()) return;
            labels.add(new Label(text, n.localToScene(n.getBoundsInLocal())));
        });
        labels.sort(Comparator.comparingDouble(l -> l.b().getMinX()));
        for (Label l : labels) {
            if (!inside(l.b(), laneBounds)) out.add(where + ": wire label '" + l.text() + "' at " + box(l.b()) + " is cut by the lane " + box(laneBounds));
        }
        for (int i = 0; i < labels.size(); i++) {
            Label a = labels.get(i);
            for (int j = i + 1; j < labels.size() && labels.get(j).b().getMinX() < a.b().getMaxX() - SLACK; j++) {
                Label b = labels.get(j);
                double w = Math.min(a.b().getMaxX(), b.b().getMaxX()) - Math.max(a.b().getMinX(), b.b().getMinX());
                double h = Math.min(a.b().getMaxY(), b.b().getMaxY()) - Math.max(a.b().getMinY(), b.b().getMinY());
                if (w > SLACK && h > SLACK) out.add(where + ": wire labels '" + a.text() + "' " + box(a.b()) + " and '" + b.text() + "' " + box(b.b()) + " overlap");
            }
        }
        return out;
    }

    /** The kind of a problem line, for the summary. */
    static String kind(String problem) {
        if (problem.endsWith(" overlap")) return "wire labels overlap";
        if (problem.contains(" is cut by the lane")) return "wire label cut";
        if (problem.endsWith(" is not drawn")) return "subject not drawn";
        if (problem.contains(" is outside the visible map")) return "subject outside the visible map";
        return "other";
    }

    /** Identifiers in a statement that may name scenario objects ({@code c1}, {@code c1.server}, {@code s0}...). */
    static Set<String> names(String statement) {
        Set<String> out = new LinkedHashSet<>();
        String code = statement.startsWith("note ") ? "" : statement.replaceAll("\"[^\"]*\"", "");
        Matcher m = NAME.matcher(code);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Every shown node with an id, as "#id" (a node under a hidden or transparent parent is not shown). */
    private static void index(Node n, java.util.Map<String, Node> ids) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        if (n.getId() != null) ids.putIfAbsent("#" + n.getId(), n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) index(c, ids);
    }

    private static void collect(Node n, java.util.function.Consumer<Node> f) {
        if (!n.isVisible()) return;
        f.accept(n);
        if (n instanceof Labeled) return; // a label's own text node is the label
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, f);
    }

    private static boolean inside(Bounds b, Bounds outer) {
        return b.getMinX() >= outer.getMinX() - SLACK && b.getMaxX() <= outer.getMaxX() + SLACK
                && b.getMinY() >= outer.getMinY() - SLACK && b.getMaxY() <= outer.getMaxY() + SLACK;
    }

    private static String box(Bounds b) {
        return String.format("[%.0f,%.0f..%.0f,%.0f]", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }

    private static String css(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
