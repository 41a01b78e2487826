package ai.haski.desktop.ui.task;

import java.time.Duration;
import java.util.concurrent.Executor;

/** Runs {@link BackgroundTask}s off the UI thread and delivers their callbacks on it. */
public interface TaskExecutor extends AutoCloseable {

    /** Starts the task; call from the UI thread. {@code onRunning} runs before this returns. */
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /**
     * An executor of its own that runs one task at a time, in order, for work whose order matters (saving verdicts)
     * or that blocks for long (a batch). A synchronous executor may return itself.
     */
    default TaskExecutor newSerial(String name) {
        return this;
    }

    /**
     * An executor of its own with {@code threads} workers, for many small tasks that must not queue behind slow ones
     * (thumbnails behind an export). A synchronous executor may return itself.
     */
    default TaskExecutor newPool(String name, int threads) {
        return this;
    }

    /** Runs code on the UI thread, for events that come from other threads; a synchronous executor runs it now. */
    default Executor uiThread() {
        return Runnable::run;
    }

    /** Something scheduled with {@link #after} that has not run yet, and can be called off. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    /**
     * Runs {@code action} on the UI thread once {@code delay} has passed (for debouncing input); a synchronous
     * executor runs it now, so ViewModel tests never wait on a clock.
     */
    default Scheduled after(Duration delay, Runnable action) {
        action.run();
        return () -> { };
    }

    /** Stops taking tasks and waits briefly for running ones; results that arrive later are dropped. */
    @Override
    void close();
}
