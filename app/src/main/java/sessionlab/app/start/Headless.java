package sessionlab.app.start;

/** The settings the UI tests use: Monocle's headless screen, software rendering, no display needed. */
public final class Headless {
    private Headless() {}

    public static void useMonocle() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }
}
