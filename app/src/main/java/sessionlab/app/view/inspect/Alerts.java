package sessionlab.app.view.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import sessionlab.app.model.LabState;

/**
 * Pop-up notifications for what a student must not miss: a use of a dangling pointer the engine prevented,
 * failed expectations, errors. What a lesson still holds at its end is not an alarm: the narration tells it. {@link #newAlerts} tells the window which alert lines are new
 * between two states, so each is announced once while stepping forward and never again when stepping back.
 */
public final class Alerts {
    /** More lines of one kind than this at once are announced as one notification. */
    static final int GROUP_ABOVE = 2;
    private static final Duration SHOW_FOR = Duration.seconds(8);

    private Alerts() {}

    /**
     * The alert lines of {@code after} that {@code before} did not have yet. Moving forward in the same run,
     * that is the new tail; moving back (or staying) gives nothing; after a different run, all of {@code after}'s.
     */
    public static List<String> newAlerts(LabState before, LabState after) {
        if (after == null) return List.of();
        List<String> now = after.alerts();
        if (before == null) return List.copyOf(now);
        List<String> then = before.alerts();
        if (after.cursor() <= before.cursor()) return List.of();
        if (then.size() <= now.size() && now.subList(0, then.size()).equals(then)) return List.copyOf(now.subList(then.size(), now.size()));
        return List.copyOf(now);
    }

    /** Shows one notification near {@code owner}'s window. Safe to call from any thread. */
    public static void notify(Node owner, String title, String text, AlertKind kind) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> notify(owner, title, text, kind));
            return;
        }
        Notifications n = Notifications.create().title(title).text(text).position(Pos.BOTTOM_RIGHT).hideAfter(SHOW_FOR)
                .styleClass("lab-alert", "lab-alert-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (owner != null && owner.getScene() != null && owner.getScene().getWindow() != null && owner.getScene().getWindow().isShowing())
            n.owner(owner);
        if (kind.severe()) n.showError();
        else n.showWarning();
    }

    /** Announces the alerts new between two states: one notification per line, or one per kind when many come at once. */
    public static void notifyNew(Node owner, LabState before, LabState after) {
        Map<AlertKind, List<String>> byKind = new LinkedHashMap<>();
        for (String line : newAlerts(before, after)) byKind.computeIfAbsent(AlertKind.of(line), k -> new ArrayList<>()).add(line);
        byKind.forEach((kind, lines) -> {
            if (lines.size() <= GROUP_ABOVE) lines.forEach(l -> notify(owner, kind.title(), l, kind));
            else notify(owner, lines.size() + " × " + kind.title(), String.join("\n", lines.subList(0, Math.min(6, lines.size())))
                    + (lines.size() > 6 ? "\n…" : ""), kind);
        });
    }
}
