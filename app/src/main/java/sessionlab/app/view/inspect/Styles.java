package sessionlab.app.view.inspect;

/** The stylesheet shared by the inspector, narration and event table panes. */
final class Styles {
    static final String URL = Styles.class.getResource("inspect.css").toExternalForm();

    private Styles() {}
}
