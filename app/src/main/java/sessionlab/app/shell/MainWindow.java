package sessionlab.app.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import sessionlab.app.model.LabState;
import sessionlab.app.model.Touched;
import sessionlab.app.playback.Playback;
import sessionlab.app.script.ActionsBar;
import sessionlab.app.script.Lessons;
import sessionlab.app.script.ScriptPane;
import sessionlab.app.view.inspect.Alerts;
import sessionlab.app.view.inspect.EventTablePane;
import sessionlab.app.view.inspect.InspectorPane;
import sessionlab.app.view.inspect.NarrationPane;
import sessionlab.app.view.map.MapViewport;
import sessionlab.app.view.map.MemoryMapView;
import sessionlab.app.view.transport.TransportBar;
import sessionlab.app.view.wire.WireLaneView;

/**
 * The main window: script (left) — memory map and wire lane (centre) — inspector and narration
 * (right) — transport bar (bottom). Views bind to the controller; none of them reaches the engine.
 * The playback's clock drives every animation: its transition goes to the map, its clock time to the wire lane.
 * Presenter mode scales the whole window ({@link #PRESENTER_SCALE}), hides the side panes, shows the
 * {@link CaptionBar} and collapses the toolbar to icons.
 */
public final class MainWindow extends StackPane {
    /** Presenter mode's zoom: 13 px body text becomes 18.2 px at 1280x720. */
    public static final double PRESENTER_SCALE = 1.4;
    /** The smallest text presenter mode shows, in screen pixels at 1280x720. */
    public static final double PRESENTER_MIN_TEXT = 18;
    private final LabController controller;
    private final ScriptPane script = new ScriptPane();
    private final MemoryMapView map = new MemoryMapView();
    private final MapViewport mapViewport = new MapViewport(map);
    private final CaptionBar caption = new CaptionBar();
    private final Scaled scaled;
    private final TopBar topBar;
    private final VBox top;
    private TabPane centre;
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
    private Tab logTab;
    /** Where the map / wire divider goes (presenter mode gives the map more); set again once the split has its size. */
    private double dividerAt = 0.66;
    private boolean dividerPending = true;
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
        // wide enough for the longest lesson name, and no wider: the bar must fit 1280 px
        lessons.setPrefWidth(330);
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
        topBar = new TopBar(title, lessons, List.of(edit, run), List.of(Icons.EDIT, Icons.RUN), stackChoice, compareChoice, menu());
        top = new VBox(topBar);

        ActionsBar actions = new ActionsBar(this::endState, controller::perform, call -> controller.refusal(endState().stack(), call));
        Label actionsTitle = new Label("Interactive: click a call, it becomes a line of the lesson");
        actionsTitle.getStyleClass().add("section-title");
        left = new VBox(6, script, actionsTitle, actions);
        VBox.setVgrow(script, Priority.ALWAYS);
        left.getStyleClass().add("side-pane");
        left.setPrefWidth(360);

        mapViewport.setId("map-viewport");
        // the split keeps a divider the user dragged; a mode change asks for its own, set at the split's next layout
        // with its new size (set before, the split's layout would put it back where its contents' sizes say)
        centreSplit = new SplitPane(mapViewport, wire) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                if (dividerPending && getHeight() > 0) {
                    dividerPending = false;
                    setDividerPositions(dividerAt);
                    super.layoutChildren();
                }
            }
        };
        centreSplit.setOrientation(Orientation.VERTICAL);
        centreSplit.setDividerPositions(0.66);
        mapTab = new Tab("Memory map", centreSplit);
        Tab logTab = new Tab("Event log", table);
        centre = new TabPane(mapTab, logTab);
        // the table follows the cursor only while it is seen: selecting and scrolling it is a step's dearest part
        logTab.selectedProperty().addListener((o, a, on) -> {
            if (on) table.showCursor(shown.cursor());
        });
        this.logTab = logTab;
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
        scaled = new Scaled(new StackPane(layout, help));
        getChildren().add(scaled);
        help.setVisible(false);

        map.setSelectionHandler(this::select);
        wire.setSelectionHandler(this::select);
        table.setSeekHandler(i -> controller.playback().seek(i));
        inspector.setSeekHandler(i -> controller.playback().seek(i));
        Playback playback = controller.playback();
        playback.transitionMillisProperty().bind(javafx.beans.binding.Bindings.when(animations)
                .then(Playback.DEFAULT_TRANSITION_MILLIS).otherwise(0.0));
        // the step's "before" picture is recorded before the new state is shown; then the clock draws it
        playback.transitionProperty().addListener((o, a, t) -> map.prepare(t));
        playback.progressProperty().addListener((o, a, p) -> animate());
        playback.clockTimeProperty().addListener((o, a, t) -> animate());

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
        var history = controller.playback().history();
        script.show(s);
        map.show(s, Touched.atStatement(history, s.cursor()));
        mapViewport.reveal(map.touchedNodes());
        wire.show(history, s);
        caption.show(history, s.cursor());
        animate();
        narration.show(s);
        inspector.inspect(selection, s);
        if (logTab != null && logTab.isSelected()) table.showCursor(s.cursor());
        showCompare();
        if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
            Alerts.notifyNew(this, before, s);
        }
    }

    /** Draws the playback's transition at its progress: the map's changes and the wire's moving tickets. */
    private void animate() {
        Playback p = controller.playback();
        map.setProgress(p.progressProperty().get());
        wire.animate(p.transition(), p.progressProperty().get(), p.clockTimeProperty().get());
    }

    private static final String NO_COMPARISON = "nothing";

    private void applyCompare() {
        boolean on = controller.compareStackProperty().get() != null;
        if (on && sideBySide == null) {
            sideBySide = new SplitPane(centreSplit, compare);
            sideBySide.setId("side-by-side");
        }
        if (presenter.get()) layout.setCenter(on ? sideBySide : centreSplit);
        else mapTab.setContent(on ? sideBySide : centreSplit);
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
        if (p && !top.getChildren().contains(caption)) top.getChildren().add(caption);
        if (!p) top.getChildren().remove(caption);
        topBar.setCompact(p);
        // the event log is a desk tool: in front of a room the map and the wire take the whole centre
        if (centre != null) {
            centre.getSelectionModel().select(mapTab);
            layout.setCenter(p ? mapTab.getContent() : centre);
            if (p) mapTab.setContent(null);
            else if (mapTab.getContent() == null) mapTab.setContent(sideBySide != null ? sideBySide : centreSplit);
        }
        transport.setCompact(p);
        if (scaled != null) scaled.factorProperty().set(p ? PRESENTER_SCALE : 1);
        // the map's smallest text is 1em of 14 px in presenter mode: scaled no further than 18 px on screen
        mapViewport.setMinScale(p ? PRESENTER_MIN_TEXT / (14 * PRESENTER_SCALE) : MapViewport.MIN_SCALE);
        dividerAt = p ? 0.74 : 0.66;
        dividerPending = true;
        centreSplit.requestLayout();
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
    public MapViewport mapViewport() { return mapViewport; }
    public WireLaneView wire() { return wire; }
    CaptionBar caption() { return caption; }
    TopBar topBar() { return topBar; }
    public TransportBar transport() { return transport; }
    public HelpOverlay help() { return help; }
    public BooleanProperty presenterProperty() { return presenter; }
    public BooleanProperty darkProperty() { return dark; }
    public BooleanProperty animationsProperty() { return animations; }
}
