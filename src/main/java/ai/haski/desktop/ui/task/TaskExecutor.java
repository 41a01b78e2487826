package ai.haski.desktop.ui.task;

/** Runs {@link BackgroundTask}s off the UI thread and delivers their callbacks on it. */
public interface TaskExecutor extends AutoCloseable {

    /** Starts the task; call from the UI thread. {@code onRunning} runs before this returns. */
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /** Stops taking tasks and waits briefly for running ones; results that arrive later are dropped. */
    @Override
    void close();
}
