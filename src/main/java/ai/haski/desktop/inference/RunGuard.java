package ai.haski.desktop.inference;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets runs proceed concurrently while keeping {@code close} from freeing native memory under a run in flight:
 * runs share a read lock, close takes the write lock once and marks the model closed.
 */
final class RunGuard {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final String label;
    private boolean closed;

    RunGuard(String label) {
        this.label = label;
    }

    /** A run that needs the native model to stay alive. */
    interface Run<T> {
        T call() throws InferenceException;
    }

    <T> T during(Run<T> run) throws InferenceException {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new InferenceException(label + " was closed (the model was switched or the app is stopping)");
            }
            return run.call();
        } finally {
            lock.readLock().unlock();
        }
    }

    void closeAfterRuns(Runnable release) {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                release.run();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
