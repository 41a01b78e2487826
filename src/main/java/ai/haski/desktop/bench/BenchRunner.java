package ai.haski.desktop.bench;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.analysis.StageTimings;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.bench.BenchResults.BackendResult;
import ai.haski.desktop.bench.BenchResults.ExplainLatency;
import ai.haski.desktop.bench.BenchResults.LatencyGroup;
import ai.haski.desktop.bench.BenchResults.Throughput;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.image.PhotoKind;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures one model in one format through exactly the path {@code analyze} takes ({@link Engine#open},
 * {@link Analyzer} and {@link AnalysisPool}), with the same thread budget ({@link ThreadBudget#sharing}): W photos at
 * once share the cores, with a decoder thread per worker while the workers leave cores idle. The latency runs take
 * one photo at a time, its inference on every core.
 */
public final class BenchRunner {
    private final Engine engine;
    private final ImageLimits imageLimits;
    private final boolean modelOnly;

    /** @param modelOnly measure without the quality check and the face stage ({@code bench --model-only}) */
    public BenchRunner(Engine engine, ImageLimits imageLimits, boolean modelOnly) {
        this.engine = engine;
        this.imageLimits = imageLimits;
        this.modelOnly = modelOnly;
    }

    /** One photo or group of photos to time single-threaded. */
    public record LatencySet(String label, List<Path> files) {}

    /**
     * One set per kind of photo ({@link PhotoKind}: baseline, progressive and wide-gamut JPEG, PNG, ...), in order of
     * first appearance, so each kind's stages are reported apart; none when the files are all of one kind.
     */
    public static List<LatencySet> byKind(List<Path> files) {
        Map<String, List<Path>> kinds = new LinkedHashMap<>();
        for (Path file : files) {
            kinds.computeIfAbsent(PhotoKind.of(file), kind -> new ArrayList<>()).add(file);
        }
        if (kinds.size() < 2) {
            return List.of();
        }
        List<LatencySet> sets = new ArrayList<>();
        kinds.forEach((kind, ofKind) -> sets.add(new LatencySet(kind + " (" + ofKind.size() + ")", ofKind)));
        return sets;
    }

    /**
     * Runs the whole measurement for one format.
     *
     * @param latencySets photos timed one at a time, each {@code repeat} times after a warm-up
     * @param throughputFiles photos analysed in one batch per worker count
     * @param threads the larger worker count; 1 is always measured too
     */
    public BackendResult run(ModelPackage pkg, ModelFormat format, List<LatencySet> latencySets,
            List<Path> throughputFiles, int repeat, int threads)
            throws NoUsableModelException, ModelUnavailableException, InterruptedException {
        ModelRequest request = ModelRequest.model(pkg.id()).forcing(format).withImageLimits(imageLimits)
                .withModelOnly(modelOnly);
        long loadStart = System.nanoTime();
        List<LatencyGroup> latency = new ArrayList<>();
        double loadMs;
        String runtime;
        String runtimeVersion;
        try (Analyzer analyzer = engine.open(request.withThreads(ThreadBudget.onePhotoAtATime()))) {
            loadMs = (System.nanoTime() - loadStart) / 1e6;
            runtime = analyzer.model().runtime().runtime();
            runtimeVersion = analyzer.model().runtime().version();
            warmUp(analyzer, latencySets);
            for (LatencySet set : latencySets) {
                latency.add(timeOneByOne(analyzer, set, repeat));
            }
        }
        ExplainLatency explain;
        try (Analyzer analyzer = engine.open(request.withThreads(ThreadBudget.single()))) {
            explain = largestPhoto(analyzer, latencySets)
                    .map(photo -> ExplainBench.time(analyzer, photo, Math.min(repeat, 3)))
                    .orElse(null);
        }
        List<Throughput> throughput = new ArrayList<>();
        Set<Integer> workerCounts = new LinkedHashSet<>(List.of(1, threads));
        for (int workers : workerCounts) {
            ThreadBudget budget = ThreadBudget.sharing(workers);
            try (Analyzer analyzer = engine.open(request.withThreads(budget));
                    AnalysisPool pool = AnalysisPool.of(budget)) {
                analyzer.analyze(throughputFiles.get(0));
                throughput.add(timeBatch(analyzer, pool, throughputFiles));
            }
        }
        return new BackendResult(pkg.id(), pkg.manifest().version(), format.id(), runtime, runtimeVersion, loadMs,
                latency, throughput, explain);
    }

    /** The photo with the most pixels among those timed, the worst case for decoding before an explanation. */
    private static Optional<Path> largestPhoto(Analyzer analyzer, List<LatencySet> sets) {
        Path largest = null;
        long most = -1;
        for (Path file : sets.stream().flatMap(set -> set.files().stream()).distinct().limit(200).toList()) {
            if (analyzer.analyze(file) instanceof Analysis analysis) {
                long pixels = (long) analysis.image().width() * analysis.image().height();
                if (pixels > most) {
                    most = pixels;
                    largest = file;
                }
            }
        }
        return Optional.ofNullable(largest);
    }

    /**
     * Runs up to twenty of the photos three times untimed, so that class loading, the JIT and the runtimes'
     * first-run allocations are not counted as the cost of a photo.
     */
    private static void warmUp(Analyzer analyzer, List<LatencySet> sets) {
        List<Path> files = sets.stream().flatMap(set -> set.files().stream()).limit(20).toList();
        for (int pass = 0; pass < 3; pass++) {
            files.forEach(analyzer::analyze);
        }
    }

    private LatencyGroup timeOneByOne(Analyzer analyzer, LatencySet set, int repeat) {
        List<StageTimings> runs = new ArrayList<>();
        int failures = 0;
        int width = 0;
        int height = 0;
        for (int round = 0; round < repeat; round++) {
            for (Path file : set.files()) {
                AnalysisOutcome outcome = analyzer.analyze(file);
                if (outcome instanceof Analysis analysis) {
                    runs.add(analysis.timings());
                    width = analysis.image().width();
                    height = analysis.image().height();
                } else {
                    failures++;
                }
            }
        }
        boolean oneSize = set.files().size() == 1;
        return new LatencyGroup(set.label(), oneSize ? width : 0, oneSize ? height : 0, runs.size(), failures,
                StageStats.of(runs));
    }

    private static Throughput timeBatch(Analyzer analyzer, AnalysisPool pool, List<Path> files)
            throws InterruptedException {
        int[] failures = {0};
        long start = System.nanoTime();
        pool.analyzeInOrder(analyzer, files, outcome -> {
            if (!(outcome instanceof Analysis)) {
                failures[0]++;
            }
        });
        return new Throughput(pool.workers(), files.size(), failures[0], (System.nanoTime() - start) / 1e9);
    }
}
