package sessionlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The key-log confirmation: Enter, Esc and closing all mean "capture only"; only the other button saves keys. */
@ExtendWith(ApplicationExtension.class)
class KeyLogDialogTest {
    private final CaptureExport.Question question = new CaptureExport(null).question(Path.of("run.keys"));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100)); // an owner has a scene
        stage.show();
    }

    private Alert dialog(FxRobot robot) {
        Alert[] alert = new Alert[1];
        robot.interact(() -> alert[0] = KeyLogDialog.create(question, stage));
        return alert[0];
    }

    private static ButtonType button(Alert a, String id) {
        return a.getButtonTypes().stream().filter(t -> id.equals(a.getDialogPane().lookupButton(t).getId())).findFirst().orElseThrow();
    }

    @Test
    void captureOnlyIsTheDefaultButton(FxRobot robot) {
        Alert a = dialog(robot);
        assertThat(((Button) a.getDialogPane().lookupButton(button(a, "keylog-capture-only"))).isDefaultButton()).isTrue();
        assertThat(((Button) a.getDialogPane().lookupButton(button(a, "keylog-save-keys"))).isDefaultButton()).isFalse();
        assertThat(a.getHeaderText()).contains("secrets");
    }

    @Test
    void onlyTheSaveKeysButtonMeansYes(FxRobot robot) {
        Alert a = dialog(robot);
        assertThat(KeyLogDialog.choice(button(a, "keylog-save-keys"))).isEqualTo(CaptureExport.Choice.CAPTURE_AND_KEYS);
        assertThat(KeyLogDialog.choice(button(a, "keylog-capture-only"))).isEqualTo(CaptureExport.Choice.CAPTURE_ONLY);
        assertThat(KeyLogDialog.choice(null)).isEqualTo(CaptureExport.Choice.CAPTURE_ONLY);
    }

    @Test
    void pressingEnterAsTheDialogOpensExportsTheCaptureOnly(FxRobot robot) {
        Alert a = dialog(robot);
        robot.interact(a::show);
        WaitForAsyncUtils.waitForFxEvents();
        // no focus set by the test: what a user gets when the dialog opens
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(a.isShowing()).isFalse();
        assertThat(KeyLogDialog.choice(a.getResult())).isEqualTo(CaptureExport.Choice.CAPTURE_ONLY);
    }
}
