package ai.haski.desktop.ui.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * One piece of slow work (decode a photo, load a model, run an analysis) with callbacks that a {@link TaskExecutor}
 * delivers on the UI thread: {@code onRunning} before the work starts, then {@code onSuccess} or {@code onFailure},
 * then {@code onFinished}.
 *
 * <p>A cancelled task still runs to its end (a model run cannot be interrupted), but its result is dropped:
 * neither {@code onSuccess} nor {@code onFailure} is called, only {@code onFinished}.
 */
public final class BackgroundTask<T> {
    /** The work itself; it may report progress through the given reporter. */
    @FunctionalInterface
    public interface Work<T> {
        T call(ProgressReporter progress) throws Exception;
    }

    /** Lets the work report how far it is, from the worker thread, and see whether it is still wanted. */
    @FunctionalInterface
    public interface ProgressReporter {
        /** @param fraction 0 to 1, or a negative value for "running, no measure of how far" */
        void update(double fraction);

        /** True once the task was cancelled: long work checks it between steps and stops early. */
        default boolean isCancelled() {
            return false;
        }
    }

    private final String name;
    private final Work<T> work;
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final BooleanProperty cancelled = new SimpleBooleanProperty(this, "cancelled", false);
    private volatile boolean cancelRequested;
    private Runnable onRunning = () -> {};
    private Consumer<T> onSuccess = result -> {};
    private Consumer<Throwable> onFailure = error -> {};
    private Runnable onFinished = () -> {};

    private BackgroundTask(String name, Work<T> work) {
        this.name = Objects.requireNonNull(name, "name");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A task doing {@code work}; {@code name} appears in logs and thread names. */
    public static <T> BackgroundTask<T> of(String name, Work<T> work) {
        return new BackgroundTask<>(name, work);
    }

    /** A task doing {@code work}, which reports no progress. */
    public static <T> BackgroundTask<T> of(String name, Callable<T> work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(name, progress -> work.call());
    }

    public String name() {
        return name;
    }

    public BackgroundTask<T> onRunning(Runnable action) {
        this.onRunning = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    /** Drops the result when it comes; safe to call from the UI thread at any time. */
    public void cancel() {
        cancelRequested = true;
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelRequested;
    }

    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled;
    }

    /** 0 to 1 as the work reports it; -1 while it gives no measure. Changes on the UI thread only. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /**
     * Runs the work on the calling (worker) thread and hands every callback to {@code ui}, which runs them on the
     * UI thread. Executors call this; nothing else should.
     */
    void run(Executor ui) {
        ProgressReporter reporter = new ProgressReporter() {
            @Override
            public void update(double fraction) {
                ui.execute(() -> progress.set(fraction));
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested;
            }
        };
        T result;
        try {
            result = work.call(reporter);
        } catch (Throwable error) {
            ui.execute(() -> {
                try {
                    if (!cancelRequested) {
                        onFailure.accept(error);
                    }
                } finally {
                    onFinished.run();
                }
            });
            if (error instanceof Error fatal && !(error instanceof OutOfMemoryError)) {
                throw fatal;
            }
            return;
        }
        ui.execute(() -> {
            try {
                if (!cancelRequested) {
                    progress.set(1);
                    onSuccess.accept(result);
                }
            } finally {
                onFinished.run();
            }
        });
    }

    /** Called by executors on the UI thread just before the work is handed to a worker. */
    void starting() {
        onRunning.run();
    }
}
