package ai.haski.desktop.spark;

import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.model.ModelFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The job's command line, as {@code packaging/spark/run.sh} and {@code spark-submit} pass it. */
@Command(name = "haski-spark-job", mixinStandardHelpOptions = true,
        description = "Analyse photos on a Spark cluster: one row per photo, the same result as `analyze`.")
final class JobOptions {
    @Option(names = "--input", required = true, paramLabel = "IN",
            description = "A folder, a glob, or a .txt/.csv list of photo paths (any Hadoop file system).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "OUT", description = "The output folder.")
    String output;

    @Option(names = "--format", paramLabel = "parquet|json", defaultValue = "parquet",
            description = "Parquet (default) or JSON Lines part files.")
    String format;

    @Option(names = "--resume", description = "Append to an existing OUT, skipping the photos it already has "
            + "(default: refuse an existing OUT).")
    boolean resume;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master (local[N], spark://HOST:PORT); spark-submit sets it instead.")
    String master;

    @Option(names = "--model", paramLabel = "ID", description = "Model package id (default: the first usable one).")
    String modelId;

    @Option(names = "--backend", paramLabel = "onnx|tflite",
            description = "Use exactly this format and runtime (default: the model's preference, with fallback).")
    String backend;

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Also read model packages from DIR on the driver (repeatable); the chosen package is "
                    + "shipped to the executors.")
    List<Path> modelDirs = new ArrayList<>();

    @Option(names = "--max-megapixels", paramLabel = "MP", defaultValue = "100",
            description = "Refuse images with more pixels than this, before decoding them (default: ${DEFAULT-VALUE}).")
    double maxMegapixels;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Tasks to split the photos into (default: one per 64 photos, at least the cluster's "
                    + "default parallelism).")
    Integer partitions;

    boolean jsonLines() {
        return "json".equals(format);
    }

    /** The options' usage errors, in words; empty when they are fine. */
    Optional<String> problem() {
        if (!"json".equals(format) && !"parquet".equals(format)) {
            return Optional.of("--format must be parquet or json, found \"" + format + "\"");
        }
        if (backend != null && ModelFormat.fromId(backend).isEmpty()) {
            return Optional.of("--backend must be onnx or tflite, found \"" + backend + "\"");
        }
        if (partitions != null && partitions < 1) {
            return Optional.of("--partitions must be at least 1, found " + partitions);
        }
        if (!(maxMegapixels > 0)) {
            return Optional.of("--max-megapixels must be more than 0, found " + maxMegapixels);
        }
        return Optional.empty();
    }

    /** What the driver opens to choose and prove the model before any task starts. */
    ModelRequest driverRequest() {
        return ModelRequest.defaultModel().withModel(Optional.ofNullable(modelId))
                .forcing(backend == null ? Optional.empty() : ModelFormat.fromId(backend))
                .withImageLimits(ImageLimits.ofMegapixels(maxMegapixels)).withThreads(ThreadBudget.single());
    }

    /** How many tasks for {@code photos} photos on a cluster of {@code parallelism} default tasks. */
    int partitionsFor(int photos, int parallelism) {
        int wanted = partitions != null ? partitions : Math.max(parallelism, (photos + 63) / 64);
        return Math.max(1, Math.min(wanted, photos));
    }
}
