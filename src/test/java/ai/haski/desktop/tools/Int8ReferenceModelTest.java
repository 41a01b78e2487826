package ai.haski.desktop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.model.Quantization;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.flatbuffers.Table;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.DataType;
import org.tensorflow.lite.Interpreter;

/**
 * The committed int8 package: its manifest describes the same model as the float package, its file holds the
 * operators and types intended, TensorFlow Lite computes its test vector exactly whatever the threads or
 * XNNPACK, and the app loads it through {@code ModelLoader} (what {@code self-check} does) with no deviation.
 */
class Int8ReferenceModelTest {

    private static Path folder;
    private static JsonNode manifest;
    private static JsonNode floatManifest;
    private static byte[] tflite;

    @BeforeAll
    static void read() throws IOException {
        Path root = ReferenceModelRuntimesAgreeTest.repositoryRoot();
        folder = root.resolve(ReferenceModelGenerator.DEFAULT_INT8_OUTPUT);
        ObjectMapper json = new ObjectMapper();
        manifest = json.readTree(folder.resolve("model.json").toFile());
        floatManifest = json.readTree(root.resolve(ReferenceModelGenerator.DEFAULT_OUTPUT).resolve("model.json")
                .toFile());
        tflite = Files.readAllBytes(folder.resolve(ReferenceManifest.INT8_TFLITE_FILE));
    }

    @Test
    void theManifestDescribesTheSameModelWithOnlyInt8TfliteWeights() throws IOException {
        assertThat(manifest.get("id").asText()).isEqualTo("haski-reference-int8");
        assertThat(manifest.get("name").asText()).isEqualTo("Haski reference network, int8 (untrained)");
        assertThat(manifest.get("clinical_use").asBoolean()).isFalse();
        assertThat(manifest.get("heads")).isEqualTo(floatManifest.get("heads"));
        assertThat(manifest.get("outputs")).isEqualTo(floatManifest.get("outputs"));
        assertThat(manifest.get("input").get("preprocessing")).isEqualTo(floatManifest.get("input").get("preprocessing"));
        assertThat(manifest.get("input").get("dtype").asText()).isEqualTo("float32");
        assertThat(manifest.get("weights").size()).isEqualTo(1);
        assertThat(manifest.get("weights").get("tflite").get("file").asText()).isEqualTo("model-int8.tflite");
        assertThat(manifest.get("weights").get("tflite").get("sha256").asText())
                .isEqualTo(ReferenceModelGenerator.sha256(tflite));
        assertThat(Files.readAllBytes(folder.resolve("test-input.png"))).isEqualTo(Files.readAllBytes(
                ReferenceModelRuntimesAgreeTest.repositoryRoot().resolve("models/haski-reference/test-input.png")));
    }

