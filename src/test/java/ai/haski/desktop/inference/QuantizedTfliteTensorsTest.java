package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.Quantization;
import ai.haski.desktop.model.Sha256;
import ai.haski.desktop.model.TensorInfo;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.model.WeightsSpec;
import ai.haski.desktop.tools.TinyTfliteModels;
import ai.haski.desktop.tools.TinyTfliteModels.Params;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quantised inputs and outputs in the real TFLite runtime, with a tiny model that hands the first 14 quantised
 * input values to its output ({@link TinyTfliteModels#quantizedSlice}), and what {@link ShapeCheck} refuses.
 */
class QuantizedTfliteTensorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INPUT_VALUES = 224 * 224 * 3;
    private static final long[] NHWC = {1, 224, 224, 3};

    @TempDir
    Path dir;

    /** The reference package with its TFLite weights replaced by {@code tflite}. */
    private ModelPackage referenceWithTflite(byte[] tflite) throws Exception {
        Path pkg = TestFiles.copyTree(TestFiles.referencePackage(), dir.resolve("pkg"));
        Files.write(pkg.resolve("model.tflite"), tflite);
        ObjectNode manifest = (ObjectNode) JSON.readTree(pkg.resolve("model.json").toFile());
        ((ObjectNode) manifest.get("weights").get("tflite")).put("sha256", Sha256.of(tflite));
        JSON.writeValue(pkg.resolve("model.json").toFile(), manifest);
        return SharedEngine.read(pkg);
    }

    private static LoadedModel loadRaw(byte[] tflite) throws InferenceException {
        return SharedEngine.loader().backends().get(ModelFormat.TFLITE).load(tflite, "tiny", 1);
    }

    private static ByteBuffer input(float... first) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(INPUT_VALUES * Float.BYTES).order(ByteOrder.nativeOrder());
        buffer.asFloatBuffer().put(first);
        return buffer;
    }

    @Test
    void int8InputIsQuantisedAndInt8OutputDequantisedWithTheFileParameters() throws Exception {
        // In: scale 0.5, zero point 3. Out: the same integers read with scale 0.25, zero point -1.
        byte[] tflite = TinyTfliteModels.quantizedSlice(false, new Params(0.5f, 3), new Params(0.25f, -1));
        try (LoadedModel model = loadRaw(tflite)) {
            assertThat(model.inputs().get(0).dtype()).isEqualTo("int8");
            assertThat(model.inputs().get(0).quantization()).isEqualTo(new Quantization(0.5f, 3));
            assertThat(model.outputs().get(0).quantization()).isEqualTo(new Quantization(0.25f, -1));

            float[] x = {0f, 0.25f, -0.25f, 0.75f, -0.75f, 1.25f, -1.25f, 0.2f, 10f, 62f, 63f, -65f, -70f, Float.NaN};
            // q = clamp(round_half_away(x / 0.5) + 3, -128, 127):
            //      3,  4,  2,  5,  1,  6,  0,  3, 23, 127, 127 (129 clamped), -127, -128 (-137), 3 (NaN: the zero point)
            // out = (q + 1) * 0.25:
            float[] expected = {1f, 1.25f, 0.75f, 1.5f, 0.5f, 1.75f, 0.25f, 1f, 6f, 32f, 32f, -31.5f, -31.75f, 1f};
            Map<String, float[]> out = model.run(input(x), NHWC);
            assertThat(out.get("logits")).containsExactly(expected);

            // The quantised input buffer is reused: a second run with other values gives their result only.
            float[] again = model.run(input(new float[] {1f}), NHWC).get("logits");
            assertThat(again[0]).isEqualTo(1.5f);  // 2 + 3 = 5 -> (5 + 1) * 0.25
            assertThat(again[1]).isEqualTo(1f);    // 0 -> 3 -> 1
        }
    }

    @Test
    void uint8InputAndOutputUseTheUnsignedRange() throws Exception {
        byte[] tflite = TinyTfliteModels.quantizedSlice(true, new Params(0.5f, 128), new Params(0.5f, 128));
        try (LoadedModel model = loadRaw(tflite)) {
            assertThat(model.inputs().get(0).dtype()).isEqualTo("uint8");
            float[] x = {0f, -0.25f, 63.5f, 64f, -64f, -65f, 1000f};
            // q = clamp(round_half_away(x / 0.5) + 128, 0, 255): 128, 127, 255, 255, 0, 0, 255
            // out = (q - 128) * 0.5:
            float[] expected = {0f, -0.5f, 63.5f, 63.5f, -64f, -64f, 63.5f};
            float[] out = model.run(input(x), NHWC).get("logits");
            for (int i = 0; i < expected.length; i++) {
                assertThat(out[i]).as("value %d", i).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void anInt8InputWithoutQuantisationParametersIsRefusedWithAReason() throws Exception {
        ModelPackage pkg = referenceWithTflite(TinyTfliteModels.quantizedSlice(false, null, new Params(0.25f, 0)));

        assertThatThrownBy(() -> SharedEngine.loader().load(pkg, List.of(ModelFormat.TFLITE), 1))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.tflite: the model's input image is int8 without quantisation "
                        + "parameters (a scale and zero point)")
                .hasMessageContaining("cannot be quantised");
    }

    @Test
    void anInt8OutputWithoutQuantisationParametersIsRefusedWithAReason() throws Exception {
        ModelPackage pkg = referenceWithTflite(TinyTfliteModels.quantizedSlice(false, new Params(0.5f, 0), null));

        assertThatThrownBy(() -> SharedEngine.loader().load(pkg, List.of(ModelFormat.TFLITE), 1))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("the model's output logits is int8 without quantisation parameters")
                .hasMessageContaining("cannot be dequantised to float32");
    }

    @Test
    void quantisedTensorsWithParametersPassTheTypeCheckAndMeetTheTestVector() throws Exception {
        // The tiny model computes something else than the reference, so only the test vector may object.
        ModelPackage pkg = referenceWithTflite(
                TinyTfliteModels.quantizedSlice(false, new Params(0.5f, 0), new Params(0.5f, 0)));

        assertThatThrownBy(() -> SharedEngine.loader().load(pkg, List.of(ModelFormat.TFLITE), 1))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("test vector failed");
    }

    @Test
    void onnxModelsMustStayFloat32AndTheRefusalSaysSo() {
        ModelPackage pkg = SharedEngine.reference();
        WeightsSpec onnx = new WeightsSpec(ModelFormat.ONNX, "model.onnx", "0".repeat(64), TensorLayout.NCHW);
        Quantization params = new Quantization(0.02f, -14);
        LoadedModel int8Input = new StubModel(new TensorInfo("image", new long[] {1, 3, 224, 224}, "int8", params),
                new TensorInfo("logits", new long[] {1, 14}, "float32"));

        assertThatThrownBy(() -> ShapeCheck.check(pkg, onnx, int8Input, Path.of("model.onnx")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.onnx: the model's input image is int8")
                .hasMessageContaining("the ONNX Runtime backend takes only float32 inputs and outputs")
                .hasMessageContaining("quantised ONNX models are not supported");
    }

    @Test
    void otherTensorTypesAreRefusedOnTflite() {
        ModelPackage pkg = SharedEngine.reference();
        WeightsSpec tflite = new WeightsSpec(ModelFormat.TFLITE, "model.tflite", "0".repeat(64), TensorLayout.NHWC);
        LoadedModel int32Output = new StubModel(new TensorInfo("image", NHWC, "float32"),
                new TensorInfo("logits", new long[] {1, 14}, "int32", new Quantization(1f, 0)));

        assertThatThrownBy(() -> ShapeCheck.check(pkg, tflite, int32Output, Path.of("model.tflite")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("the model's output logits is int32")
                .hasMessageContaining("float32, or int8/uint8 with quantisation parameters");
    }

    /** A model that only describes its tensors. */
    private record StubModel(TensorInfo input, TensorInfo output) implements LoadedModel {
        @Override
        public List<TensorInfo> inputs() {
            return List.of(input);
        }

        @Override
        public List<TensorInfo> outputs() {
            return List.of(output);
        }

        @Override
        public Map<String, float[]> run(ByteBuffer values, long[] shape) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}
