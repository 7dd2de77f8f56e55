package sessionlab.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import sessionlab.app.playback.LessonRunner;
import sessionlab.app.script.Lessons;
import sessionlab.app.shell.LabController;
import sessionlab.app.shell.MainWindow;
import sessionlab.run.IsolatedRuns;
import sessionlab.run.Stacks;

/** Opens straight into the default lesson (TLS 1.3 ticket timing), ready to play. */
public final class SessionLabApp extends Application {
    private ExecutorService engineThread;
    private IsolatedRuns isolated;

    public static Scene createScene(MainWindow window) {
        Scene scene = new Scene(window, 1280, 720);
        scene.getStylesheets().add(SessionLabApp.class.getResource("app.css").toExternalForm());
        return scene;
    }

    @Override
    public void start(Stage stage) {
        engineThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sessionlab-engine");
            t.setDaemon(true);
            return t;
        });
        isolated = new IsolatedRuns();
        LabController controller = new LabController(new LessonRunner(engineThread, Stacks.standard(), isolated), Platform::runLater);
        Path dir = Lessons.directory();
        MainWindow window = new MainWindow(controller, dir);
        stage.setTitle("TLS Session Lab");
        stage.setScene(createScene(window));
        stage.show();
        window.open(dir.resolve(Lessons.DEFAULT));
    }

    @Override
    public void stop() {
        if (engineThread != null) engineThread.shutdownNow();
        if (isolated != null) isolated.close();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
