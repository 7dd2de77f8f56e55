package sessionlab.app.view.inspect;

/** What an alert line of {@link sessionlab.app.model.LabState#alerts()} is about, and how loudly to say it. */
public enum AlertKind {
    /** An {@code expect} that did not hold. */
    EXPECTATION_FAILED("Expectation failed", true),
    /** Use of a dangling pointer, a double free or freeing a borrowed reference, refused by the engine. */
    PREVENTED("Prevented", false),
    /** A statement that could not run. */
    ERROR("Error", true);

    private final String title;
    private final boolean severe;

    AlertKind(String title, boolean severe) {
        this.title = title;
        this.severe = severe;
    }

    public String title() {
        return title;
    }

    /** Shown as an error (true) or a warning (false). */
    public boolean severe() {
        return severe;
    }

    /** The kind of an alert line, as {@code LabFold} words them. */
    public static AlertKind of(String line) {
        if (line == null) return ERROR;
        if (line.startsWith("Expectation failed")) return EXPECTATION_FAILED;
        if (line.startsWith("Prevented")) return PREVENTED;
        return ERROR;
    }
}
