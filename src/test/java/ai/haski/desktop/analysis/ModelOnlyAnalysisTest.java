package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.platform.AppPaths;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --model-only} measures the model's own path: it must be the same path analyze takes, giving the same
 * probabilities, with only the quality check and the face stage left out.
 */
class ModelOnlyAnalysisTest {
    @Test
    void theModelsOwnPathGivesTheSameProbabilitiesWithoutQualityOrFaces() throws Exception {
        TestFiles.faceDetectorPackage();
        Engine engine = Engine.create(AppPaths.current(), List.of());
        ModelRequest request = ModelRequest.model("haski-reference").forcing(ModelFormat.ONNX)
                .withThreads(ThreadBudget.single());
        Path astronaut = TestFiles.photo("skimage_astronaut.png");
        Analysis full;
        Analysis modelOnly;
        try (Analyzer analyzer = engine.open(request)) {
            full = (Analysis) analyzer.analyze(astronaut);
        }
        try (Analyzer analyzer = engine.open(request.withModelOnly(true))) {
            modelOnly = (Analysis) analyzer.analyze(astronaut);
            assertThat(analyzer.faceDetector()).as("no detector is even loaded").isEmpty();
            AnalysisOutcome face = analyzer.analyze(astronaut, RegionRequest.LARGEST_FACE);
            assertThat(face).isInstanceOf(AnalysisFailure.class);
            assertThat(((AnalysisFailure) face).code()).isEqualTo("NO_FACE_DETECTOR");
        }

        assertThat(full.quality()).isPresent();
        assertThat(full.faces()).isPresent();
        assertThat(modelOnly.quality()).isEmpty();
        assertThat(modelOnly.faces()).isEmpty();
        assertThat(modelOnly.skinTone()).isEmpty();
        assertThat(modelOnly.warnings()).noneMatch(w -> w.contains("quality") || w.contains("face"));
        assertThat(modelOnly.heads()).hasSameSizeAs(full.heads());
        for (int i = 0; i < full.heads().size(); i++) {
            HeadResult expected = full.heads().get(i);
            assertThat(modelOnly.heads().get(i).probabilities()).as(expected.head())
                    .containsExactly(expected.probabilities());
        }
    }
}
