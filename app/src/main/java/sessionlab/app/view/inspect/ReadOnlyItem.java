package sessionlab.app.view.inspect;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** One read-only row of the inspector's property sheet. A record, so an unchanged sheet can be detected by equality. */
public record ReadOnlyItem(String category, String name, String value, String description) implements PropertySheet.Item {

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return value;
    }

    @Override
    public void setValue(Object value) {
        // read-only: the inspector shows the fold of a log, it never changes it
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }

    @Override
    public boolean isEditable() {
        return false;
    }
}
