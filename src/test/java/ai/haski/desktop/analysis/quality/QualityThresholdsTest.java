package ai.haski.desktop.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.platform.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityThresholdsTest {
    @TempDir
    Path dir;

    @Test
    void settingsJsonOverridesTheNamedThresholdsAndKeepsTheDefaultsForTheRest() throws Exception {
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        Files.writeString(file, """
                {"model_id": "haski-reference",
                 "quality": {"min_sharpness": 120, "max_cast": 25.5, "max_upscale": "two", "max_dark_share": -1,
                             "min_sharpnes": 3}}""");

        QualityThresholds thresholds = QualityThresholds.fromSettings(new SettingsStore(file).numbers("quality"));

        assertThat(thresholds.minSharpness()).isEqualTo(120);
        assertThat(thresholds.maxCast()).isEqualTo(25.5);
        // Not a number, negative, or a misspelt name: ignored (and logged), the defaults stay.
        assertThat(thresholds.maxUpscale()).isEqualTo(QualityThresholds.DEFAULT.maxUpscale());
        assertThat(thresholds.maxDarkShare()).isEqualTo(QualityThresholds.DEFAULT.maxDarkShare());
        assertThat(thresholds.softSharpness()).isEqualTo(QualityThresholds.DEFAULT.softSharpness());
    }

    @Test
    void aChangedThresholdChangesTheVerdict() {
        java.awt.image.BufferedImage picture = Degradations.gaussianBlur(
                new java.awt.image.BufferedImage(300, 300, java.awt.image.BufferedImage.TYPE_INT_RGB), 1);
        QualityThresholds lenient = QualityThresholds.fromSettings(Map.of("min_sharpness", 0.0, "max_mean_luminance",
                255.0, "min_mean_luminance", 0.0, "max_dark_share", 1.0));
        assertThat(new QualityCheck(QualityThresholds.DEFAULT).check(picture, 1000, 1000, 224, 224).problems())
                .extracting(QualityProblem::code).contains(QualityCode.BLURRED, QualityCode.TOO_DARK);
        assertThat(new QualityCheck(lenient).check(picture, 1000, 1000, 224, 224).isPoor()).isFalse();
    }

    @Test
    void noSettingsFileMeansTheDefaults() {
        Map<String, Double> none = new SettingsStore(dir.resolve("absent.json")).numbers("quality");
        assertThat(none).isEmpty();
        assertThat(QualityThresholds.fromSettings(none)).isEqualTo(QualityThresholds.DEFAULT);
        assertThat(QualityThresholds.DEFAULT.asSettings().keySet())
                .containsExactlyElementsOf(QualityThresholds.SETTING_NAMES);
    }
}
