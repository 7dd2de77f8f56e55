package sessionlab.app.shell;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** The toolbar's icons, drawn as paths (no image files, no font glyphs that a machine may lack); 16 units square. */
final class Icons {
    static final String EDIT = "M2 12 L2 14 L4 14 L12 6 L10 4 Z M11 3 L13 1 L15 3 L13 5 Z";
    static final String RUN = "M8 2 A6 6 0 1 0 14 8 L12 8 A4 4 0 1 1 8 4 L8 6 L12 3 L8 0 Z";
    static final String STACK = "M8 1 L15 4.5 L8 8 L1 4.5 Z M1 8 L3 7 L8 9.5 L13 7 L15 8 L8 11.5 Z M1 11.5 L3 10.5 L8 13 L13 10.5 L15 11.5 L8 15 Z";
    static final String COMPARE = "M1 2 H7 V14 H1 Z M2.5 3.5 V12.5 H5.5 V3.5 Z M9 2 H15 V14 H9 Z M10.5 3.5 V12.5 H13.5 V3.5 Z";
    static final String MENU = "M1 3 H15 V5 H1 Z M1 7 H15 V9 H1 Z M1 11 H15 V13 H1 Z";
    static final String LESSON = "M2 2 H7 A1 1 0 0 1 8 3 V14 A1 1 0 0 0 7 13 H2 Z M14 2 H9 A1 1 0 0 0 8 3 V14 A1 1 0 0 1 9 13 H14 Z";

    private Icons() {}

    static Node of(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        return p;
    }
}
