package sessionlab.app.view.transport;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import sessionlab.app.model.LabState;
import sessionlab.app.playback.Pace;
import sessionlab.app.playback.Playback;
import sessionlab.app.view.transport.Shortcuts.Shortcut;

/**
 * Playback controls bound to a {@link Playback}: start, statement back, event back, play/pause, event forward,
 * statement forward, end; the scrubber with its markers; the speed; where we are. Buttons are disabled through
 * the playback's {@code canStepBack}/{@code canStepForward}. Keys are the window's business: see {@link Shortcuts}.
 */
public final class TransportBar extends HBox {
    private static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");
    private static final PseudoClass STANDALONE = PseudoClass.getPseudoClass("standalone");
    /** The play button's text while paused and while playing (glyphs DejaVu Sans has). */
    public static final String PLAY_GLYPH = "▶";
    public static final String PAUSE_GLYPH = "❚❚";
    private static final Map<Shortcut, String> GLYPHS = Map.of(
            Shortcut.TO_START, "|◀", Shortcut.PREVIOUS_STATEMENT, "◀◀", Shortcut.STEP_BACK, "◁",
            Shortcut.PLAY_PAUSE, PLAY_GLYPH, Shortcut.STEP_FORWARD, "▷", Shortcut.NEXT_STATEMENT, "▶▶", Shortcut.TO_END, "▶|");

    private final Playback playback;
    private final Map<Shortcut, Button> buttons = new EnumMap<>(Shortcut.class);
    private final Scrubber scrubber;
    private final ChoiceBox<Pace> speed = new ChoiceBox<>();
    private final Label position = new Label();
    private boolean syncingSpeed;
    private boolean compact;
    private final Region spacer = new Region();

    public TransportBar(Playback playback) {
        this.playback = Objects.requireNonNull(playback);
        getStyleClass().add("transport-bar");
        getStylesheets().add(Objects.requireNonNull(TransportBar.class.getResource("transport.css")).toExternalForm());
        setAlignment(Pos.CENTER_LEFT);
        HBox group = new HBox();
        group.getStyleClass().add("transport-buttons");
        for (Shortcut s : Shortcuts.all()) {
            Button b = makeButton(s);
            buttons.put(s, b);
            group.getChildren().add(b);
        }
        ObservableBooleanValue back = playback.canStepBack();
        ObservableBooleanValue forward = playback.canStepForward();
        for (Shortcut s : List.of(Shortcut.TO_START, Shortcut.PREVIOUS_STATEMENT, Shortcut.STEP_BACK)) {
            buttons.get(s).disableProperty().bind(Bindings.not(back));
        }
        for (Shortcut s : List.of(Shortcut.STEP_FORWARD, Shortcut.NEXT_STATEMENT, Shortcut.TO_END)) {
            buttons.get(s).disableProperty().bind(Bindings.not(forward));
        }
        Button play = buttons.get(Shortcut.PLAY_PAUSE);
        play.disableProperty().bind(Bindings.not(Bindings.or(forward, playback.playingProperty())));
        play.textProperty().bind(Bindings.when(playback.playingProperty()).then(PAUSE_GLYPH).otherwise(PLAY_GLYPH));
        play.accessibleTextProperty().bind(Bindings.when(playback.playingProperty()).then("Pause").otherwise("Play"));
        playback.playingProperty().addListener((o, a, b) -> play.pseudoClassStateChanged(PLAYING, b));

        scrubber = new Scrubber(playback);
        HBox.setHgrow(scrubber, Priority.ALWAYS);

        speed.setId("speed");
        speed.setMinWidth(Region.USE_PREF_SIZE);
        speed.getStyleClass().add("speed");
        speed.setFocusTraversable(false);
        speed.getItems().setAll(Pace.CHOICES);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Pace v) {
                return v == null ? "" : v.label();
            }

            @Override
            public Pace fromString(String s) {
                return Pace.CHOICES.stream().filter(p -> p.label().equals(s)).findFirst().orElse(null);
            }
        });
        speed.setTooltip(new Tooltip("How fast Play goes: events per second, or the run's own virtual time"
                + " (\u00f710: ten times slower), so that the wait for a ticket can be felt"));
        speed.valueProperty().addListener((o, a, b) -> {
            if (!syncingSpeed && b != null) playback.paceProperty().set(b);
        });
        playback.paceProperty().addListener((o, a, b) -> showSpeed());
        showSpeed();

        position.setId("position");
        position.getStyleClass().add("position");
        position.setMinWidth(Label.USE_PREF_SIZE);
        playback.stateProperty().addListener((o, a, b) -> showPosition());
        playback.sizeProperty().addListener((o, a, b) -> showPosition());
        showPosition();

        HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.setVisible(false);
        spacer.setManaged(false);
        getChildren().addAll(group, scrubber, spacer, speed, position);
        sceneProperty().addListener((o, a, b) -> pseudoClassStateChanged(STANDALONE, !themed(this)));
        parentProperty().addListener((o, a, b) -> pseudoClassStateChanged(STANDALONE, !themed(this)));
        pseudoClassStateChanged(STANDALONE, true);
    }

    @Override
    protected void layoutChildren() {
        pseudoClassStateChanged(STANDALONE, !themed(this));
        super.layoutChildren();
    }

    private Button makeButton(Shortcut s) {
        Button b = new Button(GLYPHS.get(s));
        b.setId(s.id());
        b.getStyleClass().add("transport-button");
        // never narrower than its glyphs: a squeezed button would show "..."
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(s.tooltip()));
        b.setAccessibleText(s.description());
        b.setOnAction(e -> s.apply(playback));
        return b;
    }

    private void showSpeed() {
        syncingSpeed = true;
        try {
            speed.setValue(playback.paceProperty().get());
        } finally {
            syncingSpeed = false;
        }
    }

    private void showPosition() {
        LabState s = playback.state();
        int n = playback.sizeProperty().get();
        // compact (presenter mode): the caption shows the line; the room needs the time
        position.setText(compact ? "t = " + time(s.now())
                : "event " + (s.cursor() + 1) + " / " + n + " · line " + (s.line() > 0 ? s.line() : "–") + " · t = " + time(s.now()));
    }

    /**
     * Compact for presenter mode: no scrubber (the room follows the steps; its height goes to the map) and the position
     * shows only the virtual time (the caption bar shows the statement).
     */
    public void setCompact(boolean on) {
        compact = on;
        scrubber.setVisible(!on);
        scrubber.setManaged(!on);
        spacer.setVisible(on);
        spacer.setManaged(on);
        showPosition();
    }

    /** Virtual time for people: "75 ms", "12.5 s", "3 h 0 min 0.175 s". */
    static String time(long ms) {
        if (ms < 10_000) return ms + " ms";
        if (ms < 60_000) return trim(ms / 1000.0) + " s";
        long h = ms / 3_600_000;
        long min = ms / 60_000 % 60;
        String sec = trim(ms % 60_000 / 1000.0) + " s";
        return (h > 0 ? h + " h " : "") + min + " min " + sec;
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The palette comes from an enclosing {@code .lab-root}; without one the bar's own defaults apply. */
    private static boolean themed(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) if (p.getStyleClass().contains("lab-root")) return true;
        return false;
    }

    public Playback playback() {
        return playback;
    }

    /** The button for a command (ids {@code #play}, {@code #step-forward}, ...). */
    public Button button(Shortcut s) {
        return buttons.get(s);
    }

    public Slider scrubber() {
        return scrubber.slider();
    }

    public Label position() {
        return position;
    }
}
