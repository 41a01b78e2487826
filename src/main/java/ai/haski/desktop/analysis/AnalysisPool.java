package ai.haski.desktop.analysis;

import ai.haski.desktop.platform.DaemonThreads;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads that analyse photos, for every face that analyses more than one: a fixed number of workers,
 * each decoding, preprocessing and running the model for one photo at a time, so that one photo's decode overlaps
 * another's inference and the cores stay busy.
 *
 * <p>Work comes in runs: {@link #analyzeInOrder} hands outcomes back in input order, {@link #forEach} runs a task per
 * item in whatever order they finish, under a {@link RunControl} that pauses or cancels it between items. Several
 * runs may share the pool; each keeps at most one item per worker in flight, and a paused run holds no worker.
 *
 * <p>With decoder threads ({@link ThreadBudget#decodersAhead}, given when the workers leave cores idle), an ordered
 * run and a {@link #forEachAnalysis} run split each photo in two (the analyzer's prepare and finish steps): the
 * decoders read and decode the next photos, at most {@value #LOOK_AHEAD_PER_WORKER} per worker beyond the one it is
 * finishing, while the workers run the model on the current ones. The outcomes are the same as without them, in the
 * same order.
 */
public final class AnalysisPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisPool.class);
    /** How many outcomes an ordered run lets wait in memory per worker, however long the list. */
    private static final int ORDERED_WINDOW_PER_WORKER = 4;
    /**
     * How many photos per worker an ordered run decodes ahead of the one the worker is finishing. Two keep a decoder
     * busy through a photo that decodes slower than the model's work; each holds its decoded picture (about 3 MB for
     * a 12 MP photo decoded at 1/4), so the bound is also the memory's.
     */
    static final int LOOK_AHEAD_PER_WORKER = 2;
    /** How long close() waits for a photo in flight (a native decode or inference cannot be interrupted). */
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final int workers;
    private final ExecutorService executor;
    /** Decodes photos ahead of the workers in ordered runs; null without decoder threads. */
    private final ExecutorService decoders;

    /** A pool of {@code workers} threads, started as work arrives, each decoding its own photos. */
    public AnalysisPool(int workers) {
        this(workers, 0);
    }

    /**
     * A pool of {@code workers} threads and {@code decodersAhead} threads that decode the next photos of an ordered
     * run while the workers finish the current ones; all started as work arrives.
     */
    public AnalysisPool(int workers, int decodersAhead) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is needed, found " + workers);
        }
        if (decodersAhead < 0) {
            throw new IllegalArgumentException("the number of decoder threads cannot be negative, found "
                    + decodersAhead);
        }
        this.workers = workers;
        this.executor = Executors.newFixedThreadPool(workers, DaemonThreads.named("analysis-"));
        this.decoders = decodersAhead == 0 ? null
                : Executors.newFixedThreadPool(decodersAhead, DaemonThreads.named("analysis-decode-"));
    }

    /** A pool with one worker per photo the budget lets run at once, and the decoder threads it gives. */
    public static AnalysisPool of(ThreadBudget budget) {
        return new AnalysisPool(budget.photosAtOnce(), budget.decodersAhead());
    }

    public int workers() {
        return workers;
    }

    /** Receives each outcome of an ordered run, in the order of the input list, on the calling thread. */
    @FunctionalInterface
    public interface OutcomeSink<E extends Exception> {
        void accept(AnalysisOutcome outcome) throws E;
    }

    /** The work for one item of an unordered run, done on a worker thread. */
    @FunctionalInterface
    public interface Task<T, E extends Exception> {
        void run(T item) throws E;
    }

    /**
     * Analyses every file and hands each outcome to the sink in input order. Returns when all are handed over; when
     * the sink throws or the calling thread is interrupted, the photos not yet handed over are dropped.
     */
    public <E extends Exception> void analyzeInOrder(Analyzer analyzer, List<Path> files, OutcomeSink<E> sink)
            throws E, InterruptedException {
        analyzeInOrder(analyzer, files, RegionRequest.WHOLE, sink);
    }

    /**
     * As {@link #analyzeInOrder(Analyzer, List, OutcomeSink)}, analysing the part of each file {@code region} names;
     * a file the region does not fit (or with no face to analyse) fails on its own and the others go on.
     */
    public <E extends Exception> void analyzeInOrder(Analyzer analyzer, List<Path> files, RegionRequest region,
            OutcomeSink<E> sink) throws E, InterruptedException {
        if (decoders != null) {
            analyzeInOrderDecodingAhead(analyzer, files, region, sink);
            return;
        }
        Deque<Future<AnalysisOutcome>> window = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < workers * ORDERED_WINDOW_PER_WORKER) {
                    Path file = files.get(next++);
                    window.add(submit(() -> analyzer.analyze(file, region)));
                }
                sink.accept(await(window.poll()));
            }
        } finally {
            window.forEach(pending -> pending.cancel(true));
        }
    }

    /**
     * The ordered run with decoder threads: each photo's prepare step is queued for the decoders as it enters the
     * window, its finish step for a worker, which waits for (or helps with) the decode. The window bounds both the
     * outcomes waiting for the sink and the decoded photos waiting for a worker.
     */
    private <E extends Exception> void analyzeInOrderDecodingAhead(Analyzer analyzer, List<Path> files,
            RegionRequest region, OutcomeSink<E> sink) throws E, InterruptedException {
        DecodeAhead ahead = new DecodeAhead(analyzer, region);
        Deque<Future<AnalysisOutcome>> window = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < workers * (1 + LOOK_AHEAD_PER_WORKER)) {
                    DecodeAhead.Step step = ahead.add(files.get(next++));
                    window.add(submit(() -> analyzer.finish(step.await())));
                    decodeAhead(ahead);
                }
                sink.accept(await(window.poll()));
            }
        } finally {
            ahead.discardAll();
            window.forEach(pending -> pending.cancel(true));
        }
    }

    private void decodeAhead(DecodeAhead ahead) {
        try {
            decoders.execute(ahead::runNext);
        } catch (RejectedExecutionException e) {
            // Closing: the step stays queued and its worker, if it still runs, decodes the photo itself.
        }
    }

    /** One photo's analysis as a task of {@link #forEachAnalysis} receives it: asked for on the worker, or never. */
    @FunctionalInterface
    public interface PendingAnalysis {
        /**
         * The photo's outcome: finished from its decode ahead when there was one, else analysed now. Never throws
         * for a problem with the photo; an item without a file has no analysis to ask for.
         */
        AnalysisOutcome outcome();
    }

    /** The work for one item of {@link #forEachAnalysis}, done on a worker thread. */
    @FunctionalInterface
    public interface AnalysisTask<T, E extends Exception> {
        void run(T item, PendingAnalysis analysis) throws E;
    }

    /**
     * As {@link #forEach}, for items that are photos: {@code fileOf} names each item's file (empty when it has none
     * to read), and the task gets the photo's analysis with the item. With decoder threads the next photos, at most
     * {@value #LOOK_AHEAD_PER_WORKER} per worker, are decoded while the workers finish the current ones; pause and
     * cancel still act between items, and a cancelled run drops the photos decoded ahead. A task that never asks for
     * the analysis (the photo has gone, say) costs at most one wasted decode.
     */
    public <T, E extends Exception> void forEachAnalysis(Analyzer analyzer, Iterable<T> items,
            Function<T, Optional<Path>> fileOf, RunControl control, AnalysisTask<T, E> task) throws E {
        if (decoders == null) {
            forEach(items, control, item -> task.run(item, () -> analyzer.analyze(fileOf.apply(item)
                    .orElseThrow(() -> noFile(item)))));
            return;
        }
        DecodeAhead ahead = new DecodeAhead(analyzer, RegionRequest.WHOLE);
        LookAhead<T> started = new LookAhead<>(items.iterator(), workers * LOOK_AHEAD_PER_WORKER, item ->
                fileOf.apply(item).map(file -> {
                    DecodeAhead.Step step = ahead.add(file);
                    decodeAhead(ahead);
                    return step;
                }));
        try {
            forEach(() -> started, control, entry -> {
                try {
                    task.run(entry.item(), () -> analyzer.finish(entry.step().orElseThrow(() -> noFile(entry.item()))
                            .awaitUninterruptibly()));
                } finally {
                    entry.step().ifPresent(DecodeAhead.Step::discard);
                }
            });
        } finally {
            ahead.discardAll();
        }
    }

    /** A task asked for the analysis of an item it was told has no file: a bug in the task. */
    private static IllegalStateException noFile(Object item) {
        return new IllegalStateException("no file to analyse for " + item);
    }

    /** An item of {@link #forEachAnalysis} with its photo's queued decode. */
    private record Ahead<T>(T item, Optional<DecodeAhead.Step> step) {}

    /**
     * Hands out items in order while keeping {@code depth} more taken from the source, each with its decode queued,
     * so that the decoders work ahead of the items started.
     */
    private static final class LookAhead<T> implements Iterator<Ahead<T>> {
        private final Iterator<T> source;
        private final int depth;
        private final Function<T, Optional<DecodeAhead.Step>> queue;
        private final Deque<Ahead<T>> taken = new ArrayDeque<>();

        LookAhead(Iterator<T> source, int depth, Function<T, Optional<DecodeAhead.Step>> queue) {
            this.source = source;
            this.depth = depth;
            this.queue = queue;
        }

        @Override
        public boolean hasNext() {
            return !taken.isEmpty() || source.hasNext();
        }

        @Override
        public Ahead<T> next() {
            while (taken.size() <= depth && source.hasNext()) {
                T item = source.next();
                taken.add(new Ahead<>(item, queue.apply(item)));
            }
            if (taken.isEmpty()) {
                throw new java.util.NoSuchElementException();
            }
            return taken.poll();
        }
    }

    /**
     * Runs {@code task} for each item, at most one per worker at a time, starting each only when {@code control}
     * lets it (so a pause or cancel takes effect between items, never inside one). Returns when every item ran, or,
     * once cancelled, when the items in flight have finished.
     *
     * <p>A task that throws cancels the run; the first such exception is thrown here once the items in flight have
     * finished. An interrupt of the calling thread cancels the run too; the call still waits for the items in flight
     * (a result is a result) and returns with the interrupt flag set.
     */
    public <T, E extends Exception> void forEach(Iterable<T> items, RunControl control, Task<T, E> task) throws E {
        Semaphore freeWorkers = new Semaphore(workers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        boolean interrupted = false;
        Iterator<T> next = items.iterator();
        try {
            while (next.hasNext()) {
                freeWorkers.acquire();
                boolean go = false;
                try {
                    go = control.awaitGo() && failure.get() == null;
                } finally {
                    if (!go) {
                        // A permit is held only by an item in flight; an interrupted wait hands it back too.
                        freeWorkers.release();
                    }
                }
                if (!go) {
                    break;
                }
                T item = next.next();
                start(freeWorkers, () -> {
                    try {
                        task.run(item);
                    } catch (Exception | Error e) {
                        failure.compareAndSet(null, e);
                        control.cancel();
                    }
                });
            }
        } catch (InterruptedException e) {
            interrupted = true;
            control.cancel();
        }
        // Every worker's permit back means every item started has finished.
        freeWorkers.acquireUninterruptibly(workers);
        freeWorkers.release(workers);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(failure.get());
    }

    private void start(Semaphore freeWorkers, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    freeWorkers.release();
                }
            });
        } catch (RejectedExecutionException e) {
            freeWorkers.release();
            throw new IllegalStateException("the analysis pool is closed", e);
        }
    }

    private Future<AnalysisOutcome> submit(Callable<AnalysisOutcome> work) {
        try {
            return executor.submit(work);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the analysis pool is closed", e);
        }
    }

    private static AnalysisOutcome await(Future<AnalysisOutcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Analyzer.analyze turns every failure into an outcome; reaching here is a bug (an Error, say).
            throw new IllegalStateException("analysis crashed: " + e.getCause(), e.getCause());
        }
    }

    /** A task may only throw its own E, unchecked exceptions and errors, so the cast cannot be wrong. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> void rethrow(Throwable failure) throws E {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw (E) failure;
    }

    /**
     * Stops the workers and the decoder threads and waits for them to end: photos in flight are interrupted, photos
     * not started are cancelled (a run still going ends with a {@link java.util.concurrent.CancellationException}),
     * and photos decoded ahead are dropped. A thread still in a native call after a while is left to end on its own
     * (they are daemons), with a warning.
     */
    @Override
    public void close() {
        // A photo that never started is cancelled, so that a run still waiting for it ends instead of hanging.
        executor.shutdownNow().forEach(never -> {
            if (never instanceof Future<?> future) {
                future.cancel(false);
            }
        });
        if (decoders != null) {
            decoders.shutdownNow();
        }
        try {
            boolean ended = executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
                    && (decoders == null || decoders.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS));
            if (!ended) {
                LOG.warn("An analysis thread was still busy {} s after the pool closed; it ends when its photo does",
                        CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
