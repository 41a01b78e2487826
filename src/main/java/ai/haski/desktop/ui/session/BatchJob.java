package ai.haski.desktop.ui.session;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.session.BatchListener;
import ai.haski.desktop.session.BatchProgress;
import ai.haski.desktop.session.BatchRunner;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;

/**
 * One batch run as the session screen drives it: run it on a worker, pause, resume or cancel it from the UI thread.
 * {@link #of(BatchRunner)} is the real one; tests drive their own.
 */
public interface BatchJob {

    /** Makes the job that analyses a session's photos with an analyzer; the app's factory knows the thread count. */
    @FunctionalInterface
    interface Factory {
        BatchJob create(Session session, Analyzer analyzer);
    }

    /** The model the job analyses with. */
    ModelKey model();

    void addListener(BatchListener listener);

    /** Runs to the end (finished, cancelled or failed), blocking the calling worker. */
    BatchProgress run() throws SessionException;

    void pause();

    void resume();

    /** Starts no more photos; those in flight are saved. */
    void cancel();

    static BatchJob of(BatchRunner runner) {
        return new BatchJob() {
            @Override
            public ModelKey model() {
                return runner.model();
            }

            @Override
            public void addListener(BatchListener listener) {
                runner.addListener(listener);
            }

            @Override
            public BatchProgress run() throws SessionException {
                return runner.run();
            }

            @Override
            public void pause() {
                runner.pause();
            }

            @Override
            public void resume() {
                runner.resume();
            }

            @Override
            public void cancel() {
                runner.cancel();
            }
        };
    }
}
