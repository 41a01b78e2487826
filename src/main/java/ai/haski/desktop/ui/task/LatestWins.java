package ai.haski.desktop.ui.task;

import java.util.Objects;

/**
 * A slot for work where only the newest request matters (decode the photo just selected, analyse it with the model
 * just chosen): submitting a task cancels the one before it, so a late result of an older request is dropped by the
 * task itself instead of by a generation counter in every ViewModel. Use on the UI thread.
 */
public final class LatestWins {
    private final TaskExecutor executor;
    private BackgroundTask<?> current;

    public LatestWins(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Cancels the task submitted before, if it has not finished, and starts this one. */
    public <T> BackgroundTask<T> submit(BackgroundTask<T> task) {
        cancel();
        current = task;
        return executor.execute(task);
    }

    /** Drops the latest task's result, if it is still running; the slot is then empty. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    /** True when {@code task} is the latest one submitted and was not cancelled. */
    public boolean isLatest(BackgroundTask<?> task) {
        return task != null && task == current && !task.isCancelled();
    }
}
