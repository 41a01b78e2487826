package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain} on a public photo with the bundled reference model: the JSON contract and the exit codes. */
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
    }

    @Test
    void writesTheMapOfTheFirstHeadsTopLabelWithItsProvenanceAndItsLimits() throws Exception {
        Path photo = TestFiles.photo("phone_IMG_1054.JPG");
        Path out = dir.resolve("map.json");

        int exit = run("explain", "--backend", "onnx", "--out", out.toString(), photo.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(json.get("file").asText()).isEqualTo(photo.toString());
        assertThat(json.get("model_id").asText()).isEqualTo("haski-reference");
        assertThat(json.get("model_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(json.get("format").asText()).isEqualTo("onnx");
        assertThat(json.get("runtime").asText()).isNotBlank();
        assertThat(json.get("head").asText()).isEqualTo("skin_type");
        assertThat(json.get("label").asText()).isIn("normal", "dry", "oily", "combination", "sensitive");
        assertThat(json.get("probability").asDouble()).isBetween(0.0, 1.0);
        JsonNode grid = json.get("grid");
        assertThat(grid.get("rows").asInt()).isEqualTo(14);
        assertThat(grid.get("cols").asInt()).isEqualTo(14);
        assertThat(grid.get("values")).hasSize(14).allSatisfy(row -> assertThat(row).hasSize(14)
                .allSatisfy(value -> assertThat(value.isNumber()).isTrue()));
        // The reference model stretches the whole photo, so the edges run from 0 to the upright size.
        JsonNode cells = json.get("cells");
        int width = json.get("image").get("width").asInt();
        int height = json.get("image").get("height").asInt();
        assertThat(cells.get("x_edges")).hasSize(15);
        assertThat(cells.get("x_edges").get(0).asDouble()).isZero();
        assertThat(cells.get("x_edges").get(14).asDouble()).isEqualTo(width);
        assertThat(cells.get("y_edges").get(14).asDouble()).isEqualTo(height);
        assertThat(json.get("occluder").asText()).contains("mean colour");
        assertThat(json.get("note").asText()).contains("not a medical finding", "untrained");
        assertThat(json.get("timings_ms").get("total").asDouble()).isPositive();
        assertThat(json.get("runs").asInt()).isEqualTo(196);
        assertThat(err.toString()).contains("explained phone_IMG_1054.JPG", "14 x 14");
    }

    @Test
    void explainsTheNamedHeadAndLabelOnTheNamedRuntime() throws Exception {
        Path out = dir.resolve("condition.json");
        int exit = run("explain", "--backend", "tflite", "--head", "condition", "--label", "eczema", "--grid", "4",
                "--out", out.toString(), TestFiles.photo("skimage_astronaut.png").toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(json.get("format").asText()).isEqualTo("tflite");
        assertThat(json.get("head").asText()).isEqualTo("condition");
        assertThat(json.get("label").asText()).isEqualTo("eczema");
        assertThat(json.get("grid").get("values")).hasSize(4);
    }

    @Test
    void aRegionIsExplainedAsAnalyzeGivesItsResultAndTheCellsCoverOnlyThatBox() throws Exception {
        Path photo = TestFiles.photo("skimage_astronaut.png");
        Path out = dir.resolve("region.json");
        Path result = dir.resolve("result.jsonl");

        int exit = run("explain", "--backend", "onnx", "--region", "100,40,300,260", "--out", out.toString(),
                photo.toString());
        int analysed = run("analyze", "--backend", "onnx", "--region", "100,40,300,260", "--out", result.toString(),
                photo.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(analysed).as(err.toString()).isZero();
        JsonNode json = JSON.readTree(out.toFile());
        JsonNode region = json.get("region");
        assertThat(region.get("source").asText()).isEqualTo("user");
        assertThat(region.get("x").asInt()).isEqualTo(100);
        assertThat(region.get("width").asInt()).isEqualTo(300);
        JsonNode cells = json.get("cells");
        assertThat(cells.get("x_edges").get(0).asDouble()).isEqualTo(100);
        assertThat(cells.get("x_edges").get(14).asDouble()).isEqualTo(400);
        assertThat(cells.get("y_edges").get(0).asDouble()).isEqualTo(40);
        assertThat(cells.get("y_edges").get(14).asDouble()).isEqualTo(300);
        // The map's baseline is the region's own result: the label and probability analyze gives that box.
        JsonNode analysis = JSON.readTree(Files.readAllLines(result).get(0));
        assertThat(json.get("label").asText()).isEqualTo(analysis.get("skin_type").asText());
        assertThat(json.get("probability").asDouble()).isCloseTo(
                analysis.get("probabilities").get("skin_type").get(json.get("label").asText()).asDouble(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void writesAPngOfTheUprightPhotoWithTheMapAndALegend() throws Exception {
        Path photo = TestFiles.photo("phone_IMG_1054.JPG");
        Path json = dir.resolve("map.json");
        Path png = dir.resolve("map.png");
        assertThat(run("explain", "--backend", "onnx", "--grid", "8", "--out", json.toString(), photo.toString()))
                .as(err.toString()).isZero();

        int exit = run("explain", "--backend", "onnx", "--grid", "8", "--format", "png", "--out", png.toString(),
                photo.toString());

        assertThat(exit).as(err.toString()).isZero();
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(png.toFile());
        JsonNode image = JSON.readTree(json.toFile()).get("image");
        int width = image.get("width").asInt();
        int height = image.get("height").asInt();
        double scale = Math.min(1.0, 1024.0 / Math.max(width, height));
        assertThat(Math.max(picture.getWidth(), picture.getHeight() - ai.haski.desktop.analysis.ExplainPng
                .LEGEND_HEIGHT)).isEqualTo((int) Math.round(Math.max(width, height) * scale));
        assertThat(picture.getHeight()).isEqualTo((int) Math.round(height * scale)
                + ai.haski.desktop.analysis.ExplainPng.LEGEND_HEIGHT);
    }

    @Test
    void mistakesAreUsageErrorsAndAnUnreadablePhotoFails() throws Exception {
        Path photo = TestFiles.photo("skimage_astronaut.png");
        Path out = dir.resolve("x.json");
        assertThat(run("explain", "--head", "colour", "--out", out.toString(), photo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no head \"colour\"", "skin_type");
        assertThat(run("explain", "--format", "svg", "--out", out.toString(), photo.toString())).isEqualTo(2);
        assertThat(run("explain", "--grid", "0", "--out", out.toString(), photo.toString())).isEqualTo(2);
        assertThat(run("explain", photo.toString())).isEqualTo(2);
        Path broken = Files.writeString(dir.resolve("broken.jpg"), "not a jpeg");
        assertThat(run("explain", "--out", out.toString(), broken.toString())).isEqualTo(1);
        assertThat(Files.exists(out)).isFalse();
    }
}
