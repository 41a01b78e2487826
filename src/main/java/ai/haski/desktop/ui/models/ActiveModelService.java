package ai.haski.desktop.ui.models;

import ai.haski.desktop.analysis.Analyzer;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The one place that says which model the app analyses with. Every ViewModel that analyses reads it here, through one
 * property; the models part owns the switching. Tests use a double that sets the state by hand. Use on the UI thread.
 */
public interface ActiveModelService {

    /** Changes on every load start, every successful switch, and when no model is left. */
    ReadOnlyObjectProperty<ActiveModelState> stateProperty();

    default ActiveModelState state() {
        return stateProperty().get();
    }

    /**
     * Runs {@code action} with the analyzer once no model is loading: now, or when the load ends; an empty value means
     * there is no usable model, and {@link ActiveModelState#noModelReason()} says why.
     */
    default void whenReady(Consumer<Optional<Analyzer>> action) {
        if (!state().loading()) {
            action.accept(state().analyzer());
            return;
        }
        stateProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends ActiveModelState> observable, ActiveModelState old,
                    ActiveModelState now) {
                if (!now.loading()) {
                    observable.removeListener(this);
                    action.accept(now.analyzer());
                }
            }
        });
    }
}
