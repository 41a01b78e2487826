package ai.haski.desktop.ui.task;

import java.util.List;
import java.util.Objects;

/**
 * The app's background work, split into named lanes so that slow work of one kind never queues in front of another:
 * {@code interactive} for what the user waits on (decode the photo, analyse it, re-check a form), {@code models} for
 * loading and closing models and probing runtimes, {@code store} for the session's SQLite file, in order, and
 * {@code thumbnails} for the grid's small decodes. A synchronous test executor makes every lane itself.
 */
public record TaskLanes(TaskExecutor interactive, TaskExecutor models, TaskExecutor store, TaskExecutor thumbnails) {
    public TaskLanes {
        Objects.requireNonNull(interactive, "interactive");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(thumbnails, "thumbnails");
    }

    /** The lanes made from one executor: the models and store lanes run one task at a time, in order. */
    public static TaskLanes from(TaskExecutor interactive, int thumbnailThreads) {
        return new TaskLanes(interactive, interactive.newSerial("models"), interactive.newSerial("session-store"),
                interactive.newPool("thumbnails", thumbnailThreads));
    }

    /** Every lane on the same executor, for tests that run each task on their own thread. */
    public static TaskLanes single(TaskExecutor executor) {
        return new TaskLanes(executor, executor, executor, executor);
    }

    /** Stops every lane (each distinct executor once). */
    public void close() {
        List.of(thumbnails, store, models, interactive).stream().distinct().forEach(TaskExecutor::close);
    }
}
