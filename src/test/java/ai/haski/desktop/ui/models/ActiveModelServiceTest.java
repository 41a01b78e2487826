package ai.haski.desktop.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.analysis.Analyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActiveModelServiceTest {

    @Test
    void whenReadyWaitsForTheLoadToEndAndThenRunsOnce() {
        HandDrivenActiveModel service = new HandDrivenActiveModel();
        List<Optional<Analyzer>> seen = new ArrayList<>();
        service.whenReady(seen::add);
        assertThat(seen).isEmpty();
        service.set(ActiveModelState.none("no package"));
        service.set(ActiveModelState.none("no package").loadingNext());
        service.set(ActiveModelState.none("still none"));
        assertThat(seen).containsExactly(Optional.empty());
    }

    @Test
    void whenReadyRunsAtOnceWhenNothingLoads() {
        HandDrivenActiveModel service = new HandDrivenActiveModel();
        service.set(ActiveModelState.none("no package"));
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
