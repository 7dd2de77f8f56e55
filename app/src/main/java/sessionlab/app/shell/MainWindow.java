package sessionlab.app.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState;
import sessionlab.app.script.ActionsBar;
import sessionlab.app.script.Lessons;
import sessionlab.app.script.ScriptPane;
import sessionlab.app.view.inspect.Alerts;
import sessionlab.app.view.inspect.EventTablePane;
import sessionlab.app.view.inspect.InspectorPane;
import sessionlab.app.view.inspect.NarrationPane;
import sessionlab.app.view.map.MemoryMapView;
import sessionlab.app.view.transport.TransportBar;
import sessionlab.app.view.wire.WireLaneView;

/**
 * The main window: script (left) — memory map and wire lane (centre) — inspector and narration
 * (right) — transport bar (bottom). Views bind to the controller; none of them reaches the engine.
 */
public final class MainWindow extends StackPane {
    private final LabController controller;
    private final ScriptPane script = new ScriptPane();
    private final MemoryMapView map = new MemoryMapView();
    private final WireLaneView wire = new WireLaneView();
    private final InspectorPane inspector = new InspectorPane();
    private final NarrationPane narration = new NarrationPane();
    private final EventTablePane table = new EventTablePane();
    private final TransportBar transport;
    private final ComboBox<Path> lessons = new ComboBox<>();
    private final ComboBox<String> stackChoice = new ComboBox<>();
    private final ComboBox<String> compareChoice = new ComboBox<>();
    private boolean showingStackThatRan;
    private final ComparePane compare = new ComparePane();
    private SplitPane sideBySide;
    private SplitPane centreSplit;
    private Tab mapTab;
    private final BorderPane layout = new BorderPane();
    private final VBox left;
    private final VBox right;
    private final HelpOverlay help = new HelpOverlay();
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty animations = new SimpleBooleanProperty(true);
    private Object selection;
    private LabState shown = LabState.EMPTY;

