package ai.haski.desktop.session;

import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Provenance;
import ai.haski.desktop.analysis.RunControl;
import ai.haski.desktop.platform.FileNameEncoding;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses every present photo of a session that the active model has not analysed yet, on the workers of an
 * {@link AnalysisPool}, saving each result in its own transaction the moment it is ready.
 *
 * <p>Pause and cancel are checked before each photo is started, so they take effect as soon as the photos in flight
 * (at most one per worker, each well under a second for phone photos) are finished; those finished photos are
 * saved, not thrown away, since a result is a result. A run that is killed loses at most the photos in flight; the
 * next run skips every photo already saved, and the session's unique key (photo, weights SHA-256, format) makes a
 * second save of the same result a no-op, so nothing is ever duplicated.
 */
public final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);
    /** Failures that may mean the whole folder has gone rather than one photo. */
    private static final Set<String> UNREACHABLE_CODES = Set.of("FILE_NOT_FOUND", "READ_FAILED");
    /** The stable code of a photo whose name the platform's file-name encoding cannot write. */
    static final String FILE_NAME_ENCODING = "FILE_NAME_ENCODING";

    private final Session session;
    private final Analyzer analyzer;
    private final AnalysisPool pool;
    private final boolean retryFailures;
    private final List<BatchListener> listeners = new CopyOnWriteArrayList<>();
    private final RunControl control = new RunControl();
    private final Object progressLock = new Object();

    // Guarded by progressLock.
    private BatchState state = BatchState.NOT_STARTED;
    private int total;
    private int done;
    private int failed;
    private int missing;
    private int alreadyAnalysed;
    private long startNanos;
    private long pausedSinceNanos;
    private long pausedTotalNanos;

    /**
     * @param pool the workers; the batch analyses one photo per worker at a time
     * @param retryFailures also analyse photos whose stored result from this model is a failure
     */
    public BatchRunner(Session session, Analyzer analyzer, AnalysisPool pool, boolean retryFailures) {
        this.session = session;
        this.analyzer = analyzer;
        this.pool = pool;
        this.retryFailures = retryFailures;
    }

    public void addListener(BatchListener listener) {
        listeners.add(listener);
    }

    public void removeListener(BatchListener listener) {
        listeners.remove(listener);
    }

    /** The model every result of this run comes from. */
    public ModelKey model() {
        return ModelKey.of(analyzer.provenance());
    }

    /**
     * Runs the batch to its end, or until cancelled, on this thread's behalf (it waits for the workers). Call once.
     *
     * @return the final progress; its state is FINISHED or CANCELLED
     * @throws SessionException when results cannot be saved (disk full, file locked); everything saved before stays
     */
    public BatchProgress run() throws SessionException {
        ModelKey model = model();
        synchronized (progressLock) {
            if (state == BatchState.CANCELLED && startNanos == 0) {
                return snapshot();
            }
            if (state != BatchState.NOT_STARTED) {
                throw new IllegalStateException("a batch runner runs once; make a new one to run again");
            }
            state = BatchState.RUNNING;
            startNanos = System.nanoTime();
        }
        BatchLock lock;
        try {
            lock = BatchLock.acquire(session.file());
        } catch (SessionException e) {
            finish(BatchState.FAILED);
            throw e;
        }
        try (lock) {
            return runLocked(model);
        }
    }

    private BatchProgress runLocked(ModelKey model) throws SessionException {
        List<Photo> pending;
        int present;
        try {
            pending = session.results().toAnalyse(model, retryFailures);
            present = session.photos().count(PhotoState.PRESENT);
        } catch (SessionException e) {
            finish(BatchState.FAILED);
            throw e;
        }
        synchronized (progressLock) {
            total = pending.size();
            alreadyAnalysed = present - pending.size();
        }
        LOG.info("Batch with {}: {} photos to analyse, {} already analysed, {} threads", model.describe(),
                pending.size(), present - pending.size(), pool.workers());
        notifyState();

        // An interrupt of this thread cancels the run; the pool lets the photos in flight be saved, then returns.
        try {
            pool.forEachAnalysis(analyzer, pending, this::fileOf, control, this::analyseOne);
        } catch (SessionException | RuntimeException | Error e) {
            finish(BatchState.FAILED);
            throw e;
        }
        boolean allDone;
        synchronized (progressLock) {
            allDone = done == total;
        }
        // A cancel that came after the last photo started changes nothing: the run did all it set out to do.
        BatchProgress last = finish(control.isCancelled() && !allDone ? BatchState.CANCELLED : BatchState.FINISHED);
        LOG.info("Batch with {} {}: {} done, {} failed, {} missing, {} already analysed", model.describe(),
                last.state().name().toLowerCase(java.util.Locale.ROOT), last.done(), last.failed(), last.missing(),
                last.alreadyAnalysed());
        return last;
    }

    /** Stops starting photos until {@link #resume()}; photos in flight finish and are saved. */
    public void pause() {
        synchronized (progressLock) {
            if (state != BatchState.RUNNING) {
                return;
            }
            control.pause();
            state = BatchState.PAUSED;
            pausedSinceNanos = System.nanoTime();
        }
        notifyState();
    }

    public void resume() {
        synchronized (progressLock) {
            if (state != BatchState.PAUSED) {
                return;
            }
            pausedTotalNanos += System.nanoTime() - pausedSinceNanos;
            state = BatchState.RUNNING;
            control.resume();
        }
        notifyState();
    }

    /** Starts no more photos; {@link #run()} returns once the photos in flight are saved. */
    public void cancel() {
        synchronized (progressLock) {
            if (state.isFinal() || state == BatchState.CANCELLING) {
                control.cancel();
                return;
            }
            if (state == BatchState.PAUSED) {
                pausedTotalNanos += System.nanoTime() - pausedSinceNanos;
            }
            state = state == BatchState.NOT_STARTED ? BatchState.CANCELLED : BatchState.CANCELLING;
            control.cancel();
        }
        notifyState();
    }

    public BatchState state() {
        synchronized (progressLock) {
            return state;
        }
    }

    public BatchProgress progress() {
        synchronized (progressLock) {
            return snapshot();
        }
    }

    /**
     * Analyses one photo (decoded ahead on the pool's decoder threads, when it has them) and records what happened.
     * Whatever goes wrong with this one photo becomes its recorded failure, so the summary and exit status count it
     * and the other photos go on; only what stops every photo (the folder gone, the session file unwritable) stops
     * the batch.
     */
    /** The photo's file, for the pool to decode ahead; empty when its name cannot be made a path here. */
    private Optional<Path> fileOf(Photo photo) {
        try {
            return Optional.of(photo.resolveIn(session.root()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private void analyseOne(Photo photo, AnalysisPool.PendingAnalysis analysis) throws SessionException {
        Path file;
        try {
            file = photo.resolveIn(session.root());
        } catch (InvalidPathException e) {
            // The name came from the folder, but this JVM's file-name encoding cannot write it back as bytes.
            record(photo, nameFailure(photo), photo.sizeBytes(), photo.modifiedMillis());
            return;
        }
        long size = photo.sizeBytes();
        long modified = photo.modifiedMillis();
        AnalysisOutcome outcome;
        try {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                size = attributes.size();
                modified = attributes.lastModifiedTime().toMillis();
            } catch (NoSuchFileException e) {
                requireFolderAvailable();
                if (FileNameEncoding.lostBytes(photo.relativePath())) {
                    // Not gone: its name was not valid in the file-name encoding, so no path reaches it again.
                    record(photo, nameFailure(photo), size, modified);
                } else {
                    gone(photo);
                }
                return;
            } catch (IOException e) {
                requireFolderAvailable();
                // The analyzer meets the same problem and reports it with a code and a message; it is stored so.
            }
            outcome = analysis.outcome();
        } catch (RuntimeException e) {
            LOG.error("Unexpected error analysing photo id={}; recorded as its failure", photo.id(), e);
            outcome = new AnalysisFailure(file, "INTERNAL_ERROR", photo.relativePath() + ": unexpected error ("
                    + e.getClass().getSimpleName() + "); the other photos go on. Please report this.");
        }
        if (outcome instanceof AnalysisFailure failure && UNREACHABLE_CODES.contains(failure.code())) {
            requireFolderAvailable();
            if (failure.code().equals("FILE_NOT_FOUND")) {
                gone(photo);
                return;
            }
        }
        record(photo, outcome, size, modified);
    }

    private void record(Photo photo, AnalysisOutcome outcome, long size, long modified) throws SessionException {
        Provenance provenance = analyzer.provenance();
        StoredResult stored = session.results().save(photo, outcome, provenance, size, modified);
        BatchProgress progress;
        synchronized (progressLock) {
            done++;
            if (!stored.succeeded()) {
                failed++;
            }
            progress = snapshot();
            for (BatchListener listener : listeners) {
                safely(() -> listener.photoFinished(photo, Optional.of(stored), progress));
            }
        }
    }

    /**
     * The failure of a photo whose name this JVM cannot turn back into a path. It is stored under the photo's
     * relative name (the results keep that, not the path), so the session root stands in for the path here.
     */
    private AnalysisFailure nameFailure(Photo photo) {
        String encoding = FileNameEncoding.current();
        String advice = FileNameEncoding.warning().isPresent()
                ? "Start the app with a UTF-8 locale (for example LANG=C.UTF-8), or rename the file."
                : "Rename the file to a name that is valid UTF-8.";
        return new AnalysisFailure(session.root(), FILE_NAME_ENCODING, photo.relativePath()
                + ": its name cannot be written in this system's file-name encoding (" + encoding + "), so the "
                + "file cannot be opened. " + advice);
    }

    /**
     * Stops the batch when the session's folder itself has gone or cannot be read (a drive unplugged, a share
     * disconnected, permissions changed): its photos are not missing and not broken, so marking each one so would be
     * wrong, and every later run would skip them as failed. Nothing is recorded for the photo at hand.
     */
    private void requireFolderAvailable() throws SessionException {
        Path root = session.root();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            entries.iterator().hasNext();
        } catch (IOException | DirectoryIteratorException e) {
            throw new SessionException("The session's folder " + root + " can no longer be read (" + reason(e)
                    + "): the batch stopped, and every result saved so far is kept. Reconnect the drive or restore "
                    + "access to the folder, then run the batch again; if the photos were moved, relink the session "
                    + "to their new folder.", e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "it is not there";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The photo was deleted after the last scan: record that rather than a failure nobody can fix. */
    private void gone(Photo photo) throws SessionException {
        session.photos().markMissing(photo.id());
        synchronized (progressLock) {
            done++;
            missing++;
            BatchProgress progress = snapshot();
            for (BatchListener listener : listeners) {
                safely(() -> listener.photoFinished(photo, Optional.empty(), progress));
            }
        }
    }

    private BatchProgress finish(BatchState end) {
        synchronized (progressLock) {
            if (state == BatchState.PAUSED) {
                pausedTotalNanos += System.nanoTime() - pausedSinceNanos;
            }
            state = end;
        }
        notifyState();
        return progress();
    }

    private void notifyState() {
        synchronized (progressLock) {
            BatchProgress progress = snapshot();
            for (BatchListener listener : listeners) {
                safely(() -> listener.stateChanged(progress));
            }
        }
    }

    /** Guarded by progressLock. */
    private BatchProgress snapshot() {
        long now = System.nanoTime();
        long paused = pausedTotalNanos + (state == BatchState.PAUSED ? now - pausedSinceNanos : 0);
        Duration elapsed = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(now - startNanos);
        double runningSeconds = Math.max(1e-9, (now - startNanos - paused) / 1e9);
        double rate = done == 0 ? 0 : done / runningSeconds;
        Optional<Duration> remaining = rate > 0
                ? Optional.of(Duration.ofMillis(Math.round((total - done) / rate * 1000)))
                : Optional.empty();
        return new BatchProgress(state, total, done, failed, missing, alreadyAnalysed, elapsed, rate, remaining);
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A batch listener failed; the run goes on", e);
        }
    }
}
