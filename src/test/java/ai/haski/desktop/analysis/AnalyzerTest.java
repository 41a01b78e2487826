package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {
    private static ActiveModel model;
    private static Analyzer analyzer;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
        analyzer = new Analyzer(model, new ImageLoader());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aPhoneJpegGivesAContractCompleteResultWithProvenance() throws Exception {
        Path photo = TestFiles.photo("phone_IMG_1054.JPG");

        Analysis analysis = (Analysis) analyzer.analyze(photo);
        JsonNode json = new ObjectMapper().readTree(ResultJson.toLine(analysis));

        assertThat(json.get("skin_type").asText()).isIn("normal", "dry", "oily", "combination", "sensitive");
        assertThat(json.get("hair_type").asText()).isIn("straight", "wavy", "curly", "coily");
        String topCondition = analysis.head("condition").orElseThrow().topLabel();
        if (topCondition.equals("healthy")) {
            assertThat(json.get("conditions_detected")).isEmpty();
        } else {
            assertThat(json.get("conditions_detected").get(0).asText()).isEqualTo(topCondition);
        }
        for (String head : List.of("skin_type", "hair_type", "condition")) {
            double confidence = json.get("confidence_scores").get(head).asDouble();
            assertThat(confidence).isBetween(0.0, 1.0);
            double max = 0;
            double sum = 0;
            for (JsonNode p : json.get("probabilities").get(head)) {
                max = Math.max(max, p.asDouble());
                sum += p.asDouble();
            }
            assertThat(confidence).isEqualTo(max);
            assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        }
        assertThat(json.get("model_version").asText()).isEqualTo("1.0.0");
        assertThat(json.get("model_type").asText()).isEqualTo("onnx");
        assertThat(json.get("model_id").asText()).isEqualTo("haski-reference");
        assertThat(json.get("model_sha256").asText()).isEqualTo(model.sha256()).hasSize(64);
        assertThat(json.get("backend").get("runtime").asText()).isEqualTo("ONNX Runtime");
        assertThat(json.get("timings_ms").get("total").asDouble()).isPositive();
        assertThat(json.get("image").get("format").asText()).isEqualTo("jpeg");
        assertThat(json.get("warnings").toString()).contains("not for clinical use");
    }

    @Test
    void aTinyImageIsAnalysedWithAnUpscaleWarning() throws Exception {
        Path tiny = dir.resolve("tiny.png");
        ImageIO.write(new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB), "png", tiny.toFile());

        Analysis analysis = (Analysis) analyzer.analyze(tiny);

        assertThat(analysis.warnings()).anySatisfy(w -> assertThat(w).contains("upscaled from 50x40"));
        assertThat(analysis.image().width()).isEqualTo(50);
    }

    @Test
    void aOnePixelStripIsRefusedAsTooSmallRatherThanGivenAConfidentAnswer() throws Exception {
        Path strip = dir.resolve("strip.png");
        ImageIO.write(new BufferedImage(161, 1, BufferedImage.TYPE_INT_RGB), "png", strip.toFile());

        AnalysisOutcome outcome = analyzer.analyze(strip);

        assertThat(outcome).isInstanceOfSatisfying(AnalysisFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("IMAGE_TOO_SMALL");
            assertThat(failure.message()).contains("strip.png").contains("161 x 1");
        });
    }

    @Test
    void aBrokenFileGivesAnErrorNamingItAndNoResult() throws Exception {
        Path broken = dir.resolve("broken photo.jpg");
        Files.writeString(broken, "not a jpeg at all");

        AnalysisOutcome outcome = analyzer.analyze(broken);

        assertThat(outcome).isInstanceOf(AnalysisFailure.class);
        AnalysisFailure failure = (AnalysisFailure) outcome;
        assertThat(failure.code()).isNotBlank();
        assertThat(failure.message()).contains("broken photo.jpg");
        JsonNode json = new ObjectMapper().readTree(ResultJson.toLine(failure));
        assertThat(json.get("error").get("code").asText()).isEqualTo(failure.code());
        assertThat(json.has("skin_type")).isFalse();
    }
}
