package ai.haski.desktop.analysis;

import ai.haski.desktop.platform.DaemonThreads;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Analyses a list of files on a fixed number of worker threads and hands the outcomes over in input order.
 *
 * <p>Each worker decodes, preprocesses and runs the model for one photo, so with two workers one photo's decode
 * overlaps the other's inference and both cores stay busy. A sliding window of at most four photos per worker
 * bounds how many decoded results wait in memory, however long the list.
 */
public final class ParallelAnalysis {

    /** Receives each outcome, in the order of the input list, on the calling thread. */
    @FunctionalInterface
    public interface Sink<E extends Exception> {
        void accept(AnalysisOutcome outcome) throws E;
    }

    private ParallelAnalysis() {}

    /** Analyses every file; returns when all are handed to the sink, or throws what the sink threw. */
    public static <E extends Exception> void run(Analyzer analyzer, List<Path> files, int workers, Sink<E> sink)
            throws E, InterruptedException {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is needed");
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, DaemonThreads.named("analysis-"));
        try {
            Deque<Future<AnalysisOutcome>> window = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < workers * 4) {
                    Path file = files.get(next++);
                    window.add(pool.submit(() -> analyzer.analyze(file)));
                }
                sink.accept(await(window.poll()));
            }
        } finally {
            pool.shutdownNow();
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
}
