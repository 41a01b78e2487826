package ai.haski.desktop.spark;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.platform.AppPaths;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzers open in this JVM, one per {@link ModelSpec}: the first task of an executor loads the model (proven
 * by its test vector, as {@link Engine#open} always does) and every later task of that executor reuses it. They stay
 * open for the JVM's life: an executor runs tasks until it exits, and its native memory goes with the process.
 */
final class ExecutorModels {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
    private static final Map<ModelSpec, Analyzer> OPEN = new HashMap<>();

    private ExecutorModels() {}

    /** What {@link #get} did: the analyzer, and how long this call spent loading it (zero when it was open). */
    record Lease(Analyzer analyzer, long loadNanos) {}

    /**
     * The analyzer for {@code spec}, opened on first use from the model folder {@code shippedRoot} gives (where
     * {@code SparkContext.addFile} put the package). Tasks that ask while the first one loads wait for it, so a JVM
     * loads each model once.
     *
     * @throws IllegalStateException when the model cannot be opened here, or is not the one the driver chose: that
     *     is the executor's setup, not a photo, so the task fails and Spark reports it
     */
    static synchronized Lease get(ModelSpec spec, Supplier<Path> shippedRoot, int cores) {
        Analyzer open = OPEN.get(spec);
        if (open != null) {
            return new Lease(open, 0);
        }
        long start = System.nanoTime();
        Analyzer analyzer;
        try {
            analyzer = Engine.create(AppPaths.current(), List.of(shippedRoot.get())).open(spec.request(cores));
        } catch (NoUsableModelException | ModelUnavailableException e) {
            throw new IllegalStateException("this executor cannot open model " + spec.modelId() + " ("
                    + spec.format() + "): " + e.getMessage() + ". Check that the package reaches the executors "
                    + "(docs/SPARK.md) and that its runtime loads there", e);
        }
        if (!analyzer.provenance().modelSha256().equals(spec.sha256())) {
            String found = analyzer.provenance().modelSha256();
            analyzer.close();
            throw new IllegalStateException("this executor found model " + spec.modelId() + " with weights "
                    + found + ", not the " + spec.sha256() + " the driver chose; remove the other copy of the "
                    + "package from the executors' model folders");
        }
        long loadNanos = System.nanoTime() - start;
        LOG.info("Model {} ({}) loaded and proven by its test vector in this JVM in {} ms", spec.modelId(),
                spec.format(), loadNanos / 1_000_000);
        OPEN.put(spec, analyzer);
        return new Lease(analyzer, loadNanos);
    }
}
