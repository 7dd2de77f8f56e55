package sessionlab.app.script;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import sessionlab.app.model.LabState;

/**
 * Interactive mode: every call of the language as a menu over the objects that exist at the end of
 * the run. A click hands one statement to {@code perform}, which appends it to the lesson and runs it,
 * so a classroom experiment becomes a lesson file. A call the stack that ran refuses outright is
 * shown greyed out with why.
 */
public final class ActionsBar extends FlowPane {
    private final Supplier<LabState> state;
    private final Consumer<String> perform;
    private final Function<String, Optional<String>> refusal;

    /** @param refusal why the stack that ran refuses a call (by name), if it does */
    public ActionsBar(Supplier<LabState> state, Consumer<String> perform, Function<String, Optional<String>> refusal) {
        super(6, 6);
        this.state = state;
        this.perform = perform;
        this.refusal = refusal;
        getStyleClass().add("actions-bar");
        getChildren().addAll(
                menu("actions-context", "SSL_CTX", "Create or flush contexts", this::contextItems),
                menu("actions-connect", "connect", "Handshake between a client and a server context", this::connectItems),
                menu("actions-connection", "SSL", "Calls on a connection end", this::connectionItems),
                menu("actions-session", "SSL_SESSION", "Calls on a named session", this::sessionItems),
                menu("actions-clock", "advance", "Move the virtual clock; every live session ages", this::clockItems));
    }

    private MenuButton menu(String id, String text, String tip, Consumer<MenuButton> fill) {
        MenuButton b = new MenuButton(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMnemonicParsing(false);
        b.setOnShowing(e -> {
            b.getItems().clear();
            fill.accept(b);
            if (b.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(nothing to apply it to yet)");
                none.setDisable(true);
                b.getItems().add(none);
            }
        });
        // filled once now so that keyboard users and tests see the items without opening
        fill.accept(b);
        return b;
    }

    private void item(MenuButton b, String statement) {
        Optional<String> refused = refusal.apply(callOf(statement));
        MenuItem i = new MenuItem(refused.map(why -> statement + "  \u2014 " + firstClause(why)).orElse(statement));
        i.setMnemonicParsing(false);
        i.setDisable(refused.isPresent());
        i.setOnAction(e -> perform.accept(statement));
        b.getItems().add(i);
    }

    /** "s2 = SSL_get1_session(c1)" -> "SSL_get1_session"; "advance 1h" -> "advance". */
    static String callOf(String statement) {
        String call = statement.contains("=") && statement.indexOf('=') < statement.indexOf('(') ? statement.substring(statement.indexOf('=') + 1) : statement;
        call = call.strip();
        int end = 0;
        while (end < call.length() && (Character.isLetterOrDigit(call.charAt(end)) || call.charAt(end) == '_')) end++;
        return call.substring(0, end);
    }

    private static String firstClause(String why) {
        int colon = why.indexOf(':');
        return colon > 0 ? why.substring(0, colon) : why;
    }

    private void contextItems(MenuButton b) {
        LabState s = state.get();
        item(b, ScriptEdits.freshName(s, "client") + " = SSL_CTX_new(client, max=tls1.3, cache=client)");
        item(b, ScriptEdits.freshName(s, "server") + " = SSL_CTX_new(server)");
        item(b, ScriptEdits.freshName(s, "server") + " = SSL_CTX_new(server, no_ticket, max=tls1.2)");
        s.contexts().values().stream().filter(c -> !c.freed()).forEach(c -> {
            b.getItems().add(new SeparatorMenuItem());
            item(b, "SSL_CTX_flush_sessions(" + c.name() + ")");
            item(b, "SSL_CTX_flush_sessions(" + c.name() + ", at=0)");
            s.variables().values().stream().filter(v -> v.session() != null && !v.dangling()).forEach(v -> {
                item(b, "SSL_CTX_add_session(" + c.name() + ", " + v.name() + ")");
                item(b, "SSL_CTX_remove_session(" + c.name() + ", " + v.name() + ")");
            });
            if (c.newCallbacks() > 0) item(b, ScriptEdits.freshName(s, "t") + " = new_session(" + c.name() + ", " + c.newCallbacks() + ")");
            item(b, "SSL_CTX_free(" + c.name() + ")");
        });
    }

    private void connectItems(MenuButton b) {
        LabState s = state.get();
        String name = ScriptEdits.freshName(s, "c");
        s.contexts().values().stream().filter(c -> !c.freed() && c.role().equals("client")).forEach(client ->
                s.contexts().values().stream().filter(c -> !c.freed() && c.role().equals("server")).forEach(server -> {
                    item(b, name + " = connect(" + client.name() + ", " + server.name() + ")");
                    s.variables().values().stream().filter(v -> v.session() != null && !v.dangling()).forEach(v ->
                            item(b, name + " = connect(" + client.name() + ", " + server.name() + ", session=" + v.name() + ")"));
                }));
    }

    private void connectionItems(MenuButton b) {
        LabState s = state.get();
        s.connections().values().stream().filter(c -> !c.freed()).forEach(c -> {
            if (!b.getItems().isEmpty()) b.getItems().add(new SeparatorMenuItem());
            item(b, "SSL_read(" + c.name() + ")");
            item(b, "SSL_write(" + c.name() + ", \"hello\")");
            item(b, "SSL_shutdown(" + c.name() + ")");
            item(b, ScriptEdits.freshName(s, "s") + " = SSL_get0_session(" + c.name() + ")");
            item(b, ScriptEdits.freshName(s, "s") + " = SSL_get1_session(" + c.name() + ")");
            s.variables().values().stream().filter(v -> v.session() != null && !v.dangling())
                    .forEach(v -> item(b, "SSL_set_session(" + c.name() + ", " + v.name() + ")"));
            item(b, "SSL_clear(" + c.name() + ")");
            item(b, "SSL_free(" + c.name() + ")");
        });
    }

    private void sessionItems(MenuButton b) {
        state.get().variables().values().stream().filter(v -> v.session() != null).forEach(v -> {
            item(b, "SSL_SESSION_free(" + v.name() + ")");
            item(b, "SSL_SESSION_up_ref(" + v.name() + ")");
        });
    }

    private void clockItems(MenuButton b) {
        for (String d : new String[] {"30s", "5m", "1h", "3h", "1d"}) item(b, "advance " + d);
    }
}
