package ai.haski.desktop.analysis;

/**
 * The pause and cancel switches of one run on an {@link AnalysisPool}: the pool looks at them before it starts each
 * photo, so a photo already started always finishes.
 */
public final class RunControl {
    private boolean paused;
    private boolean cancelled;

    /** Starts no more photos until {@link #resume()}. */
    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Starts no more photos, for good. */
    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Waits while paused; true when the next photo may start, false once cancelled. */
    public synchronized boolean awaitGo() throws InterruptedException {
        while (paused && !cancelled) {
            wait();
        }
        return !cancelled;
    }
}
