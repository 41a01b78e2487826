package ai.haski.desktop.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Holds tasks until the test runs them, one at a time on the test's thread: how a test sees what a ViewModel does
 * while work is still in flight (e.g. a photo opened while the model loads).
 */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final Deque<BackgroundTask<?>> pending = new ArrayDeque<>();

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.starting();
        pending.add(task);
        return task;
    }

    /** Names of the tasks waiting, oldest first. */
    public java.util.List<String> pendingNames() {
        return pending.stream().map(BackgroundTask::name).toList();
    }

    /** Runs the oldest waiting task to its end, callbacks included; false when none waits. */
    public boolean runNext() {
        BackgroundTask<?> task = pending.poll();
        if (task == null) {
            return false;
        }
        task.run(Runnable::run);
        return true;
    }

    /** Runs tasks, including those they start, until none waits. */
    public void runAll() {
        while (runNext()) {
            // keep going
        }
    }

    @Override
    public void close() {
        pending.clear();
    }
}
