package ai.haski.desktop.session;

/** The pause and cancel switches the worker threads of a batch look at between photos. */
final class RunControl {
    private boolean paused;
    private boolean cancelled;

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Waits while paused; true when the next photo may start, false once cancelled. */
    synchronized boolean awaitGo() throws InterruptedException {
        while (paused && !cancelled) {
            wait();
        }
        return !cancelled;
    }
}
