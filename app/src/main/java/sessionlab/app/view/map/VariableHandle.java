package sessionlab.app.view.map;

import javafx.scene.control.Label;
import sessionlab.app.model.LabState.VariableView;

/** A scenario name (s0, s1...): the handle its pointer arrow starts from. */
final class VariableHandle extends Label {
    private VariableView view;

    VariableHandle() {
        getStyleClass().addAll("map-node", "variable-handle");
    }

    VariableView view() {
        return view;
    }

    void update(VariableView v) {
        view = v;
        setId(MapText.id("var", v.name()));
        String kind = v.session() == null ? "= NULL" : v.dangling() ? "dangling" : v.owned() ? "owned" : "borrowed";
        setText(v.name() + " · " + kind);
        SessionNode.toggle(this, "owned", v.owned());
        SessionNode.toggle(this, "borrowed", !v.owned());
        SessionNode.toggle(this, "dangling", v.dangling());
    }
}
