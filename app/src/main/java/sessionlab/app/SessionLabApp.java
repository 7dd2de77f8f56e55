package sessionlab.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import sessionlab.app.playback.LessonRunner;
import sessionlab.app.script.Lessons;
import sessionlab.app.shell.LabController;
import sessionlab.app.shell.MainWindow;
import sessionlab.app.start.FirstFrame;
import sessionlab.app.start.SelfTest;
import sessionlab.app.start.StartOptions;
import sessionlab.run.IsolatedRuns;
import sessionlab.run.Stacks;

/** Opens straight into the default lesson (TLS 1.3 ticket timing), or the lesson named on the command line, ready to play. */
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
        StartOptions options = StartOptions.parse(getParameters().getRaw());
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
        FirstFrame.requested().ifPresent(mode -> FirstFrame.report(stage.getScene(), System::currentTimeMillis,
                System.out::println, mode.equals("exit") ? Platform::exit : () -> {}));
        if (options.selfTest()) {
            new SelfTest(window, Duration.minutes(2), System.out::println, code -> {
                isolated.close();
                System.out.flush();
                System.exit(code);
            }).start();
        }
        window.open(options.lesson().map(Path::toAbsolutePath).orElse(dir.resolve(Lessons.DEFAULT)));
    }

    @Override
    public void stop() {
        if (engineThread != null) engineThread.shutdownNow();
        if (isolated != null) isolated.close();
    }

    /** Kept for tools that start the Application class itself; the launchers use {@link Main}. */
    public static void main(String[] args) {
        Main.main(args);
    }
}
