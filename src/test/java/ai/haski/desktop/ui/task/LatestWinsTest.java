package ai.haski.desktop.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestWinsTest {

    @Test
    void aNewerRequestDropsTheOlderResult() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        LatestWins slot = new LatestWins(executor);
        List<String> shown = new ArrayList<>();
        BackgroundTask<String> first = slot.submit(BackgroundTask.of("decode a", () -> "a").onSuccess(shown::add));
        BackgroundTask<String> second = slot.submit(BackgroundTask.of("decode b", () -> "b").onSuccess(shown::add));
        executor.runAll();
        assertThat(shown).containsExactly("b");
        assertThat(first.isCancelled()).isTrue();
        assertThat(slot.isLatest(second)).isTrue();
        assertThat(slot.isLatest(first)).isFalse();
    }

    @Test
    void cancelledWorkSeesItThroughItsReporterAndCanStopEarly() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        LatestWins slot = new LatestWins(executor);
        List<Boolean> seenByWork = new ArrayList<>();
        slot.submit(BackgroundTask.of("long", progress -> {
            seenByWork.add(progress.isCancelled());
            return 1;
        }));
        slot.cancel();
        executor.runAll();
        assertThat(seenByWork).containsExactly(true);
    }

    @Test
    void cancelOnAnEmptySlotIsHarmless() {
        LatestWins slot = new LatestWins(new CurrentThreadTaskExecutor());
        slot.cancel();
        assertThat(slot.isLatest(null)).isFalse();
    }
}
