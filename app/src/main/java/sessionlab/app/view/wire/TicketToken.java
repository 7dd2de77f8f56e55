package sessionlab.app.view.wire;

import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.SVGPath;
import sessionlab.app.model.LabState.TicketView;

/**
 * A NewSessionTicket as a token on the wire lane: it rides its record's arrow at virtual time, then waits on the
 * client line ({@code waiting}) until {@code SSL_read} takes it. Style classes {@code ticket-token}, {@code in-flight},
 * {@code waiting}, {@code taken}; its user data is the {@link TicketView}.
 */
public final class TicketToken extends Group {
    private final SVGPath shape = new SVGPath();
    private final Tooltip tooltip = new Tooltip();
    private TicketView ticket;

    TicketToken() {
        getStyleClass().add("ticket-token");
        // a ticket stub: a rectangle with a notch on each short side
        shape.setContent("M0 0 H14 V3 A2 2 0 0 0 14 7 V10 H0 V7 A2 2 0 0 0 0 3 Z");
        shape.getStyleClass().add("ticket-shape");
        getChildren().add(shape);
        Tooltip.install(this, tooltip);
        setManaged(false);
    }

    void update(TicketView t, String state) {
        ticket = t;
        setUserData(t);
        setId("ticket-" + t.conn().replaceAll("[^A-Za-z0-9_-]", "-") + "-" + t.index() + "-" + t.sentAt());
        for (String s : new String[] {"in-flight", "waiting", "taken"}) {
            boolean on = s.equals(state), has = getStyleClass().contains(s);
            if (on && !has) getStyleClass().add(s);
            else if (!on && has) getStyleClass().remove(s);
        }
        tooltip.setText("NewSessionTicket #" + t.index() + " for " + t.conn() + ": sent at " + t.sentAt() + " ms, arrives at "
                + t.arrivesAt() + " ms, " + (t.readAt() < 0 ? "not read yet" : "read by SSL_read at " + t.readAt() + " ms"));
    }

    public TicketView ticket() {
        return ticket;
    }

    /** Centres the token on {@code x, y}. */
    void at(double x, double y) {
        setLayoutX(x - 7);
        setLayoutY(y - 5);
    }

    public double centerX() {
        return getLayoutX() + 7;
    }

    public double centerY() {
        return getLayoutY() + 5;
    }
}
