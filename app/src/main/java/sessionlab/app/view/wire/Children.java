package sessionlab.app.view.wire;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.Node;

/**
 * Brings a layer's children to a wanted list while touching as few as possible: a node that is removed and
 * added again gets its CSS re-applied, which is what makes a redraw slow.
 */
final class Children {
    private Children() {}

    static void sync(Group layer, List<? extends Node> wanted) {
        List<Node> current = layer.getChildren();
        if (current.equals(wanted)) return;
        Set<Node> keep = new HashSet<>(wanted);
        current.removeIf(n -> !keep.contains(n));
        Set<Node> present = new HashSet<>(current);
        for (Node n : wanted) if (!present.contains(n)) current.add(n);
    }
}
