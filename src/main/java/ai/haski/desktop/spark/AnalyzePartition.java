package ai.haski.desktop.spark;

import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's work: each photo path of its partition read through Hadoop's FileSystem and analysed by this executor's
 * one analyzer, one row out per path, in order and as they come (a partition is never held in memory). A photo that
 * cannot be read or analysed is a row with its error; only an executor that cannot open the model fails the task.
 */
final class AnalyzePartition implements FlatMapFunction<Iterator<String>, Row> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzePartition.class);

    private final ModelSpec model;
    private final String appVersion;
    private final boolean jsonLines;
    private final SerializableConfiguration hadoopConf;
    private final Broadcast<byte[]> packageZip;
    private final LongAccumulator modelLoads;
    private final LongAccumulator modelLoadMillis;

    AnalyzePartition(ModelSpec model, String appVersion, boolean jsonLines, SerializableConfiguration hadoopConf,
            Broadcast<byte[]> packageZip, LongAccumulator modelLoads, LongAccumulator modelLoadMillis) {
        this.model = model;
        this.appVersion = appVersion;
        this.jsonLines = jsonLines;
        this.hadoopConf = hadoopConf;
        this.packageZip = packageZip;
        this.modelLoads = modelLoads;
        this.modelLoadMillis = modelLoadMillis;
    }

    @Override
    public Iterator<Row> call(Iterator<String> paths) {
        ExecutorModels.Lease lease = ExecutorModels.get(model,
                () -> PackageArchive.unzip(packageZip.value()), executorCores());
        if (lease.loadNanos() > 0) {
            modelLoads.add(1);
            modelLoadMillis.add(lease.loadNanos() / 1_000_000);
        }
        Analyzer analyzer = lease.analyzer();
        Configuration conf = hadoopConf.value();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return paths.hasNext();
            }

            @Override
            public Row next() {
                return analyze(analyzer, conf, paths.next());
            }
        };
    }

    private Row analyze(Analyzer analyzer, Configuration conf, String path) {
        org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(path);
        String file = path;
        AnalysisOutcome outcome;
        try {
            file = LocalPhoto.displayName(hadoopPath, conf);
            try (LocalPhoto photo = LocalPhoto.fetch(hadoopPath, conf)) {
                outcome = analyzer.analyze(photo.file());
            }
        } catch (FileNotFoundException e) {
            outcome = new AnalysisFailure(Path.of(file), "FILE_NOT_FOUND", "Cannot open " + file
                    + ": it is not there (moved or deleted since the job listed it). Check the input.");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read {}: {}", hadoopPath.getName(), e.toString());
            outcome = new AnalysisFailure(Path.of(file), "READ_FAILED", "Cannot read " + file + " from its file "
                    + "system: " + e.getMessage() + ". Check that the executors can reach it; the other files go on.");
        }
        return jsonLines ? RowFactory.create(ResultRows.line(path, file, appVersion, outcome))
                : ResultRows.row(path, file, appVersion, outcome);
    }

    /** The cores this executor's tasks share: {@code spark.executor.cores}, else the machine's. */
    private static int executorCores() {
        SparkEnv env = SparkEnv.get();
        int machine = Runtime.getRuntime().availableProcessors();
        return env == null ? machine : env.conf().getInt("spark.executor.cores", machine);
    }
}
