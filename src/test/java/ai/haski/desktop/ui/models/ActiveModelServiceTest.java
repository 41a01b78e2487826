package ai.haski.desktop.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.analysis.Analyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.Test;

class ActiveModelServiceTest {

    /** The service as the models part would drive it, with the state set by hand. */
    private static final class HandDriven implements ActiveModelService {
        final ReadOnlyObjectWrapper<ActiveModelState> state = new ReadOnlyObjectWrapper<>(ActiveModelState.starting());

        @Override
        public ReadOnlyObjectProperty<ActiveModelState> stateProperty() {
            return state.getReadOnlyProperty();
        }
    }

    @Test
    void whenReadyWaitsForTheLoadToEndAndThenRunsOnce() {
        HandDriven service = new HandDriven();
        List<Optional<Analyzer>> seen = new ArrayList<>();
        service.whenReady(seen::add);
        assertThat(seen).isEmpty();
        service.state.set(ActiveModelState.none("no package"));
        service.state.set(ActiveModelState.none("no package").loadingNext());
        service.state.set(ActiveModelState.none("still none"));
        assertThat(seen).containsExactly(Optional.empty());
    }

    @Test
    void whenReadyRunsAtOnceWhenNothingLoads() {
        HandDriven service = new HandDriven();
        service.state.set(ActiveModelState.none("no package"));
        List<Optional<Analyzer>> seen = new ArrayList<>();
        service.whenReady(seen::add);
        assertThat(seen).containsExactly(Optional.empty());
        assertThat(service.state().noModelReason()).contains("no package");
    }

    @Test
    void nothingIsUsableWhileAModelLoads() {
        assertThat(ActiveModelState.starting().usable()).isEmpty();
        assertThat(ActiveModelState.starting().loading()).isTrue();
    }
}
