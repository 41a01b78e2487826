package ai.haski.desktop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.inference.TfliteBackend;
import ai.haski.desktop.platform.AppPaths;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;

/**
 * Runs the committed reference model in ONNX Runtime and in TensorFlow Lite on the committed test image,
 * preprocessed here as the manifest says, and checks both against the manifest's expected logits (from
 * the plain-Java forward pass) and against each other.
 */
class ReferenceModelRuntimesAgreeTest {

    private static final int SIZE = 224;
    private static final double SOFTMAX_AGREEMENT = 1e-4;

    private static Path folder;
    private static JsonNode manifest;
    private static float[] nchw;
    private static float[] nhwc;
    private static float[] expected;
    private static double tolerance;

    @BeforeAll
    static void readPackage() throws IOException {
        folder = repositoryRoot().resolve("models/haski-reference");
        manifest = new ObjectMapper().readTree(folder.resolve("model.json").toFile());
        JsonNode input = manifest.get("input");
        assertThat(input.get("width").asInt()).isEqualTo(SIZE);
        assertThat(input.get("height").asInt()).isEqualTo(SIZE);

        BufferedImage image = ImageIO.read(
                folder.resolve(manifest.get("test_vector").get("input_image").asText()).toFile());
        assertThat(image.getWidth()).isEqualTo(SIZE);
        assertThat(image.getHeight()).isEqualTo(SIZE);
        float[] mean = floats(input.get("preprocessing").get("mean"));
        float[] std = floats(input.get("preprocessing").get("std"));
        nchw = new float[3 * SIZE * SIZE];
        nhwc = new float[3 * SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = image.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    int value = (rgb >> (16 - 8 * c)) & 0xFF; // R, G, B
                    float normalised = (value / 255f - mean[c]) / std[c];
                    nchw[(c * SIZE + y) * SIZE + x] = normalised;
                    nhwc[(y * SIZE + x) * 3 + c] = normalised;
                }
            }
        }
        expected = floats(manifest.get("test_vector").get("expected").get("logits"));
        tolerance = manifest.get("test_vector").get("tolerance").asDouble();
        assertThat(expected).hasSize(14);
        assertThat(tolerance).isPositive().isLessThanOrEqualTo(1e-3);
    }

    @Test
    void weightFilesMatchTheirChecksums() throws Exception {
        for (String backend : new String[] {"onnx", "tflite"}) {
            JsonNode entry = manifest.get("weights").get(backend);
            byte[] bytes = Files.readAllBytes(folder.resolve(entry.get("file").asText()));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(sha).as(backend + " sha256").isEqualTo(entry.get("sha256").asText());
        }
    }

    @Test
    void onnxRuntimeAndTfliteMatchTheJavaForwardPassAndEachOther() throws Exception {
        float[] ort = runOnnx();
        float[] tflite = runTflite();

        double ortVsJava = maxAbsDifference(ort, expected);
        double tfliteVsJava = maxAbsDifference(tflite, expected);
        double ortVsTflite = maxAbsDifference(ort, tflite);
        double softmaxGap = maxSoftmaxDifference(ort, tflite);
        System.out.printf(Locale.ROOT, "reference model deviations: |ORT-Java| %.3g, |TFLite-Java| %.3g, "
                + "|ORT-TFLite| %.3g (logits), %.3g (softmax); tolerance %.3g%n",
                ortVsJava, tfliteVsJava, ortVsTflite, softmaxGap, tolerance);

        assertThat(ortVsJava).as("ONNX Runtime vs expected logits").isLessThanOrEqualTo(tolerance);
        assertThat(tfliteVsJava).as("TFLite vs expected logits").isLessThanOrEqualTo(tolerance);
        assertThat(softmaxGap).as("ONNX Runtime vs TFLite, softmax per head").isLessThanOrEqualTo(SOFTMAX_AGREEMENT);
    }

    private static float[] runOnnx() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(folder.resolve("model.onnx").toString(), options)) {
            assertThat(session.getInputNames()).containsExactly("image");
            assertThat(session.getOutputNames()).containsExactly("logits");
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(nchw), new long[] {1, 3, SIZE, SIZE});
                 OrtSession.Result result = session.run(Map.of("image", tensor))) {
                OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
                assertThat(logits.getInfo().getShape()).containsExactly(1, 14);
                FloatBuffer values = logits.getFloatBuffer();
                float[] out = new float[values.remaining()];
                values.get(out);
                return out;
            }
        }
    }

    private static float[] runTflite() throws IOException {
        // The product's loader unpacks the JNI library into the cache once; the interpreter is then used raw.
        assertThat(new TfliteBackend(AppPaths.current().cacheDir()).status().isAvailable()).isTrue();
        byte[] modelBytes = Files.readAllBytes(folder.resolve("model.tflite"));
        ByteBuffer model = ByteBuffer.allocateDirect(modelBytes.length).order(ByteOrder.nativeOrder());
        model.put(modelBytes).rewind();
        try (Interpreter interpreter = new Interpreter(model, new Interpreter.Options())) {
            Tensor in = interpreter.getInputTensor(0);
            Tensor out = interpreter.getOutputTensor(0);
            assertThat(in.name()).isEqualTo("image");
            assertThat(in.shape()).containsExactly(1, SIZE, SIZE, 3);
            assertThat(out.name()).isEqualTo("logits");
            assertThat(out.shape()).containsExactly(1, 14);

            ByteBuffer input = ByteBuffer.allocateDirect(nhwc.length * Float.BYTES).order(ByteOrder.nativeOrder());
            input.asFloatBuffer().put(nhwc);
            ByteBuffer output = ByteBuffer.allocateDirect(14 * Float.BYTES).order(ByteOrder.nativeOrder());
            interpreter.run(input, output);
            output.rewind();
            float[] logits = new float[14];
            output.asFloatBuffer().get(logits);
            return logits;
        }
    }

    /** Largest difference of the per-head softmax probabilities, heads as the manifest lists them. */
    private static double maxSoftmaxDifference(float[] a, float[] b) {
        double worst = 0;
        for (JsonNode head : manifest.get("heads")) {
            int offset = head.get("offset").asInt();
            int length = head.get("length").asInt();
            double[] pa = softmax(a, offset, length);
            double[] pb = softmax(b, offset, length);
            for (int i = 0; i < length; i++) {
                worst = Math.max(worst, Math.abs(pa[i] - pb[i]));
            }
        }
        return worst;
    }

    private static double[] softmax(float[] logits, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double[] p = new double[length];
        double sum = 0;
        for (int i = 0; i < length; i++) {
            p[i] = Math.exp(logits[offset + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs((double) a[i] - b[i]));
        }
        return worst;
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("haski.repo", System.getProperty("user.dir")));
    }
}