    public MainWindow(LabController controller, Path lessonDir) {
        this.controller = controller;
        this.transport = new TransportBar(controller.playback());
        getStyleClass().add("lab-root");
        setId("main-window");

        lessons.setId("lesson-picker");
        lessons.getItems().setAll(Lessons.list(lessonDir));
        lessons.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Path p) { return p == null ? "" : Lessons.name(p); }
            @Override public Path fromString(String s) { return null; }
        });
        lessons.setOnAction(e -> { if (lessons.getValue() != null) open(lessons.getValue()); });
        lessons.setTooltip(new Tooltip("Lessons in samples/ and, for comparing stacks, samples/compare/"));

        Button run = new Button("Run");
        run.setId("run");
        run.setTooltip(new Tooltip("Run the lesson again (Ctrl+R)"));
        run.setOnAction(e -> runEdited());
        run.disableProperty().bind(controller.runningProperty());
        ToggleButton edit = new ToggleButton("Edit");
        edit.setId("edit");
        edit.setTooltip(new Tooltip("Edit the lesson text, then Run (Ctrl+E)"));
        edit.selectedProperty().bindBidirectional(script.editingProperty());
        stackChoice.setId("stack-choice");
        stackChoice.getItems().setAll("libssl", "jsse", "bc");
        stackChoice.setValue("libssl");
        stackChoice.setTooltip(new Tooltip("The TLS stack this lesson runs on (overrides its stack statement)"));
        stackChoice.setOnAction(e -> {
            if (showingStackThatRan) return;
            controller.stackProperty().set(stackChoice.getValue());
            controller.run(false);
        });
        // the chooser shows the stack that ran: the lesson's own stack line until the user picks one
        controller.resultProperty().addListener((o, was, now) -> {
            if (now == null) return;
            showingStackThatRan = true;
            try {
                stackChoice.setValue(now.stack());
            } finally {
                showingStackThatRan = false;
            }
        });
        compareChoice.setId("compare-choice");
        compareChoice.getItems().setAll(NO_COMPARISON, "libssl", "jsse", "bc");
        compareChoice.setValue(NO_COMPARISON);
        compareChoice.setTooltip(new Tooltip("Run the same lesson on a second stack, side by side; lines that differ get \u2260"));
        compareChoice.setOnAction(e -> {
            String v = compareChoice.getValue();
            controller.compareStackProperty().set(NO_COMPARISON.equals(v) ? null : v);
            controller.runComparison();
            applyCompare();
        });
        Label title = new Label("TLS Session Lab");
        title.getStyleClass().add("app-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, title, lessons, edit, run, new Label("stack"), stackChoice, new Label("compare with"), compareChoice, grow, menu());
        top.getStyleClass().add("top-bar");

        ActionsBar actions = new ActionsBar(this::endState, controller::perform, call -> controller.refusal(endState().stack(), call));
        Label actionsTitle = new Label("Interactive: click a call, it becomes a line of the lesson");
        actionsTitle.getStyleClass().add("section-title");
        left = new VBox(6, script, actionsTitle, actions);
        VBox.setVgrow(script, Priority.ALWAYS);
        left.getStyleClass().add("side-pane");
        left.setPrefWidth(360);

        ScrollPane mapScroll = new ScrollPane(map);
        mapScroll.setFitToWidth(true);
        mapScroll.setId("map-scroll");
        centreSplit = new SplitPane(mapScroll, wire);
        centreSplit.setOrientation(Orientation.VERTICAL);
        centreSplit.setDividerPositions(0.66);
        mapTab = new Tab("Memory map", centreSplit);
        TabPane centre = new TabPane(mapTab, new Tab("Event log", table));
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centre.setId("centre-tabs");

        right = new VBox(6, inspector, narration);
        VBox.setVgrow(narration, Priority.ALWAYS);
        right.getStyleClass().add("side-pane");
        right.setPrefWidth(340);

        layout.setTop(top);
        layout.setCenter(centre);
        layout.setBottom(transport);
        applyPanes();
        getChildren().addAll(layout, help);
        help.setVisible(false);

        map.setSelectionHandler(this::select);
        wire.setSelectionHandler(this::select);
        table.setSeekHandler(i -> controller.playback().seek(i));
        inspector.setSeekHandler(i -> controller.playback().seek(i));
        map.animationMillisProperty().bind(javafx.beans.binding.Bindings.when(animations).then(300.0).otherwise(0.0));

        controller.sourceProperty().addListener((o, a, b) -> script.setSource(b));
        script.setSource(controller.sourceProperty().get());
        script.editor().textProperty().addListener((o, a, b) -> { if (script.editingProperty().get()) controller.sourceProperty().set(b); });
        controller.diagnosticsProperty().addListener((o, a, b) -> {
            script.setDiagnostics(b);
            if (!b.isEmpty()) script.editingProperty().set(true);
        });
        controller.playback().historyProperty().addListener((o, a, b) -> table.load(b));
        controller.playback().stateProperty().addListener((o, a, b) -> show(b));
        controller.differencesProperty().addListener((o, a, b) -> script.setDifferences(b));
        controller.compareHistoryProperty().addListener((o, a, b) -> showCompare());
        controller.compareProblemProperty().addListener((o, a, b) -> showCompare());
        presenter.addListener((o, a, b) -> applyPanes());
        dark.addListener((o, a, b) -> applyTheme());
        applyTheme();
        Keys.install(this);
    }

    /** The state at the end of the run: what interactive actions apply to. */
    LabState endState() {
        var p = controller.playback();
        return p.history().size() == 0 ? LabState.EMPTY : p.history().stateAt(p.history().size() - 1);
    }

    private void show(LabState s) {
        LabState before = shown;
        shown = s;
        script.show(s);
        map.show(s);
        wire.show(controller.playback().history(), s.cursor());
        narration.show(s);
        inspector.inspect(selection, s);
        table.showCursor(s.cursor());
        showCompare();
        if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
            Alerts.notifyNew(this, before, s);
        }
    }

    private static final String NO_COMPARISON = "nothing";

    private void applyCompare() {
        boolean on = controller.compareStackProperty().get() != null;
        if (on && sideBySide == null) {
            sideBySide = new SplitPane(centreSplit, compare);
            sideBySide.setId("side-by-side");
        }
        mapTab.setContent(on ? sideBySide : centreSplit);
        if (!on && sideBySide != null) {
            sideBySide.getItems().clear();
            sideBySide = null;
        }
        showCompare();
    }

    private void showCompare() {
        String other = controller.compareStackProperty().get();
        if (other == null) return;
        var h = controller.compareHistoryProperty().get();
        int cursor = h == null ? -1 : Differences.matchingCursor(controller.playback().history(), controller.playback().cursorProperty().get(), h);
        compare.show(other, h, cursor, controller.compareProblemProperty().get());
    }

    private void select(Object o) {
        selection = o;
        inspector.inspect(o, controller.playback().state());
    }

    public void open(Path p) {
        controller.open(p, problem -> script.setDiagnostics(List.of(new sessionlab.scenario.Diagnostic(
                new sessionlab.scenario.Position(p.toString(), 1, 1), "cannot read: " + problem))));
        script.editingProperty().set(false);
        if (!p.equals(lessons.getValue())) lessons.setValue(p);
    }

    void runEdited() {
        controller.sourceProperty().set(script.editor().getText());
        controller.run(false);
    }

    private javafx.scene.control.MenuBar menu() {
        return new WindowMenu(this).build();
    }

    private void applyPanes() {
        boolean p = presenter.get();
        layout.setLeft(p ? null : left);
        layout.setRight(p ? null : right);
        if (p) getStyleClass().add("presenter");
        else getStyleClass().remove("presenter");
    }

    private void applyTheme() {
        getStyleClass().removeAll("theme-light", "theme-dark", "dark");
        // "dark" is the memory map's own switch; theme-* sets the looked-up colours of everything else
        getStyleClass().addAll(dark.get() ? java.util.List.of("theme-dark", "dark") : java.util.List.of("theme-light"));
    }

    public LabController controller() { return controller; }
    ComboBox<String> compareChoice() { return compareChoice; }
    public ScriptPane script() { return script; }
    public MemoryMapView map() { return map; }
    public HelpOverlay help() { return help; }
    public BooleanProperty presenterProperty() { return presenter; }
    public BooleanProperty darkProperty() { return dark; }
    public BooleanProperty animationsProperty() { return animations; }
}
