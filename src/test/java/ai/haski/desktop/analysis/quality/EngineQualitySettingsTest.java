package ai.haski.desktop.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The thresholds in the user's {@code settings.json} (the tests' own data folder, under {@code target/}) reach the
 * analyzers the engine opens, as they reach {@code analyze}, {@code serve} and the window.
 */
class EngineQualitySettingsTest {
    @Test
    void aThresholdInSettingsJsonChangesTheVerdictOfTheNextAnalyzerOpened() throws Exception {
        Path file = SettingsStore.forUser(AppPaths.current()).file();
        byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = before == null ? json.createObjectNode() : (ObjectNode) json.readTree(before);
            root.putObject(Engine.QUALITY_SETTINGS).put("min_sharpness", 100_000);
            Files.createDirectories(file.getParent());
            Files.write(file, json.writeValueAsBytes(root));

            Engine engine = Engine.create(AppPaths.current(), List.of());
            assertThat(engine.qualityThresholds().minSharpness()).isEqualTo(100_000);
            try (Analyzer analyzer = engine.open(ModelRequest.model("haski-reference")
                    .withThreads(ThreadBudget.single()))) {
                Analysis analysis = (Analysis) analyzer.analyze(TestFiles.photo("skimage_astronaut.png"));
                assertThat(analysis.quality().orElseThrow().problems()).extracting(QualityProblem::code)
                        .containsExactly(QualityCode.BLURRED);
                assertThat(analysis.quality().orElseThrow().problems().get(0).message()).contains("below 100000");
            }
        } finally {
            if (before == null) {
                Files.deleteIfExists(file);
            } else {
                Files.write(file, before);
            }
        }
    }
}
