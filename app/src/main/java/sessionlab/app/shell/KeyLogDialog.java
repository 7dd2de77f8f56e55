package sessionlab.app.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The confirmation before the key log is written. "Export capture only" is the default button (Enter)
 * and also what Esc or closing the window means: saving secrets must be a deliberate click.
 */
final class KeyLogDialog {
    private KeyLogDialog() {}

    /** Shows the question and waits for the answer. */
    static CaptureExport.Choice ask(CaptureExport.Question q, Window owner) {
        return choice(create(q, owner).showAndWait().orElse(null));
    }

    static Alert create(CaptureExport.Question q, Window owner) {
        // CANCEL_CLOSE: Esc and the window's close box mean "capture only" too
        ButtonType captureOnly = new ButtonType(q.captureOnly(), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType withKeys = new ButtonType(q.captureAndKeys(), ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.WARNING, q.text(), captureOnly, withKeys);
        alert.setTitle(q.title());
        alert.setHeaderText(q.header());
        if (owner != null) alert.initOwner(owner);
        alert.getDialogPane().setId("keylog-dialog");
        Button only = (Button) alert.getDialogPane().lookupButton(captureOnly);
        Button keys = (Button) alert.getDialogPane().lookupButton(withKeys);
        // a CANCEL_CLOSE button is not the default by itself: make it the one Enter presses
        only.setDefaultButton(true);
        keys.setDefaultButton(false);
        // a focused button also takes Enter, and the platform's button order may put "also save" first:
        // start with the focus on "capture only" so an Enter typed on reflex never writes secrets
        alert.setOnShown(e -> only.requestFocus());
        only.setId("keylog-capture-only");
        keys.setId("keylog-save-keys");
        return alert;
    }

    /** Only the "also save" button means yes; anything else (null: closed) is the default. */
    static CaptureExport.Choice choice(ButtonType pressed) {
        return pressed != null && pressed.getButtonData() == ButtonBar.ButtonData.OTHER
                ? CaptureExport.Choice.CAPTURE_AND_KEYS : CaptureExport.DEFAULT_CHOICE;
    }
}
