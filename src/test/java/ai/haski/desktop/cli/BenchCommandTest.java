package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench --json runs on a folder and reports every figure; the figures themselves are not judged here. */
class BenchCommandTest {
    @TempDir
    Path folder;

    @Test
    void jsonReportHasEveryFieldForEveryRuntime() throws Exception {
        Files.copy(TestFiles.photo("phone_IMG_1054.JPG"), folder.resolve("a.jpg"));
        Files.copy(TestFiles.photo("skimage_coffee.png"), folder.resolve("b.png"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = HaskiCommand.run(new PrintWriter(out), new PrintWriter(err), "bench", "--json", "--repeat", "1",
                "--threads", "2", folder.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("machine").get("cores").asInt()).isPositive();
        assertThat(report.get("runtimes")).hasSize(2);
        assertThat(report.get("stages").asText()).isEqualTo("all");
        assertThat(report.get("results")).hasSize(2);
        for (JsonNode result : report.get("results")) {
            assertThat(result.get("model_id").asText()).isEqualTo("haski-reference");
            assertThat(result.get("format").asText()).isIn("onnx", "tflite");
            assertThat(result.get("model_load_ms").asDouble()).isPositive();
            JsonNode latency = result.get("latency").get(0);
            assertThat(latency.get("runs").asInt()).isEqualTo(2);
            // Then each kind of photo apart, in the folder's order: a.jpg is GIMP's progressive export.
            assertThat(result.get("latency")).extracting(g -> g.get("label").asText())
                    .containsExactly("every photo", "progressive JPEG (1)", "PNG (1)");
            for (String stage : List.of("decode", "orient_convert", "resize_normalise", "inference", "postprocess",
                    "faces", "total", "quality")) {
                JsonNode timing = latency.get("stages_ms").get(stage);
                assertThat(timing.get("median").asDouble()).as(stage).isGreaterThanOrEqualTo(0);
                assertThat(timing.get("p95").asDouble()).as(stage).isGreaterThanOrEqualTo(timing.get("median").asDouble());
            }
            assertThat(result.get("throughput")).extracting(t -> t.get("threads").asInt()).containsExactly(1, 2);
            for (JsonNode throughput : result.get("throughput")) {
                assertThat(throughput.get("images").asInt()).isEqualTo(2);
                assertThat(throughput.get("images_per_second").asDouble()).isPositive();
            }
            JsonNode explain = result.get("explain");
            assertThat(explain.get("photo").asText()).as("the phone photo has more pixels than the PNG")
                    .isEqualTo("a.jpg");
            assertThat(explain.get("threads").asInt()).isEqualTo(1);
            assertThat(explain.get("occluded_runs").asInt())
                    .isEqualTo(explain.get("rows").asInt() * explain.get("cols").asInt());
            assertThat(explain.get("failures").asInt()).isZero();
            assertThat(explain.get("total_ms").get("median").asDouble())
                    .isGreaterThan(explain.get("occlusion_ms").get("median").asDouble());
        }
        assertThat(report.get("peak_memory").get("heap_bytes").asLong()).isPositive();
    }

    @Test
    void modelOnlySaysSoAndStillTimesEveryPhoto() throws Exception {
        Files.copy(TestFiles.photo("skimage_astronaut.png"), folder.resolve("a.png"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = HaskiCommand.run(new PrintWriter(out), new PrintWriter(err), "bench", "--json", "--model-only",
                "--backend", "onnx", "--repeat", "1", "--threads", "1", folder.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("stages").asText()).isEqualTo("model_only");
        JsonNode result = report.get("results").get(0);
        assertThat(result.get("latency").get(0).get("failures").asInt()).isZero();
        assertThat(result.get("throughput").get(0).get("images").asInt()).isEqualTo(1);
    }
}
