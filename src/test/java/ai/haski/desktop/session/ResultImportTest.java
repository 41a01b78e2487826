package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results computed on another machine (a cluster's paths) matched to a session's photos by the tail of their path;
 * error rows, rows for other photos and damaged lines are counted, not imported; the same model twice is skipped.
 */
class ResultImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aClustersResultsLandOnThePhotosTheyNameOnceEach() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos/2024"));
        Files.copy(TestFiles.photo("skimage_coins.png"), folder.resolve("coins.png"));
        Files.copy(TestFiles.photo("skimage_camera.png"), folder.resolve("camera.png"));
        Path root = dir.resolve("photos");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("_SUCCESS"), "");
        Path results = out.resolve("part-00000.txt");
        try (Analyzer analyzer = TestAnalyzers.over(SharedEngine.loader().load(SharedEngine.reference(),
                List.of(ModelFormat.ONNX), 1), new ImageLoader(ImageLimits.DEFAULT))) {
            AnalysisOutcome coins = analyzer.analyze(folder.resolve("coins.png"));
            String line = cluster(ResultJson.toJson(coins), "hdfs://nn/archive/2024/coins.png");
            String failed = cluster(ResultJson.toJson(new AnalysisFailure(folder.resolve("camera.png"),
                    "CORRUPT_IMAGE", "damaged")), "hdfs://nn/archive/2024/camera.png");
            String elsewhere = cluster(ResultJson.toJson(coins), "hdfs://nn/archive/2023/other.png");
            Files.writeString(results, String.join("\n", line, failed, elsewhere, "{not json") + "\n");

            try (Session session = Session.open(root, dir.resolve("s" + SessionFiles.EXTENSION))) {
                session.rescan();
                ResultImport.Report report = ResultImport.run(session, out);
                assertThat(report.imported()).isEqualTo(1);
                assertThat(report.failedRows()).isEqualTo(1);
                assertThat(report.notInFolder()).isEqualTo(1);
                assertThat(report.problems()).singleElement().asString().contains("part-00000.txt line 4");
                Photo photo = session.photos().byPath("2024/coins.png").orElseThrow();
                StoredResult stored = session.results().forPhoto(photo.id()).get(0);
                ObjectNode kept = (ObjectNode) JSON.readTree(stored.outcomeJson());
                assertThat(kept.get("probabilities")).isEqualTo(JSON.readTree(ResultJson.toLine(coins)).get("probabilities"));
                assertThat(stored.model().sha256()).isEqualTo(analyzer.provenance().modelSha256());

                ResultImport.Report again = ResultImport.run(session, out);
                assertThat(again.imported()).isZero();
                assertThat(again.alreadyThere()).isEqualTo(1);
            }
        }
    }

    @Test
    void parquetIsRefusedWithWhatToDo() throws Exception {
        Files.createDirectories(dir.resolve("photos"));
        Files.copy(TestFiles.photo("skimage_coins.png"), dir.resolve("photos/coins.png"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.write(out.resolve("part-00000-x.snappy.parquet"), new byte[] {'P', 'A', 'R', '1'});
        try (Session session = Session.open(dir.resolve("photos"), dir.resolve("s" + SessionFiles.EXTENSION))) {
            session.rescan();
            assertThatThrownBy(() -> ResultImport.run(session, out)).hasMessageContaining("--format json");
        }
    }

    private static String cluster(ObjectNode json, String uri) {
        json.put("file", uri);
        json.put("path", uri);
        return json.toString();
    }
}
