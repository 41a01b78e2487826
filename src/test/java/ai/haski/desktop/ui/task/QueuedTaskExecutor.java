package ai.haski.desktop.ui.task;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Holds tasks until the test runs them, one at a time on the test's thread: how a test sees what a ViewModel does
 * while work is still in flight (e.g. a photo opened while the model loads).
 */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final Deque<BackgroundTask<?>> pending = new ArrayDeque<>();
    /** Actions scheduled with {@link #after}: they run when the test says the time has passed. */
    private final List<Runnable> scheduled = new ArrayList<>();

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

    /** Runs the oldest waiting task called {@code name}, leaving the others waiting; false when none is. */
    public boolean runNamed(String name) {
        BackgroundTask<?> task = pending.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
        if (task == null) {
            return false;
        }
        pending.remove(task);
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
    public Scheduled after(Duration delay, Runnable action) {
        scheduled.add(action);
        return () -> scheduled.remove(action);
    }

    /** Runs every action scheduled with {@link #after} and not called off, as if their delays had passed. */
    public void passTime() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    /** How many scheduled actions wait for their delay. */
    public int scheduledCount() {
        return scheduled.size();
    }

    @Override
    public void close() {
        pending.clear();
        scheduled.clear();
    }
}
