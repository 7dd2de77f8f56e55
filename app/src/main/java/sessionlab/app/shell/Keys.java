package sessionlab.app.shell;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.TextInputControl;
import sessionlab.app.view.transport.Shortcuts;

/** Keyboard stepping for the classroom; the same list is shown by the help overlay. */
final class Keys {
    /** A shortcut and what it does, for the help overlay. */
    record Shortcut(String keys, String action) {}

    /** The playback keys come from the transport bar's own list, so tooltips and help never disagree. */
    static final List<Shortcut> ALL = java.util.stream.Stream.concat(
            Shortcuts.all().stream().map(s -> new Shortcut(s.keyText(), s.description())),
            java.util.stream.Stream.of(
            new Shortcut("Ctrl+R", "run the lesson again"),
            new Shortcut("Ctrl+E", "edit the lesson"),
            new Shortcut("F5", "presenter mode: everything larger, a caption, stepping by statement"),
            new Shortcut("Right / Left (presenter)", "next / previous statement, as a clicker's PageDown / PageUp"),
            new Shortcut("Ctrl+D", "dark / light theme"),
            new Shortcut("F1 or ?", "this help"),
            new Shortcut("Esc", "close help"))).toList();

    private Keys() {}

    static void install(MainWindow w) {
        w.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = e.getTarget() instanceof TextInputControl t && t.isEditable() && t.isVisible();
            var p = w.controller().playback();
            if (e.isShortcutDown()) {
                switch (e.getCode()) {
                    case R -> w.runEdited();
                    case E -> w.script().editingProperty().set(!w.script().editingProperty().get());
                    case D -> w.darkProperty().set(!w.darkProperty().get());
                    default -> { return; }
                }
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.F1 || (!typing && "?".equals(e.getText()))) {
                w.help().setVisible(!w.help().isVisible());
            } else if (e.getCode() == KeyCode.ESCAPE && w.help().isVisible()) {
                w.help().setVisible(false);
            } else if (e.getCode() == KeyCode.F5) {
                w.presenterProperty().set(!w.presenterProperty().get());
            } else if (!typing && w.presenterProperty().get() && !e.isShiftDown() && (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT)) {
                // in front of a room one press is one statement: Right and Left step as a clicker does
                if (e.getCode() == KeyCode.RIGHT) p.nextStatement();
                else p.previousStatement();
            } else if (typing || !Shortcuts.handle(e, p)) {
                return;
            }
            e.consume();
        });
    }
}
