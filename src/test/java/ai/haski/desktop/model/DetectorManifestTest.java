package ai.haski.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The face detector's additions to {@code model.json}: {@code "task": "face_detection"} with its {@code detector}
 * section and a weights file's {@code output_parts}, read from the committed package (no weights needed), written
 * back byte for byte, and refused with the field at fault when broken; and a classifier's {@code expects}.
 */
class DetectorManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path committed() {
        return TestFiles.repo().resolve("tools/face-detector/model.json");
    }

    private static ObjectNode detectorJson() throws IOException {
        return (ObjectNode) JSON.readTree(committed().toFile());
    }

    @Test
    void readsTheCommittedDetectorPackage() throws Exception {
        ModelManifest manifest = ManifestParser.parse(committed());

        assertThat(manifest.task()).isEqualTo(ModelTask.FACE_DETECTION);
        assertThat(manifest.heads()).isEmpty();
        DetectorSpec detector = manifest.detector().orElseThrow();
        assertThat(detector.anchors().count()).isEqualTo(896);
        assertThat(detector.minScore()).isEqualTo(0.5);
        assertThat(detector.nmsIouThreshold()).isEqualTo(0.3);
        assertThat(manifest.weights().get(ModelFormat.ONNX).outputParts()).containsEntry("classificators",
                List.of("Identity:0", "Identity_1:0"));
        assertThat(manifest.weights().get(ModelFormat.TFLITE).outputParts()).isEmpty();
    }

    @Test
    void theWriterGivesBackTheCommittedBytes() throws Exception {
        ModelManifest manifest = ManifestParser.parse(committed());
        byte[] bytes = Files.readAllBytes(committed());

        byte[] written = ManifestWriter.write(manifest, "generator", JSON.readTree(bytes).get("generator"));

        assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theReferenceClassifierExpectsAFace() throws Exception {
        ModelManifest manifest = ManifestParser.parse(TestFiles.referencePackage().resolve("model.json"));

        assertThat(manifest.task()).isEqualTo(ModelTask.CLASSIFICATION);
        assertThat(manifest.expectsFace()).isTrue();
        assertThat(manifest.faceMargin()).isEqualTo(0.25);
    }

    static Stream<Arguments> brokenDetectors() {
        return Stream.of(
                broken("heads", m -> m.putArray("heads"), "must be left out of a face_detection package"),
                broken("detector", m -> m.remove("detector"), "is missing"),
                broken("detector.scores_output", m -> anchors(m).putArray("strides").add(8).add(16),
                        "needs 640 anchors' rows but output \"classificators\" (1 values a row) holds 896 values"),
                broken("detector.scores_output", m -> detector(m).put("scores_output", "nothing"),
                        "which is not one of the outputs"),
                broken("detector.score.min_score", m -> ((ObjectNode) detector(m).get("score"))
                        .put("min_score", 1.5), "must be between 0.0 and 1.0"),
                broken("detector.nms.iou_threshold", m -> ((ObjectNode) detector(m).get("nms"))
                        .put("iou_threshold", -0.1), "must be between"),
                broken("detector.box.x_scale", m -> ((ObjectNode) detector(m).get("box")).put("x_scale", 0),
                        "must be positive"),
                broken("task", m -> m.put("task", "segmentation"), "must be one of"),
                broken("weights.onnx.output_parts.logits", m -> ((ObjectNode) m.get("weights").get("onnx")
                        .get("output_parts")).putArray("logits").add("x"), "which is not one of the outputs"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("brokenDetectors")
    void refusesABrokenDetectorNamingTheField(String field, Consumer<ObjectNode> spoil, String problem)
            throws Exception {
        ObjectNode manifest = detectorJson();
        spoil.accept(manifest);
        Path file = dir.resolve("model.json");
        JSON.writeValue(file.toFile(), manifest);

        assertThatThrownBy(() -> ManifestParser.parse(file))
                .isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("field '" + field + "'")
                .hasMessageContaining(problem);
    }

    @Test
    void aClassifierMayOnlyExpectAFaceWithAMarginInRange() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(TestFiles.referencePackage().resolve("model.json").toFile());
        Path file = dir.resolve("model.json");
        manifest.put("expects", "dog");
        JSON.writeValue(file.toFile(), manifest);
        assertThatThrownBy(() -> ManifestParser.parse(file)).hasMessageContaining("field 'expects'")
                .hasMessageContaining("must be one of [face]");

        manifest.put("expects", "face").put("face_margin", 3);
        JSON.writeValue(file.toFile(), manifest);
        assertThatThrownBy(() -> ManifestParser.parse(file)).hasMessageContaining("field 'face_margin'")
                .hasMessageContaining("must be between 0 and 1.0");
    }

    private static ObjectNode detector(ObjectNode m) {
        return (ObjectNode) m.get("detector");
    }

    private static ObjectNode anchors(ObjectNode m) {
        return (ObjectNode) detector(m).get("anchors");
    }

    private static Arguments broken(String field, Consumer<ObjectNode> spoil, String problem) {
        return Arguments.of(field, spoil, problem);
    }
}
