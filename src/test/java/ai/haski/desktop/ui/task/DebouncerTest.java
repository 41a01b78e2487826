package ai.haski.desktop.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    @Test
    void onlyTheLastOfQuickSubmissionsRunsOnceTheInputIsQuiet() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        Debouncer debouncer = new Debouncer(executor, Duration.ofMillis(250));
        List<String> checked = new ArrayList<>();
        debouncer.submit(() -> checked.add("h"));
        debouncer.submit(() -> checked.add("ha"));
        debouncer.submit(() -> checked.add("has"));
        assertThat(checked).isEmpty();
        assertThat(executor.scheduledCount()).isEqualTo(1);
        executor.passTime();
        assertThat(checked).containsExactly("has");
        assertThat(debouncer.isPending()).isFalse();
    }

    @Test
    void flushRunsThePendingActionAtOnceAndOnlyOnce() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        Debouncer debouncer = new Debouncer(executor, Duration.ofMillis(250));
        List<String> checked = new ArrayList<>();
        debouncer.submit(() -> checked.add("form"));
        debouncer.flush();
        executor.passTime();
        assertThat(checked).containsExactly("form");
    }

    @Test
    void aSynchronousExecutorRunsTheActionWithoutWaiting() {
        Debouncer debouncer = new Debouncer(new CurrentThreadTaskExecutor(), Duration.ofSeconds(5));
        List<String> checked = new ArrayList<>();
        debouncer.submit(() -> checked.add("now"));
        assertThat(checked).containsExactly("now");
        assertThat(debouncer.isPending()).isFalse();
    }
}
