package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.ModelFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ONNX Runtime and TensorFlow Lite, given the same weights and the same photo, must say the same thing. */
class BackendsAgreeOnRealPhotosTest {
    private static ActiveModel onnx;
    private static ActiveModel tflite;

    @BeforeAll
    static void loadBoth() throws Exception {
        onnx = SharedEngine.loader().load(SharedEngine.reference(), List.of(ModelFormat.ONNX), 1);
        tflite = SharedEngine.loader().load(SharedEngine.reference(), List.of(ModelFormat.TFLITE), 1);
    }

    @AfterAll
    static void close() {
        onnx.close();
        tflite.close();
    }

    static Stream<Path> photos() throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.photos())) {
            return files.filter(f -> !f.getFileName().toString().startsWith("broken_"))
                    .filter(f -> !f.getFileName().toString().endsWith(".tsv"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void bothRuntimesGiveTheSameLabelsAndProbabilities(Path photo) {
        ImageLoader images = new ImageLoader();
        AnalysisOutcome fromOnnx = new Analyzer(onnx, images).analyze(photo);
        AnalysisOutcome fromTflite = new Analyzer(tflite, images).analyze(photo);

        if (fromOnnx instanceof AnalysisFailure failure) {
            // Only the tiny sample images (10 x 10) may be refused, and by both runtimes alike.
            assertThat(failure.code()).as(failure.message()).isEqualTo("IMAGE_TOO_SMALL");
            assertThat(fromTflite).isInstanceOf(AnalysisFailure.class);
            return;
        }
        assertThat(fromTflite).isInstanceOf(Analysis.class);
        Analysis a = (Analysis) fromOnnx;
        Analysis b = (Analysis) fromTflite;
        assertThat(a.provenance().format()).isEqualTo("onnx");
        assertThat(b.provenance().format()).isEqualTo("tflite");
        for (HeadResult headA : a.heads()) {
            HeadResult headB = b.head(headA.head()).orElseThrow();
            assertThat(headB.topLabel()).as(headA.head()).isEqualTo(headA.topLabel());
            float[] pa = headA.probabilities();
            float[] pb = headB.probabilities();
            for (int i = 0; i < pa.length; i++) {
                assertThat(pb[i]).as(headA.head() + "/" + headA.labels().get(i)).isCloseTo(pa[i], within(1e-4f));
            }
        }
        assertThat(b.conditionsDetected()).isEqualTo(a.conditionsDetected());
    }
}
