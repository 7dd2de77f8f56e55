package sessionlab.app.shell;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Scales everything inside it by one factor, as a projector zoom would: the content is laid out in the smaller
 * space {@code size / factor} and drawn {@code factor} times larger, so lines, arrows and text all grow together
 * and nothing overflows. Presenter mode sets the factor; 1 is the plain window.
 */
final class Scaled extends Region {
    private final Node content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty factor = new SimpleDoubleProperty(this, "factor", 1);

    Scaled(Node content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        factor.addListener((o, a, b) -> {
            scale.setX(b.doubleValue());
            scale.setY(b.doubleValue());
            requestLayout();
        });
    }

    DoubleProperty factorProperty() {
        return factor;
    }

    @Override
    protected void layoutChildren() {
        double f = factor.get();
        content.resizeRelocate(0, 0, getWidth() / f, getHeight() / f);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * factor.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * factor.get();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
