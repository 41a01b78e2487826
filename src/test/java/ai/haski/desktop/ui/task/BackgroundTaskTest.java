package ai.haski.desktop.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    @Test
    void callbacksComeInOrderWithTheResult() {
        List<String> events = new ArrayList<>();
        new CurrentThreadTaskExecutor().execute(BackgroundTask.of("sum", () -> 1 + 2)
                .onRunning(() -> events.add("running"))
                .onSuccess(result -> events.add("success " + result))
                .onFailure(error -> events.add("failure"))
                .onFinished(() -> events.add("finished")));
        assertThat(events).containsExactly("running", "success 3", "finished");
    }

    @Test
    void aFailureReachesOnFailureAndStillFinishes() {
        List<String> events = new ArrayList<>();
        new CurrentThreadTaskExecutor().execute(BackgroundTask.<String>of("fail", () -> {
            throw new IOException("disk full");
        }).onSuccess(result -> events.add("success"))
                .onFailure(error -> events.add("failure " + error.getMessage()))
                .onFinished(() -> events.add("finished")));
        assertThat(events).containsExactly("failure disk full", "finished");
    }

    @Test
    void aCancelledTaskDropsItsResultButFinishes() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        List<String> events = new ArrayList<>();
        BackgroundTask<Integer> task = executor.execute(BackgroundTask.of("slow", () -> 42)
                .onSuccess(result -> events.add("success"))
                .onFinished(() -> events.add("finished")));
        task.cancel();
        executor.runAll();
        assertThat(events).containsExactly("finished");
        assertThat(task.cancelledProperty().get()).isTrue();
    }

    @Test
    void progressReportedByTheWorkReachesTheProperty() {
        List<Double> seen = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.of("steps", progress -> {
            progress.update(0.5);
            return "done";
        });
        task.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));
        new CurrentThreadTaskExecutor().execute(task);
        assertThat(seen).containsExactly(0.5, 1.0);
    }
}
