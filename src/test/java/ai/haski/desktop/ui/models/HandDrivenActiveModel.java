package ai.haski.desktop.ui.models;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** An {@link ActiveModelService} for ViewModel tests: the test sets the state by hand, and no model is ever loaded. */
public final class HandDrivenActiveModel implements ActiveModelService {
    private final ReadOnlyObjectWrapper<ActiveModelState> state =
            new ReadOnlyObjectWrapper<>(ActiveModelState.starting());

    public void set(ActiveModelState now) {
        state.set(now);
    }

    @Override
    public ReadOnlyObjectProperty<ActiveModelState> stateProperty() {
        return state.getReadOnlyProperty();
    }
}
