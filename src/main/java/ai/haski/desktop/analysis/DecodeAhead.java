package ai.haski.desktop.analysis;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The prepare steps ({@link Analyzer#prepare}: decode and cut) of one ordered run, in input order, for the decoder
 * threads to take ahead of the workers. Each step runs once, on whichever thread claims it first: a decoder thread,
 * the worker that needs it, or a worker waiting for another photo's decode, so that no thread of the run idles while
 * one of its photos is still to be decoded. How far ahead steps are queued is the caller's bound.
 */
final class DecodeAhead {
    private final Analyzer analyzer;
    private final RegionRequest request;
    /**
     * Steps not yet run, in input order; whoever runs one takes it off, so that the queue holds no decoded photo.
     * A step discarded stays until polled, and is then skipped.
     */
    private final ConcurrentLinkedQueue<Step> unclaimed = new ConcurrentLinkedQueue<>();

    DecodeAhead(Analyzer analyzer, RegionRequest request) {
        this.analyzer = analyzer;
        this.request = request;
    }

    /** Queues the prepare step of {@code file}, behind those already queued. */
    Step add(Path file) {
        Step step = new Step(file);
        unclaimed.add(step);
        return step;
    }

    /** Runs the earliest step nobody has claimed yet; false when there is none. For the decoder threads. */
    boolean runNext() {
        for (Step step = unclaimed.poll(); step != null; step = unclaimed.poll()) {
            if (step.runIfUnclaimed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops every step not yet started, so that a stopped run decodes nothing more; a step already running
     * finishes and its photo is dropped with the run.
     */
    void discardAll() {
        for (Step step = unclaimed.poll(); step != null; step = unclaimed.poll()) {
            step.discard();
        }
    }

    /** One photo's prepare step: run once, its result handed to the worker that finishes the photo. */
    final class Step {
        private final Path file;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<PreparedPhoto> result = new CompletableFuture<>();

        private Step(Path file) {
            this.file = file;
        }

        private boolean runIfUnclaimed() {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            try {
                result.complete(analyzer.prepare(file, request));
            } catch (Throwable e) {
                // prepare turns every exception into a failure; an Error (out of memory) goes to the worker.
                result.completeExceptionally(e);
            }
            return true;
        }

        /** Drops the step if nobody has started it: its photo is no longer wanted. */
        void discard() {
            if (claimed.compareAndSet(false, true)) {
                result.cancel(false);
            }
        }

        /**
         * The prepared photo, for its worker: runs the step itself when no decoder has started it, and while a
         * decoder is still on it, decodes later photos of the run instead of waiting idle.
         *
         * @throws InterruptedException when the worker is interrupted waiting (the run was stopped)
         */
        PreparedPhoto await() throws InterruptedException {
            help();
            try {
                return result.get();
            } catch (ExecutionException e) {
                throw crashed(e);
            }
        }

        /**
         * As {@link #await()}, for a worker that must finish its photo even when interrupted (a batch saves what it
         * started): waits out a decode in flight, at most one photo's, and keeps the interrupt.
         */
        PreparedPhoto awaitUninterruptibly() {
            help();
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return result.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        throw crashed(e);
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void help() {
            if (runIfUnclaimed()) {
                // Its own decode, done by the worker: the queue must not keep the decoded photo until polled.
                unclaimed.remove(this);
            }
            while (!result.isDone() && runNext()) {
                // Helped with a later photo; look again.
            }
        }

        private RuntimeException crashed(ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return new IllegalStateException("decoding " + file.getFileName() + " crashed", e.getCause());
        }
    }
}
