package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThreadBudgetTest {

    @Test
    void aPhotoPerCoreOrMoreGetsOneThreadEach() {
        assertThat(ThreadBudget.sharing(8, 8).threadsPerInference()).isEqualTo(1);
        assertThat(ThreadBudget.sharing(8, 4).threadsPerInference()).isEqualTo(1);
        assertThat(ThreadBudget.sharing(2, 16).threadsPerInference()).isEqualTo(1);
    }

    @Test
    void aBatchWithCoresToSpareGivesEachWorkerADecoderAndTheInferencesTheCoresLeft() {
        assertThat(ThreadBudget.sharing(2, 1)).isEqualTo(new ThreadBudget(1, 1, 1));
        assertThat(ThreadBudget.sharing(8, 1)).isEqualTo(new ThreadBudget(1, 7, 1));
        assertThat(ThreadBudget.sharing(8, 2)).isEqualTo(new ThreadBudget(2, 3, 2));
        assertThat(ThreadBudget.sharing(8, 6)).isEqualTo(new ThreadBudget(6, 1, 2));
        assertThat(ThreadBudget.sharing(2, 2)).isEqualTo(new ThreadBudget(2, 1, 0));
        assertThat(ThreadBudget.sharing(2, 16)).isEqualTo(new ThreadBudget(16, 1, 0));
    }

    @Test
    void theServerGivesEachRequestOneThread() {
        assertThat(ThreadBudget.perRequest(3)).isEqualTo(new ThreadBudget(3, 1));
    }

    @Test
    void theDesktopKeepsACoreForTheWindowAndHalfTheCoresForOneInference() {
        assertThat(ThreadBudget.desktop(1)).isEqualTo(new ThreadBudget(1, 1));
        assertThat(ThreadBudget.desktop(2)).isEqualTo(new ThreadBudget(1, 1));
        assertThat(ThreadBudget.desktop(4)).isEqualTo(new ThreadBudget(3, 2));
        assertThat(ThreadBudget.desktop(16)).isEqualTo(new ThreadBudget(4, 8));
    }

    @Test
    void aBudgetWithoutAPhotoOrAThreadIsRefused() {
        assertThatThrownBy(() -> new ThreadBudget(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThreadBudget(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThreadBudget(1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
