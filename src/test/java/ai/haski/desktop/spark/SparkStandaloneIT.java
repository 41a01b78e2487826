package ai.haski.desktop.spark;

import static ai.haski.desktop.spark.SparkTestPhotos.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job jar on a standalone cluster on loopback (Spark's own Master and Worker, see {@link LoopbackCluster}),
 * driven from this JVM as one application for the class: its rows against {@code analyze}, then a worker killed
 * with its executor once the first task has finished, and each photo still exactly once in the output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkStandaloneIT {
    @TempDir
    static Path work;
    private static LoopbackCluster cluster;
    private static Process firstWorker;
    private static SparkSession spark;
    private static Path folder;
    private static Map<String, ObjectNode> analyzed;

    @BeforeAll
    static void start() throws IOException {
        folder = SparkTestPhotos.folder(work);
        analyzed = SparkTestPhotos.analyze(folder, work);
        cluster = LoopbackCluster.start(work);
        firstWorker = cluster.startWorker(2);
        String jar = System.getProperty("haski.spark.jar", TestFiles.repo().resolve("target/haski-spark-job.jar")
                .toString());
        spark = SparkSession.builder().master(cluster.masterUrl()).appName("haski-standalone-test")
                .config("spark.jars", jar)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.memory", "512m")
                .config("spark.executor.extraJavaOptions", "-Dlogback.configurationFile=" + LoopbackCluster.logConfig())
                .getOrCreate();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (spark != null) {
            spark.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static JobSummary run(String... args) throws HaskiSparkJob.JobException {
        return HaskiSparkJob.run(spark, CommandLine.populateCommand(new JobOptions(), args));
    }

    @Test
    @Order(1)
    void aJobOnTheClusterGivesAnalyzesRowsAndLoadsTheModelOncePerExecutor() throws Exception {
        Path out = work.resolve("standalone-out");
        JobSummary summary = run("--input", folder.toString(), "--output", out.toString(), "--format", "json",
                "--model", MODEL, "--partitions", "6");

        Map<String, ObjectNode> rows = new HashMap<>();
        SparkTestPhotos.byFile(SparkTestPhotos.partLines(out))
                .forEach((file, row) -> rows.put(file, SparkTestPhotos.withoutAdditions(row, "0.1.0-SNAPSHOT")));
        SparkTestPhotos.assertSameResults(rows, analyzed);
        assertThat(summary.executorModelLoads()).as("one executor JVM, two cores, six tasks: one load").isEqualTo(1);
    }

    @Test
    @Order(2)
    void aWorkerLostMidJobLeavesEachPhotoExactlyOnce() throws Exception {
        Path many = Files.createDirectories(work.resolve("many"));
        for (String copy : new String[] {"a", "b", "c"}) {
            TestFiles.copyTree(folder, many.resolve(copy));
        }
        int photos = analyzed.size() * 3;
        CountDownLatch firstTaskDone = new CountDownLatch(1);
        AtomicInteger executorsLost = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().successful()) {
                    firstTaskDone.countDown();
                }
            }

            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                executorsLost.incrementAndGet();
            }
        });
        Path out = work.resolve("killed-out");
        CompletableFuture<JobSummary> job = CompletableFuture.supplyAsync(() -> {
            try {
                return run("--input", many.toString(), "--output", out.toString(), "--format", "json",
                        "--model", MODEL, "--partitions", String.valueOf(photos));
            } catch (HaskiSparkJob.JobException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(firstTaskDone.await(5, TimeUnit.MINUTES)).as("a first task finished").isTrue();
        LoopbackCluster.kill(firstWorker);
        assertThat(job).as("no photo is done with no executor left").isNotDone();
        cluster.startWorker(2);
        JobSummary summary = job.get(5, TimeUnit.MINUTES);

        assertThat(executorsLost.get()).as("the killed worker's executor was lost").isGreaterThanOrEqualTo(1);
        assertThat(summary.executorModelLoads()).as("the new worker's executor loaded the model").isGreaterThanOrEqualTo(1);
        Map<String, ObjectNode> rows = SparkTestPhotos.byFile(SparkTestPhotos.partLines(out));
        assertThat(rows).hasSize(photos);
        assertThat(summary.outputRows()).isEqualTo(photos);
    }
}
