package sessionlab.app;

import javafx.application.Application;
import sessionlab.app.start.Headless;
import sessionlab.app.start.StartOptions;

/**
 * The launchers' entry point ({@code bin/sessionlab-app [FILE.lab] [--self-test]}). JavaFX on the class
 * path cannot be started from a main class that extends Application, hence this class.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        StartOptions options;
        try {
            options = StartOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sessionlab-app: " + e.getMessage());
            System.err.println(StartOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(StartOptions.USAGE);
            return;
        }
        // the toolkit reads these once, when it starts: before launch
        if (options.selfTest()) Headless.useMonocle();
        Application.launch(SessionLabApp.class, args);
    }
}
