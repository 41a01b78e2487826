package ai.haski.desktop.session;

import java.util.Optional;

/**
 * Hears a batch run's progress. Calls come one at a time, in order, from the runner's worker threads (or the thread
 * that called {@link BatchRunner#run()}), never from a UI thread: a UI hands them over to its own thread. A listener
 * should return quickly; an exception it throws is logged and the run goes on.
 */
public interface BatchListener {

    /**
     * One photo is done.
     *
     * @param result the stored result, or empty when the photo had gone from the folder and was marked missing
     */
    default void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress progress) {}

    /** The run started, paused, resumed, is cancelling, or ended. */
    default void stateChanged(BatchProgress progress) {}
}
