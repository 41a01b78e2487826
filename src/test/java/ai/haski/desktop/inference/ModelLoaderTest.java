package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path copyWithManifest(Consumer<ObjectNode> change) throws Exception {
        Path pkg = TestFiles.copyTree(TestFiles.referencePackage(), dir.resolve("pkg"));
        ObjectNode manifest = (ObjectNode) JSON.readTree(pkg.resolve("model.json").toFile());
        change.accept(manifest);
        JSON.writeValue(pkg.resolve("model.json").toFile(), manifest);
        return pkg;
    }

    @Test
    void loadsTheReferenceModelOnBothRuntimesAndPassesItsTestVector() {
        for (ModelFormat format : ModelFormat.values()) {
            try (ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(format), 1)) {
                assertThat(model.format()).isEqualTo(format);
                assertThat(model.testVectorDeviation()).isLessThanOrEqualTo(
                        model.manifest().testVector().tolerance());
                assertThat(model.sha256()).isEqualTo(model.manifest().weights().get(format).sha256());
                assertThat(model.loadNotes()).isEmpty();
            } catch (ModelLoadException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
    }

    @Test
    void prefersOnnxByDefault() throws Exception {
        try (ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1)) {
            assertThat(model.format()).isEqualTo(ModelFormat.ONNX);
            assertThat(model.runtime().runtime()).isEqualTo("ONNX Runtime");
        }
    }

    @Test
    void refusesAManifestWhoseInputSizeDisagreesWithTheRealModel() throws Exception {
        Path pkg = copyWithManifest(m -> ((ObjectNode) m.get("input")).put("width", 256));

        assertThatThrownBy(() -> SharedEngine.loader().load(SharedEngine.read(pkg), List.of(ModelFormat.ONNX), 1))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.onnx")
                .hasMessageContaining("field 'input'")
                .hasMessageContaining("[1, 3, 224, 256]")
                .hasMessageContaining("[1, 3, 224, 224]");
    }

    @Test
    void refusesAManifestWhoseOutputShapeDisagreesWithTheRealModel() throws Exception {
        Path pkg = copyWithManifest(m -> {
            ((ArrayNode) ((ObjectNode) m.get("outputs").get(0)).putArray("shape")).add(1).add(15);
            ArrayNode logits = (ArrayNode) m.get("test_vector").get("expected").get("logits");
            logits.add(0);
        });

        assertThatThrownBy(() -> SharedEngine.loader().load(SharedEngine.read(pkg), List.of(ModelFormat.TFLITE), 1))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.tflite")
                .hasMessageContaining("field 'outputs[0].shape' says [1, 15]")
                .hasMessageContaining("[1, 14]");
    }

    @Test
    void refusesAModelThatFailsItsTestVector() throws Exception {
        Path pkg = copyWithManifest(m -> {
            ArrayNode logits = (ArrayNode) m.get("test_vector").get("expected").get("logits");
            logits.set(3, logits.get(3).asDouble() + 0.5);
        });

        assertThatThrownBy(() -> SharedEngine.loader().load(SharedEngine.read(pkg), List.of(ModelFormat.ONNX), 1))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("haski-reference")
                .hasMessageContaining("test vector failed: output logits[3]");
    }

    @Test
    void fallsBackToTheOtherFormatOfTheSameModelWhenThePreferredOneDoesNotLoad() throws Exception {
        Path pkg = TestFiles.copyTree(TestFiles.referencePackage(), dir.resolve("pkg"));
        // An ONNX file the runtime rejects, with a manifest hash that matches it: only the runtime can object.
        byte[] garbage = "this is not an ONNX protobuf".getBytes();
        Files.write(pkg.resolve("model.onnx"), garbage);
        ObjectNode manifest = (ObjectNode) JSON.readTree(pkg.resolve("model.json").toFile());
        ((ObjectNode) manifest.get("weights").get("onnx")).put("sha256", Sha256.of(garbage));
        JSON.writeValue(pkg.resolve("model.json").toFile(), manifest);
        ModelPackage spoiled = SharedEngine.read(pkg);

        try (ActiveModel model = SharedEngine.loader().load(spoiled, List.of(), 1)) {
            assertThat(model.format()).isEqualTo(ModelFormat.TFLITE);
            assertThat(model.loadNotes()).singleElement().asString().startsWith("onnx: ").contains("ONNX Runtime");
        }
        assertThatThrownBy(() -> SharedEngine.loader().load(spoiled, List.of(ModelFormat.ONNX), 1))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("ONNX Runtime cannot load haski-reference (onnx)");
    }

    @Test
    void aClosedModelRefusesToRunInsteadOfCrashing() throws Exception {
        ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(ModelFormat.TFLITE), 1);
        model.close();
        ByteBuffer input = ByteBuffer.allocateDirect(model.inputBytes()).order(ByteOrder.nativeOrder());

        assertThatThrownBy(() -> model.infer(input)).isInstanceOf(InferenceException.class)
                .hasMessageContaining("was closed");
    }
}
