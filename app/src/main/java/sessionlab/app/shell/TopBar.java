package sessionlab.app.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's toolbar: title, lesson picker, Edit, Run, stack, comparison, menus. Compact (presenter mode) it
 * never elides a word: buttons become icons with their tooltips, the field labels become icons, the menus fold
 * into one menu button; every control keeps at least its preferred width.
 */
final class TopBar extends HBox {
    private final Label title;
    private final List<ButtonBase> buttons;
    private final List<Label> fieldLabels = new ArrayList<>();
    private final List<String> fieldTexts = new ArrayList<>();
    private final MenuBar menuBar;
    private final MenuButton menuButton = new MenuButton();

    TopBar(Label title, ComboBox<?> lessons, List<ButtonBase> buttons, List<String> buttonIcons, ComboBox<?> stack, ComboBox<?> compare,
           MenuBar menuBar) {
        super(8);
        this.title = title;
        this.buttons = buttons;
        this.menuBar = menuBar;
        getStyleClass().add("top-bar");
        setId("top-bar");
        for (int i = 0; i < buttons.size(); i++) buttons.get(i).setGraphic(Icons.of(buttonIcons.get(i)));
        for (ButtonBase b : buttons) b.setContentDisplay(ContentDisplay.LEFT);
        Label stackLabel = field("stack", Icons.STACK, stack);
        Label compareLabel = field("compare with", Icons.COMPARE, compare);
        menuButton.setId("menu-button");
        menuButton.setGraphic(Icons.of(Icons.MENU));
        menuButton.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        menuButton.setTooltip(new Tooltip("File and View"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(title, lessons);
        getChildren().addAll(buttons);
        getChildren().addAll(stackLabel, stack, compareLabel, compare, grow, menuBar);
        // a control shrunk below its preferred width elides its text to "...": never
        for (Node n : getChildren()) {
            if (n instanceof Region r && n != grow) r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private Label field(String text, String icon, ComboBox<?> box) {
        Label l = new Label(text);
        l.setGraphic(Icons.of(icon));
        l.setContentDisplay(ContentDisplay.TEXT_ONLY);
        l.setTooltip(box.getTooltip());
        l.setLabelFor(box);
        fieldLabels.add(l);
        fieldTexts.add(text);
        return l;
    }

    /** Icons with tooltips (presenter mode), or words. */
    void setCompact(boolean compact) {
        title.setVisible(!compact);
        title.setManaged(!compact);
        for (ButtonBase b : buttons) b.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        for (Label l : fieldLabels) l.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.TEXT_ONLY);
        int at = getChildren().indexOf(compact ? menuBar : menuButton);
        if (compact && at >= 0) {
            List<Menu> menus = new ArrayList<>(menuBar.getMenus());
            menuBar.getMenus().clear();
            List<MenuItem> items = new ArrayList<>(menus);
            menuButton.getItems().setAll(items);
            getChildren().set(at, menuButton);
        } else if (!compact && at >= 0) {
            List<Menu> menus = new ArrayList<>();
            for (MenuItem i : menuButton.getItems()) menus.add((Menu) i);
            menuButton.getItems().clear();
            menuBar.getMenus().setAll(menus);
            getChildren().set(at, menuBar);
        }
    }
}
