package ai.haski.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ObjectNode reference() throws IOException {
        return (ObjectNode) JSON.readTree(TestFiles.referencePackage().resolve("model.json").toFile());
    }

    private Path write(ObjectNode manifest) throws IOException {
        Path file = dir.resolve("model.json");
        JSON.writeValue(file.toFile(), manifest);
        return file;
    }

    @Test
    void readsTheReferenceManifest() throws Exception {
        ModelManifest manifest = ManifestParser.parse(TestFiles.referencePackage().resolve("model.json"));

        assertThat(manifest.id()).isEqualTo("haski-reference");
        assertThat(manifest.clinicalUse()).isFalse();
        assertThat(manifest.input().width()).isEqualTo(224);
        assertThat(manifest.input().mean()).containsExactly(0.485f, 0.456f, 0.406f);
        assertThat(manifest.heads()).extracting(HeadSpec::name).containsExactly("skin_type", "hair_type", "condition");
        assertThat(manifest.heads().get(2).noneLabel()).contains("healthy");
        assertThat(manifest.weights()).containsKeys(ModelFormat.ONNX, ModelFormat.TFLITE);
        assertThat(manifest.weights().get(ModelFormat.TFLITE).layout()).isEqualTo(TensorLayout.NHWC);
        assertThat(manifest.backendPreference()).containsExactly(ModelFormat.ONNX, ModelFormat.TFLITE);
        assertThat(manifest.testVector().expected().get("logits")).hasSize(14);
    }

    static Stream<Arguments> brokenManifests() {
        return Stream.of(
                broken("id", m -> m.remove("id"), "is missing"),
                broken("id", m -> m.put("id", "Has Spaces"), "lower-case"),
                broken("format_version", m -> m.put("format_version", 2), "reads 1"),
                broken("clinical_use", m -> m.put("clinical_use", "no"), "true or false"),
                broken("input.width", m -> input(m).put("width", "224"), "must be an integer"),
                broken("input.width", m -> input(m).put("width", 0), "must be positive"),
                broken("input.layout", m -> input(m).put("layout", "CHW"), "one of [nchw, nhwc]"),
                broken("input.channels", m -> input(m).put("channels", 1), "must be 3"),
                broken("input.preprocessing.mean", m -> pre(m).putArray("mean").add(0.5), "must hold 3 numbers"),
                broken("input.preprocessing.std", m -> ((ArrayNode) pre(m).get("std")).set(1, 0), "must be positive"),
                broken("input.preprocessing.resize", m -> pre(m).put("resize", "squash"), "one of [stretch"),
                broken("outputs", m -> m.putArray("outputs"), "at least one output"),
                broken("heads[0].labels", m -> head(m, 0).putArray("labels").add("a").add("b"), "has 2 labels"),
                broken("heads[1].output", m -> head(m, 1).put("output", "scores"), "not one of the outputs"),
                broken("heads[2].offset", m -> head(m, 2).put("offset", 12), "does not fit output"),
                broken("heads[2].none_label", m -> head(m, 2).put("none_label", "fine"), "is not one of the labels"),
                broken("heads[0].activation", m -> head(m, 0).put("activation", "relu"), "one of [softmax"),
                broken("heads[1].name", m -> head(m, 0).put("name", "hair_type"), "repeats the head name"),
                broken("weights.pytorch", m -> weights(m).putObject("pytorch").put("file", "m.pt"), "not a known format"),
                broken("weights.onnx.sha256", m -> ((ObjectNode) weights(m).get("onnx")).put("sha256", "abc"),
                        "64 hexadecimal digits"),
                broken("weights.onnx.file", m -> ((ObjectNode) weights(m).get("onnx")).put("file", "../x.onnx"),
                        "inside the package folder"),
                broken("test_vector.expected.logits",
                        m -> ((ObjectNode) m.get("test_vector").get("expected")).putArray("logits").add(1),
                        "must hold 14 numbers"),
                broken("test_vector.tolerance", m -> ((ObjectNode) m.get("test_vector")).put("tolerance", -1),
                        "must be above 0"),
                broken("backend_preference", m -> m.putArray("backend_preference").add("coreml"), "not a known format"),
                // Found by hand while fuzzing: each of these escaped as a RuntimeException that ended the model scan.
                broken("weights.onnx.file", m -> ((ObjectNode) weights(m).get("onnx")).put("file", "model\u0000.onnx"),
                        "is not a valid file name"),
                broken("test_vector.input_image",
                        m -> ((ObjectNode) m.get("test_vector")).put("input_image", "test\u0000.png"),
                        "is not a valid file name"),
                broken("outputs[0].shape",
                        m -> ((ObjectNode) m.get("outputs").get(0)).putArray("shape").add(1L << 62).add(4),
                        "holds more than 2147483647 values"),
                broken("heads", m -> m.remove("heads"), "is missing"),
                broken("heads", m -> m.putObject("heads"), "must be a JSON array, found object"),
                broken("input", m -> m.put("input", "224x224"), "must be a JSON object, found string"),
                broken("weights", m -> m.putObject("weights"), "must name at least one weights file"),
                broken("heads[0].mode", m -> head(m, 0).put("mode", "ranking"), "must be one of [single_label"),
                broken("heads[0].length", m -> head(m, 0).put("length", "five"), "must be an integer"));
    }

    private static Arguments broken(String field, Consumer<ObjectNode> spoil, String problem) {
        return Arguments.of(field, spoil, problem);
    }

    private static ObjectNode input(ObjectNode m) {
        return (ObjectNode) m.get("input");
    }

    private static ObjectNode pre(ObjectNode m) {
        return (ObjectNode) m.get("input").get("preprocessing");
    }

    private static ObjectNode head(ObjectNode m, int index) {
        return (ObjectNode) m.get("heads").get(index);
    }

    private static ObjectNode weights(ObjectNode m) {
        return (ObjectNode) m.get("weights");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("brokenManifests")
    void refusesABrokenFieldNamingTheFileAndTheField(String field, Consumer<ObjectNode> spoil, String problem)
            throws Exception {
        ObjectNode manifest = reference();
        spoil.accept(manifest);
        Path file = write(manifest);

        assertThatThrownBy(() -> ManifestParser.parse(file))
                .isInstanceOf(ModelPackageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("field '" + field + "'")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((ModelPackageException) e).field()).isEqualTo(field));
    }

    @Test
    void refusesJsonBeyondTheParsersLimitsInsteadOfFailingOnTheMissingLocation() throws Exception {
        // Jackson reports its nesting, number and string length limits without a location.
        for (String content : new String[] {"[".repeat(5000), "{\"id\": " + "1".repeat(2000) + "}"}) {
            Path file = dir.resolve("model.json");
            Files.writeString(file, content);

            assertThatThrownBy(() -> ManifestParser.parse(file))
                    .isInstanceOf(ModelPackageException.class)
                    .hasMessageStartingWith(file + ": is not valid JSON: ");
        }
    }

    @Test
    void refusesTextThatIsNotJsonWithTheLine() throws Exception {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "{\n  \"id\": \"x\",\n  oops\n}");

        assertThatThrownBy(() -> ManifestParser.parse(file))
                .isInstanceOf(ModelPackageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 3");
    }
}
