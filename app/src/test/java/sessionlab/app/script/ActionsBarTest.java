package sessionlab.app.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sessionlab.app.LessonRuns;
import sessionlab.app.model.LabState;
import sessionlab.run.Stacks;

/** The interactive menus over a real JSSE run: what the JDK refuses is greyed out with why, the rest becomes a statement. */
@ExtendWith(ApplicationExtension.class)
class ActionsBarTest {
    private static LabState jsse;
    private final List<String> performed = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        jsse = LessonRuns.after("compare/single-use.jsse.lab", "jsse", "s = SSL_get1_session(c1)");
    }

    @Start
    void start(Stage stage) {
        Map<String, String> refused = Stacks.standard().refusedCalls("jsse");
        ActionsBar bar = new ActionsBar(() -> jsse, performed::add, call -> Optional.ofNullable(refused.get(call)));
        stage.setScene(new Scene(bar, 800, 200));
        stage.show();
    }

    private MenuItem item(FxRobot robot, String menu, String startsWith) {
        return robot.lookup("#" + menu).queryAs(MenuButton.class).getItems().stream()
                .filter(i -> i.getText() != null && i.getText().startsWith(startsWith)).findFirst().orElseThrow();
    }

    @Test
    void aCallTheJdkRefusesIsGreyedOutAndSaysWhy(FxRobot robot) {
        MenuItem upRef = item(robot, "actions-session", "SSL_SESSION_up_ref(s)");
        MenuItem clear = item(robot, "actions-connection", "SSL_clear(c1)");

        assertThat(upRef.isDisable()).isTrue();
        assertThat(upRef.getText()).contains("jsse has no reference counts");
        assertThat(clear.isDisable()).isTrue();
    }

    @Test
    void aCallTheJdkHasBecomesAStatement(FxRobot robot) {
        MenuItem free = item(robot, "actions-session", "SSL_SESSION_free(s)");

        assertThat(free.isDisable()).isFalse();
        robot.interact(free::fire);
        assertThat(performed).containsExactly("SSL_SESSION_free(s)");
    }

    @Test
    void theCallOfAStatementIsItsFunctionName() {
        assertThat(ActionsBar.callOf("s2 = SSL_get1_session(c1)")).isEqualTo("SSL_get1_session");
        assertThat(ActionsBar.callOf("SSL_CTX_flush_sessions(server, at=0)")).isEqualTo("SSL_CTX_flush_sessions");
        assertThat(ActionsBar.callOf("c3 = connect(client, server, session=s)")).isEqualTo("connect");
        assertThat(ActionsBar.callOf("advance 1h")).isEqualTo("advance");
    }
}
