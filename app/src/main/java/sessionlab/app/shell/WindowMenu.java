package sessionlab.app.shell;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import sessionlab.event.EventJson;
import sessionlab.event.EventLog;

/** File and View menus. */
final class WindowMenu {
    private final MainWindow w;

    WindowMenu(MainWindow w) {
        this.w = w;
    }

    MenuBar build() {
        MenuItem open = new MenuItem("Open lesson\u2026");
        open.setOnAction(e -> {
            Path p = chooser("Open a lesson").map(c -> c.showOpenDialog(w.getScene().getWindow())).map(java.io.File::toPath).orElse(null);
            if (p != null) w.open(p);
        });
        MenuItem save = new MenuItem("Save lesson as\u2026");
        save.setOnAction(e -> chooser("Save the lesson").map(c -> c.showSaveDialog(w.getScene().getWindow()))
                .ifPresent(f -> w.controller().save(f.toPath(), problem -> problem(f.toPath(), "cannot save: " + problem))));
        MenuItem export = new MenuItem("Export events (JSON Lines)\u2026");
        export.setOnAction(e -> chooser("Export the event log").map(c -> c.showSaveDialog(w.getScene().getWindow())).ifPresent(f -> {
            EventLog log = new EventLog();
            w.controller().playback().history().events().forEach(log::appendLogged);
            w.controller().inBackground(() -> {
                try (Writer out = Files.newBufferedWriter(f.toPath(), StandardCharsets.UTF_8)) {
                    EventJson.write(log, out);
                }
            }, () -> { }, problem -> problem(f.toPath(), "cannot export: " + problem));
        }));
        MenuItem capture = new MenuItem("Export capture for Wireshark\u2026");
        capture.setId("export-capture");
        capture.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !w.controller().captureExport().available(), w.controller().resultProperty()));
        capture.setOnAction(e -> exportCapture());
        Menu file = new Menu("File", null, open, save, export, capture);

        CheckMenuItem presenter = new CheckMenuItem("Presenter mode (F5)");
        presenter.selectedProperty().bindBidirectional(w.presenterProperty());
        CheckMenuItem dark = new CheckMenuItem("Dark theme (Ctrl+D)");
        dark.selectedProperty().bindBidirectional(w.darkProperty());
        CheckMenuItem animations = new CheckMenuItem("Animations");
        animations.selectedProperty().bindBidirectional(w.animationsProperty());
        MenuItem help = new MenuItem("Keyboard shortcuts (F1)");
        help.setOnAction(e -> w.help().setVisible(true));
        Menu view = new Menu("View", null, presenter, dark, animations, help);
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menu-bar");
        return bar;
    }

    /** Saves the last run's capture, then asks (default: no) before saving its key log next to it. */
    private void exportCapture() {
        CaptureExport export = w.controller().captureExport(); // this run's, even if another finishes meanwhile
        if (!export.available() || w.getScene() == null) return;
        Window window = w.getScene().getWindow();
        FileChooser c = new FileChooser();
        c.setTitle("Export capture for Wireshark");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng capture", "*" + CaptureExport.EXTENSION));
        Path lesson = w.controller().fileProperty().get();
        String base = lesson == null ? "capture" : lesson.getFileName().toString().replaceFirst("\\.lab$", "");
        c.setInitialFileName(base + CaptureExport.EXTENSION);
        java.io.File f = c.showSaveDialog(window);
        if (f == null) return;
        Path[] pcap = new Path[1];
        // the capture is written off the FX thread; the question about the key log is asked on it
        w.controller().inBackground(() -> pcap[0] = export.writeCapture(f.toPath()), () -> {
            if (!export.hasKeyLog()) return;
            CaptureExport.Choice choice = KeyLogDialog.ask(export.question(CaptureExport.keyLogPath(pcap[0])), window);
            w.controller().inBackground(() -> export.writeKeyLog(pcap[0], choice), () -> { },
                    problem -> problem(f.toPath(), "cannot export the key log: " + problem));
        }, problem -> problem(f.toPath(), "cannot export the capture: " + problem));
    }

    private void problem(Path file, String message) {
        w.script().setDiagnostics(java.util.List.of(new sessionlab.scenario.Diagnostic(
                new sessionlab.scenario.Position(file.toString(), 1, 1), message)));
    }

    private java.util.Optional<FileChooser> chooser(String title) {
        if (w.getScene() == null) return java.util.Optional.empty();
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons and logs", "*.lab", "*.jsonl"));
        return java.util.Optional.of(c);
    }
}
