package ai.haski.desktop.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code "quality"} object of the result JSON, on a real photo and on an underexposed copy of it. */
class QualityResultJsonTest {
    private static Analyzer analyzer;
    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws Exception {
        analyzer = TestAnalyzers.over(SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1),
                new ImageLoader());
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void aGoodPhotoSaysGoodWithItsMeasuresAfterImageAndBeforeWarnings() throws Exception {
        JsonNode json = json(TestFiles.photo("skimage_astronaut.png"));

        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.indexOf("quality")).isGreaterThan(keys.indexOf("image"))
                .isEqualTo(keys.indexOf("warnings") - 1);
        JsonNode quality = json.get("quality");
        assertThat(quality.get("verdict").asText()).isEqualTo("good");
        assertThat(quality.get("problems")).isEmpty();
        for (String measure : List.of("sharpness", "direction_ratio", "mean_luminance", "dark_share", "bright_share",
                "upscale", "mean_a", "mean_b", "highlight_a", "highlight_b", "cast")) {
            assertThat(quality.get(measure).isNumber()).as(measure).isTrue();
        }
        assertThat(json.get("timings_ms").get("quality").asDouble()).isPositive();
        assertThat(json.get("warnings").toString()).doesNotContain("poor photo quality");
    }

    @Test
    void anUnderexposedCopyIsPoorTooDarkAndStillAnalysed() throws Exception {
        Path dark = dir.resolve("dark.png");
        ImageIO.write(Degradations.scaleLinear(ImageIO.read(TestFiles.photo("skimage_astronaut.png").toFile()), 0.1,
                0.1, 0.1), "png", dark.toFile());

        JsonNode json = json(dark);

        JsonNode quality = json.get("quality");
        assertThat(quality.get("verdict").asText()).isEqualTo("poor");
        assertThat(quality.get("problems")).singleElement().satisfies(problem -> {
            assertThat(problem.get("code").asText()).isEqualTo("TOO_DARK");
            assertThat(problem.get("message").asText()).contains("too dark").contains("add light");
        });
        assertThat(json.get("warnings").toString()).contains("poor photo quality: too dark");
        assertThat(json.get("skin_type").asText()).isNotBlank();
    }

    private static JsonNode json(Path file) throws Exception {
        Analysis analysis = (Analysis) analyzer.analyze(file);
        return new ObjectMapper().readTree(ResultJson.toLine(analysis));
    }
}
