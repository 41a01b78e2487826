package ai.haski.desktop.ui.task;

/**
 * Runs each task to its end on the calling thread, callbacks included: ViewModel tests use it to run real work
 * without the JavaFX toolkit and without waiting.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.starting();
        task.run(Runnable::run);
        return task;
    }

    @Override
    public void close() {
        // Nothing runs after execute returns.
    }
}
