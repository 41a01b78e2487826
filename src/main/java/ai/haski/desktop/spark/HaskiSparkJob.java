package ai.haski.desktop.spark;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.AppVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The Spark job's driver: lists the input, opens and proves the model once here (so a wrong {@code --model} or a
 * runtime that does not load fails before any task), broadcasts the package to the executors, and writes one row
 * per photo.
 */
public final class HaskiSparkJob {
    private static final Logger LOG = LoggerFactory.getLogger(HaskiSparkJob.class);
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** As {@code analyze}: the job finished, and some photos are rows with an error. */
    static final int PARTIAL = 3;

    private HaskiSparkJob() {}

    /** {@code spark-submit --class ai.haski.desktop.spark.HaskiSparkJob haski-spark-job.jar --input ... --output ...} */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.err, true), args));
    }

    /** Parses the arguments, runs the job in a session of its own and says how it went; returns the exit code. */
    static int run(PrintWriter err, String... args) {
        JobOptions options = new JobOptions();
        CommandLine line = new CommandLine(options);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("error: " + e.getMessage());
            line.usage(err);
            return USAGE;
        }
        if (line.isUsageHelpRequested() || line.isVersionHelpRequested()) {
            line.usage(err);
            return OK;
        }
        if (options.problem().isPresent()) {
            err.println("error: " + options.problem().get());
            return USAGE;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("haski-analyze");
        if (options.master != null) {
            builder.master(options.master);
        }
        SparkSession spark = builder.getOrCreate();
        try {
            JobSummary summary = run(spark, options);
            err.println(summary.describe());
            return summary.failedRows() == 0 ? OK : PARTIAL;
        } catch (JobException e) {
            err.println("error: " + e.getMessage());
            return e.usage ? USAGE : FAILED;
        } finally {
            spark.stop();
        }
    }

    /** Runs the job in {@code spark}. */
    static JobSummary run(SparkSession spark, JobOptions options) throws JobException {
        long start = System.nanoTime();
        OutputFolder output = new OutputFolder(spark, options.output, options.jsonLines());
        List<String> photos;
        Set<String> done = Set.of();
        try {
            if (output.exists()) {
                if (!options.resume) {
                    throw new JobException(true, "the output " + options.output + " already holds results; give "
                            + "a new folder, or --resume to add only the photos it lacks");
                }
                done = output.donePaths();
            }
            photos = InputListing.list(options.input, spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new JobException(true, e.getMessage());
        }
        List<String> todo = new ArrayList<>(photos.size());
        for (String photo : photos) {
            if (!done.contains(photo)) {
                todo.add(photo);
            }
        }
        DriverModel driverModel = openOnDriver(options);
        ModelSpec model = driverModel.spec();
        LOG.info("Analysing {} photos ({} already in the output) with {} ({})", todo.size(),
                photos.size() - todo.size(), model.modelId(), model.format());
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LongAccumulator loads = spark.sparkContext().longAccumulator("model loads");
        LongAccumulator loadMillis = spark.sparkContext().longAccumulator("model load ms");
        if (!todo.isEmpty()) {
            int partitions = options.partitionsFor(todo.size(), context.defaultParallelism());
            AnalyzePartition analyze = new AnalyzePartition(model, AppVersion.get(), options.jsonLines(),
                    new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()),
                    context.broadcast(driverModel.packageZip()), loads, loadMillis);
            JavaRDD<Row> rows = context.parallelize(todo, partitions).mapPartitions(analyze);
            try {
                output.write(spark.createDataFrame(rows,
                        options.jsonLines() ? OutputFolder.LINES : ResultRows.SCHEMA), !done.isEmpty());
            } catch (IOException e) {
                throw new JobException(false, "cannot write " + options.output + ": " + e.getMessage());
            }
        }
        long analysedMillis = (System.nanoTime() - start) / 1_000_000;
        long[] rowsAndFailures = output.rowsAndFailures();
        return new JobSummary(photos.size(), photos.size() - todo.size(), rowsAndFailures[0], rowsAndFailures[1],
                loads.value(), loadMillis.value(), analysedMillis);
    }

    /** The model the driver chose, and its package zipped for the executors. */
    private record DriverModel(ModelSpec spec, byte[] packageZip) {}

    /**
     * Opens the model the options ask for here on the driver, to fail before any task when it cannot be used and to
     * learn which package, format and weights the executors must open, and zips its package for them, with the face
     * detector package the driver's engine uses (so executors find the same faces as {@code analyze} here). The
     * driver's analyzer is closed again: in local mode the executor in this JVM loads its own, as any executor does.
     */
    private static DriverModel openOnDriver(JobOptions options) throws JobException {
        ModelSpec spec;
        List<Path> folders = new ArrayList<>();
        Engine engine = Engine.create(AppPaths.current(), options.modelDirs);
        try (Analyzer analyzer = engine.open(options.driverRequest())) {
            folders.add(analyzer.model().modelPackage().folder().toAbsolutePath().normalize());
            engine.registry().faceDetectors().stream().findFirst()
                    .ifPresent(detector -> folders.add(detector.folder().toAbsolutePath().normalize()));
            spec = new ModelSpec(analyzer.provenance().modelId(), analyzer.provenance().format(),
                    analyzer.provenance().modelSha256(), options.maxMegapixels);
        } catch (NoUsableModelException | ModelUnavailableException e) {
            throw new JobException(true, e.getMessage());
        }
        try {
            return new DriverModel(spec, PackageArchive.zip(folders));
        } catch (IOException e) {
            throw new JobException(false, "cannot pack model " + folders + " for the executors: " + e.getMessage());
        }
    }

    /** A run that cannot go on, in words for its user; {@code usage} when the arguments or the input are to blame. */
    static final class JobException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean usage;

        JobException(boolean usage, String message) {
            super(message);
            this.usage = usage;
        }
    }
}
