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
    void noSettingsFileMeansTheDefaults() {
        Map<String, Double> none = new SettingsStore(dir.resolve("absent.json")).numbers("quality");
        assertThat(none).isEmpty();
        assertThat(QualityThresholds.fromSettings(none)).isEqualTo(QualityThresholds.DEFAULT);
        assertThat(QualityThresholds.DEFAULT.asSettings().keySet())
                .containsExactlyElementsOf(QualityThresholds.SETTING_NAMES);
    }
}
