package sessionlab.app.view.transport;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import sessionlab.app.playback.Playback;

/**
 * The playback keys, in one place: the transport bar's tooltips, the main window's key handler and the
 * help overlay all read this list. The bar installs no key handler itself; the window calls
 * {@link #handle(KeyEvent, Playback)} (and consumes the event when it returns true).
 */
public final class Shortcuts {
    public static final KeyCombination KEY_PLAY_PAUSE = new KeyCodeCombination(KeyCode.SPACE);
    public static final KeyCombination KEY_STEP_FORWARD = new KeyCodeCombination(KeyCode.RIGHT);
    public static final KeyCombination KEY_STEP_BACK = new KeyCodeCombination(KeyCode.LEFT);
    public static final KeyCombination KEY_NEXT_STATEMENT = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination KEY_NEXT_STATEMENT_ALT = new KeyCodeCombination(KeyCode.DOWN);
    /** What a presentation clicker sends. */
    public static final KeyCombination KEY_NEXT_STATEMENT_CLICKER = new KeyCodeCombination(KeyCode.PAGE_DOWN);
    public static final KeyCombination KEY_PREVIOUS_STATEMENT_CLICKER = new KeyCodeCombination(KeyCode.PAGE_UP);
    public static final KeyCombination KEY_PREVIOUS_STATEMENT = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination KEY_PREVIOUS_STATEMENT_ALT = new KeyCodeCombination(KeyCode.UP);
    public static final KeyCombination KEY_TO_START = new KeyCodeCombination(KeyCode.HOME);
    public static final KeyCombination KEY_TO_END = new KeyCodeCombination(KeyCode.END);

    /** A playback command, its keys and what it does. Listed in the order of the bar's buttons. */
    public enum Shortcut {
        TO_START("to-start", "Jump to the start", Playback::toStart, KEY_TO_START),
        PREVIOUS_STATEMENT("previous-statement", "Step back one statement", Playback::previousStatement,
                KEY_PREVIOUS_STATEMENT, KEY_PREVIOUS_STATEMENT_ALT, KEY_PREVIOUS_STATEMENT_CLICKER),
        STEP_BACK("step-back", "Step back one event", Playback::stepBack, KEY_STEP_BACK),
        PLAY_PAUSE("play", "Play / pause", Playback::togglePlay, KEY_PLAY_PAUSE),
        STEP_FORWARD("step-forward", "Step forward one event", Playback::stepForward, KEY_STEP_FORWARD),
        NEXT_STATEMENT("next-statement", "Step forward one statement", Playback::nextStatement,
                KEY_NEXT_STATEMENT, KEY_NEXT_STATEMENT_ALT, KEY_NEXT_STATEMENT_CLICKER),
        TO_END("to-end", "Jump to the end", Playback::toEnd, KEY_TO_END);

        private final String id;
        private final String description;
        private final Consumer<Playback> command;
        private final List<KeyCombination> keys;

        Shortcut(String id, String description, Consumer<Playback> command, KeyCombination... keys) {
            this.id = id;
            this.description = description;
            this.command = command;
            this.keys = List.of(keys);
        }

        /** The id of the bar's button for this command ({@code #play}, {@code #step-forward}, ...). */
        public String id() {
            return id;
        }

        public String description() {
            return description;
        }

        public List<KeyCombination> keys() {
            return keys;
        }

        /** The keys as shown to people: "Shift+Right / Down". */
        public String keyText() {
            return keys.stream().map(KeyCombination::getDisplayText).collect(Collectors.joining(" / "));
        }

        /** "Step forward one event (Right)": the button's tooltip. */
        public String tooltip() {
            return description + " (" + keyText() + ")";
        }

        public boolean matches(KeyEvent e) {
            return keys.stream().anyMatch(k -> k.match(e));
        }

        public void apply(Playback playback) {
            command.accept(playback);
        }
    }

    private Shortcuts() {}

    public static List<Shortcut> all() {
        return List.of(Shortcut.values());
    }

    public static Optional<Shortcut> match(KeyEvent e) {
        return all().stream().filter(s -> s.matches(e)).findFirst();
    }

    /** Runs the command bound to {@code e}, if any; true when one ran (the caller then consumes the event). */
    public static boolean handle(KeyEvent e, Playback playback) {
        Optional<Shortcut> s = match(e);
        s.ifPresent(x -> x.apply(playback));
        return s.isPresent();
    }
}
