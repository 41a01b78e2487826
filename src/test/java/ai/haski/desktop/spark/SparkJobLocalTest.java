package ai.haski.desktop.spark;

import static ai.haski.desktop.spark.SparkTestPhotos.JSON;
import static ai.haski.desktop.spark.SparkTestPhotos.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.platform.AppVersion;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionFiles;
import ai.haski.desktop.session.StoredResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
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
 * The job in {@code local[2]} (one Spark session for the class: starting one is slow) on the public photos and
 * broken files, row by row against {@code analyze} on the same folder, in both output formats, then a rerun refused
 * and a resumed one. In order: the first job's executor (this JVM) loads the model, later jobs reuse it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkJobLocalTest {
    @TempDir
    static Path work;
    private static SparkSession spark;
    private static Path folder;
    private static Map<String, ObjectNode> analyzed;

    @BeforeAll
    static void start() throws IOException {
        folder = SparkTestPhotos.folder(work);
        analyzed = SparkTestPhotos.analyze(folder, work);
        spark = SparkSession.builder().master("local[2]").appName("haski-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static JobSummary run(String... args) throws HaskiSparkJob.JobException {
        return HaskiSparkJob.run(spark, CommandLine.populateCommand(new JobOptions(), args));
    }

    @Test
    @Order(1)
    void jsonLinesHaveOneRowPerFileEqualToAnalyze() throws Exception {
        Path out = work.resolve("json-out");
        JobSummary summary = run("--input", folder.toString(), "--output", out.toString(), "--format", "json",
                "--model", MODEL, "--partitions", "3");

        Map<String, ObjectNode> rows = new HashMap<>();
        SparkTestPhotos.byFile(SparkTestPhotos.partLines(out))
                .forEach((file, row) -> rows.put(file, SparkTestPhotos.withoutAdditions(row, AppVersion.get())));
        SparkTestPhotos.assertSameResults(rows, analyzed);
        long failed = analyzed.values().stream().filter(row -> row.has("error")).count();
        assertThat(failed).as("the broken files are rows with their error").isGreaterThanOrEqualTo(3);
        assertThat(summary.outputRows()).isEqualTo(analyzed.size());
        assertThat(summary.failedRows()).isEqualTo(failed);
        assertThat(summary.executorModelLoads()).as("one executor JVM (this one), three tasks: one load").isEqualTo(1);
    }

    @Test
    @Order(2)
    void parquetRowsCarryTheSameResultsAndColumnsThatAgreeWithThem() throws Exception {
        Path out = work.resolve("parquet-out");
        run("--input", folder.toString(), "--output", out.toString(), "--model", MODEL);

        List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
        Map<String, ObjectNode> results = new HashMap<>();
        for (Row row : rows) {
            ObjectNode result = (ObjectNode) JSON.readTree(row.<String>getAs("result"));
            String file = row.getAs("file");
            assertThat(result.get("file").asText()).isEqualTo(file);
            assertThat(row.<String>getAs("path")).isEqualTo("file:" + file);
            assertThat(row.<String>getAs("app_version")).isEqualTo(AppVersion.get());
            assertThat(row.<String>getAs("error_code"))
                    .isEqualTo(result.has("error") ? result.get("error").get("code").asText() : null);
            assertThat(row.<String>getAs("model_sha256"))
                    .isEqualTo(result.has("error") ? null : result.get("model_sha256").asText());
            assertThat(results.put(file, result)).as("a second row for %s", file).isNull();
        }
        SparkTestPhotos.assertSameResults(results, analyzed);
    }

    @Test
    @Order(3)
    void aRerunIntoTheSameOutputIsRefusedAndResumeAddsOnlyWhatIsMissing() throws Exception {
        Path out = work.resolve("resumed-out");
        // Three photos that analyse: an output with no error row at all is read back too.
        List<String> firstThree = analyzed.entrySet().stream().filter(e -> !e.getValue().has("error"))
                .map(Map.Entry::getKey).sorted().limit(3).toList();
        Path list = work.resolve("first.csv");
        StringBuilder csv = new StringBuilder("path,comment\n");
        firstThree.forEach(file -> csv.append('"').append(work.relativize(Path.of(file))).append("\",first\n"));
        Files.writeString(list, csv, StandardCharsets.UTF_8);
        JobSummary first = run("--input", list.toString(), "--output", out.toString(), "--format", "json",
                "--model", MODEL);
        assertThat(first.outputRows()).isEqualTo(3);
        assertThat(first.failedRows()).isZero();

        assertThatThrownBy(() -> run("--input", folder.toString(), "--output", out.toString(), "--format", "json",
                "--model", MODEL))
                .isInstanceOf(HaskiSparkJob.JobException.class)
                .hasMessageContaining(out.toString()).hasMessageContaining("--resume");

        JobSummary resumed = run("--input", folder.toString(), "--output", out.toString(), "--format", "json",
                "--model", MODEL, "--resume");
        assertThat(resumed.skipped()).isEqualTo(3);
        assertThat(resumed.executorModelLoads()).as("the executor JVM kept the model of the first job").isZero();
        Map<String, ObjectNode> rows = new HashMap<>();
        SparkTestPhotos.byFile(SparkTestPhotos.partLines(out))
                .forEach((file, row) -> rows.put(file, SparkTestPhotos.withoutAdditions(row, AppVersion.get())));
        SparkTestPhotos.assertSameResults(rows, analyzed);
    }

    @Test
    void aModelThatDoesNotExistFailsBeforeAnyTaskAndNamesWhatExists() {
        Path out = work.resolve("no-model-out");
        assertThatThrownBy(() -> run("--input", folder.toString(), "--output", out.toString(),
                "--model", "no-such-model"))
                .isInstanceOf(HaskiSparkJob.JobException.class)
                .hasMessageContaining("no-such-model").hasMessageContaining(MODEL);
        assertThat(out).doesNotExist();
    }

    @Test
    @Order(4)
    void reviewImportsTheJobsResultsIntoASessionOnceAndKeysThemByRelativePath() throws Exception {
        Path out = work.resolve("json-out");
        Path sessionFile = work.resolve("imported" + SessionFiles.EXTENSION);
        Map<String, ObjectNode> jobRows = SparkTestPhotos.byFile(SparkTestPhotos.partLines(out));
        long succeeded = jobRows.values().stream().filter(row -> !row.has("error")).count();

        StringWriter err = new StringWriter();
        int exit = HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "review",
                folder.toString(), "--session", sessionFile.toString(), "--import-results", out.toString());
        assertThat(exit).as("stderr: %s", err).isEqualTo(HaskiCommand.OK);
        assertThat(err.toString()).contains("Imported " + succeeded + " results");

        try (Session session = Session.openToRead(sessionFile)) {
            List<ModelKey> models = session.results().models();
            assertThat(models).hasSize(1);
            List<StoredResult> stored = session.results().byModel(models.get(0));
            assertThat(stored).hasSize((int) succeeded);
            for (StoredResult result : stored) {
                ObjectNode row = jobRows.get(folder.resolve(result.relativePath()).toString());
                assertThat(row).as("a job row for %s", result.relativePath()).isNotNull();
                ObjectNode kept = (ObjectNode) JSON.readTree(result.outcomeJson());
                assertThat(kept.get("probabilities")).isEqualTo(row.get("probabilities"));
                assertThat(kept.get("model_sha256")).isEqualTo(row.get("model_sha256"));
                assertThat(kept.get("file").asText()).isEqualTo(result.relativePath());
            }
        }

        StringWriter again = new StringWriter();
        HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(again), "review", folder.toString(),
                "--session", sessionFile.toString(), "--import-results", out.toString());
        assertThat(again.toString()).contains("Imported 0 results")
                .contains(succeeded + " photos already had a result from that model");
    }
}
