package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.ModelLoadException;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that choose a model, its runtime and how many photos run at once, shared by analyze and review. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "ID", description = "Model package id (default: the first usable one).")
    String modelId;

    @Option(names = "--backend", paramLabel = "onnx|tflite",
            description = "Use exactly this format and runtime, with no fallback (default: the model's preference, "
                    + "falling back to its other format).")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "Photos analysed at once (default: the number of cores).")
    Integer threads;

    /** The format {@code --backend} forces, if any; a bad name is a usage error. */
    Optional<ModelFormat> forcedFormat() {
        return CliArguments.backend(backend);
    }

    /** How many photos to analyse at once; a value out of range is a usage error. */
    int workers() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("--threads must be between 1 and 256, found " + workers);
        }
        return workers;
    }

    /**
     * Chooses the package and loads it, proven by its test vector, sharing the cores between the photos analysed
     * at once and the threads each inference may use.
     */
    ActiveModel load(Engine engine, int workers) throws NoUsableModelException, ModelLoadException {
        ModelPackage pkg = engine.choose(Optional.ofNullable(modelId));
        int threadsPerRun = Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
        return engine.loader().load(pkg, ModelLoader.only(forcedFormat()), threadsPerRun);
    }
}