    @Test
    void theFileHoldsInt8OperatorsAtTheirInt8Versions() {
        ByteBuffer bb = ByteBuffer.wrap(tflite).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(tflite, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("TFL3");
        Node model = new Node(bb, bb.getInt(0));
        assertThat(model.intField(0, 0)).as("schema version").isEqualTo(3);
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        for (int i = 0; i < model.vectorLength(1); i++) {
            Node opcode = model.tableAt(1, i);
            versions.put(opcode.intField(3, 0), opcode.intField(2, 1));
        }
        // CONV_2D 3, DEPTHWISE_CONV_2D 4, MEAN 40, FULLY_CONNECTED 9 (BuiltinOperator) -> their int8 versions.
        assertThat(versions).containsExactly(Map.entry(3, 3), Map.entry(4, 3), Map.entry(40, 2), Map.entry(9, 4));

        Node subgraph = model.tableAt(2, 0);
        int tensors = subgraph.vectorLength(0);
        int int8 = 0;
        int int32 = 0;
        for (int t = 0; t < tensors; t++) {
            Node tensor = subgraph.tableAt(0, t);
            byte type = tensor.byteField(1);
            assertThat(type).as("tensor %d type", t).isIn((byte) 9, (byte) 2); // INT8, INT32: nothing float
            if (type == 9) {
                int8++;
                assertThat(tensor.hasField(4)).as("int8 tensor %d has quantisation", t).isTrue();
            } else {
                int32++;
            }
        }
        // int8: the input, each of the 23 convolutions' weights and output, the pooled features, the dense
        // weights and the logits.
        assertThat(int8).isEqualTo(1 + 23 * 2 + 1 + 2);
        assertThat(int32).isEqualTo(23 + 1 + 1); // conv biases, MEAN axes, dense bias
    }

    @Test
    void tensorFlowLiteComputesTheTestVectorExactlyWithAnyThreadsAndXnnpack() throws IOException {
        float[] nhwc = Int8ReferencePackage.toNhwc(SyntheticImages.toNormalisedNchw(
                javax.imageio.ImageIO.read(folder.resolve("test-input.png").toFile())));
        float[] expected = floats(manifest.get("test_vector").get("expected").get("logits"));
        double tolerance = manifest.get("test_vector").get("tolerance").asDouble();

        byte[] reference = null;
        for (int threads : new int[] {1, 2, 4}) {
            for (boolean xnnpack : new boolean[] {false, true}) {
                Interpreter.Options options = new Interpreter.Options().setNumThreads(threads).setUseXNNPACK(xnnpack);
                try (TfliteRunner runner = new TfliteRunner(tflite, options)) {
                    assertThat(runner.input().dataType()).isEqualTo(DataType.INT8);
                    assertThat(runner.output().dataType()).isEqualTo(DataType.INT8);
                    Quantization in = new Quantization(runner.input().quantizationParams().getScale(),
                            runner.input().quantizationParams().getZeroPoint());
                    Quantization out = new Quantization(runner.output().quantizationParams().getScale(),
                            runner.output().quantizationParams().getZeroPoint());
                    assertThat(in.isPresent()).isTrue();
                    assertThat(out.isPresent()).isTrue();
                    // The tolerance accepts nothing but TFLite's own integers: less than one step of the logits.
                    assertThat(tolerance).isLessThan(out.scale());

                    byte[] input = new byte[nhwc.length];
                    QuantizedNetwork.Affine inAffine = new QuantizedNetwork.Affine(in.scale(), in.zeroPoint());
                    for (int i = 0; i < nhwc.length; i++) {
                        input[i] = (byte) inAffine.quantizeFloat(nhwc[i]);
                    }
                    byte[] output = runner.run(input);
                    if (reference == null) {
                        reference = output;
                    }
                    assertThat(output).as("%d threads, XNNPACK %s", threads, xnnpack).isEqualTo(reference);
                    QuantizedNetwork.Affine outAffine = new QuantizedNetwork.Affine(out.scale(), out.zeroPoint());
                    for (int i = 0; i < expected.length; i++) {
                        assertThat((float) outAffine.dequantize(output[i])).as("logit %d", i).isEqualTo(expected[i]);
                    }
                }
            }
        }
    }

    @Test
    void theAppLoadsItAndReproducesTheTestVectorExactly() throws Exception {
        try (ActiveModel model = SharedEngine.loader().load(SharedEngine.read(folder), List.of(), 2)) {
            assertThat(model.format()).isEqualTo(ModelFormat.TFLITE);
            assertThat(model.describe()).startsWith("haski-reference-int8 1.0.0 (tflite, TensorFlow Lite");
            assertThat(model.testVectorDeviation()).as("deviation through decode, preprocessing, quantisation")
                    .isZero();
        }
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    /** Just enough of a FlatBuffers reader to look into the file: field {@code id} sits at vtable slot 4 + 2 id. */
    private static final class Node extends Table {
        Node(ByteBuffer bb, int position) {
            __reset(position, bb);
        }

        boolean hasField(int id) {
            return __offset(4 + 2 * id) != 0;
        }

        int intField(int id, int absent) {
            int o = __offset(4 + 2 * id);
            return o == 0 ? absent : bb.getInt(bb_pos + o);
        }

        byte byteField(int id) {
            int o = __offset(4 + 2 * id);
            return o == 0 ? 0 : bb.get(bb_pos + o);
        }

        int vectorLength(int id) {
            int o = __offset(4 + 2 * id);
            return o == 0 ? 0 : __vector_len(o);
        }

        Node tableAt(int id, int index) {
            int element = __vector(__offset(4 + 2 * id)) + index * Integer.BYTES;
            return new Node(bb, __indirect(element));
        }
    }
}
