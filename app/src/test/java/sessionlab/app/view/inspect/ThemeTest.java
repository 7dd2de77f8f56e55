package sessionlab.app.view.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.model.History;

@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    private static final String DARK = """
            .root.dark .inspector, .root.dark .narration, .root.dark .event-table {
                -lab-fg: #e8eaee; -lab-bg: #1e2229; -lab-accent: #7fb0ff;
            }
            """;
    private final History history = Lessons.sample(Lessons.DEFAULT);
    private HBox root;
    private InspectorPane inspector;

    @Start
    void start(Stage stage) {
        inspector = new InspectorPane();
        root = new HBox(inspector, new NarrationPane(), new EventTablePane());
        Scene scene = new Scene(root, 1280, 720);
        scene.getStylesheets().add("data:text/css;base64," + Base64.getEncoder().encodeToString(DARK.getBytes(StandardCharsets.UTF_8)));
        stage.setScene(scene);
        stage.show();
    }

    private Color titleColour(FxRobot robot) {
        Label title = robot.lookup("#inspector-title").queryAs(Label.class);
        return (Color) title.getTextFill();
    }

    @Test
    void theLightDefaultsApplyUntilADarkThemeOverridesTheLookedUpColours(FxRobot robot) {
        var state = history.stateAt(Lessons.endOfLine(history, 9));
        robot.interact(() -> inspector.inspect(state.sessions().get(state.variables().get("s1").session()), state));
        assertThat(titleColour(robot)).isEqualTo(Color.web("#1c2230"));
        robot.interact(() -> {
            root.getStyleClass().add("dark");
            root.applyCss();
        });
        assertThat(titleColour(robot)).isEqualTo(Color.web("#e8eaee"));
    }
}
