package ai.haski.desktop.ui.task;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs an action once its input has been quiet for a while, e.g. re-checking the Add model form after the user stops
 * typing rather than after every key. Each submission replaces the one pending. Use on the UI thread; the delay
 * comes from the executor ({@link TaskExecutor#after}), so a synchronous test executor runs the action at once.
 */
public final class Debouncer {
    private final TaskExecutor executor;
    private final Duration quiet;
    private TaskExecutor.Scheduled pending;
    private Runnable pendingAction;

    public Debouncer(TaskExecutor executor, Duration quiet) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.quiet = Objects.requireNonNull(quiet, "quiet");
    }

    /** Runs {@code action} after the quiet time, unless another submission comes first and replaces it. */
    public void submit(Runnable action) {
        Objects.requireNonNull(action, "action");
        cancel();
        pendingAction = action;
        TaskExecutor.Scheduled scheduled = executor.after(quiet, () -> {
            Runnable toRun = pendingAction;
            pending = null;
            pendingAction = null;
            if (toRun != null) {
                toRun.run();
            }
        });
        // A synchronous executor has run the action already; nothing is pending then.
        if (pendingAction != null) {
            pending = scheduled;
        }
    }

    /** Runs the pending action now, if any: for a button that needs the form checked before it acts. */
    public void flush() {
        Runnable toRun = pendingAction;
        cancel();
        if (toRun != null) {
            toRun.run();
        }
    }

    /** Forgets the pending action. */
    public void cancel() {
        if (pending != null) {
            pending.cancel();
        }
        pending = null;
        pendingAction = null;
    }

    public boolean isPending() {
        return pendingAction != null;
    }
}
