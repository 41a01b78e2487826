package ai.haski.desktop.tools;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Generates the Haski reference model package: an untrained MobileNet-style network with fixed seeded
 * weights ({@link ReferenceNetwork}), written from the same weights as {@code model.onnx} (NCHW) and
 * {@code model.tflite} (NHWC), a deterministic synthetic {@code test-input.png}, and the manifest
 * {@code model.json} whose test vector holds the logits of the plain-Java forward pass on that image.
 * {@link #generateInt8} then writes the int8 package of the same network ({@link Int8ReferencePackage}), whose
 * test vector comes from TensorFlow Lite, so that part needs the TFLite runtime (Linux or macOS on x86-64).
 *
 * <p>All output is bit-for-bit deterministic; {@code ReferenceModelFilesAreReproducibleTest} checks the
 * committed files against a fresh run. Regenerate (from the repository root) with:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ai.haski.desktop.tools.ReferenceModelGenerator \
 *     -Dexec.args="models/haski-reference models/haski-reference-int8"
 * </pre>
 * (With one folder, the int8 package goes beside it, into {@code haski-reference-int8}.) It lives in test
 * scope: the product never generates models.
 */
public final class ReferenceModelGenerator {

    /** Default output folder, relative to the repository root. */
    public static final String DEFAULT_OUTPUT = "models/haski-reference";

    /** Default output folder of the int8 package, relative to the repository root. */
    public static final String DEFAULT_INT8_OUTPUT = "models/haski-reference-int8";

    /** Goes into the ONNX doc_string and the TFLite description. */
    static final String MODEL_DOC =
            "Haski reference network: fixed seeded weights, UNTRAINED, not for clinical use";

    /**
     * Absolute tolerance of the test vector. Chosen from measurement (see models/haski-reference/README.md):
     * about ten times the worst deviation seen between ONNX Runtime, TensorFlow Lite and the Java forward
     * pass, rounded up.
     */
    static final double TEST_VECTOR_TOLERANCE = 2e-4;

    /** The files the generator writes, in the order it writes them. */
    public static final List<String> GENERATED_FILES = List.of(
            ReferenceManifest.ONNX_FILE, ReferenceManifest.TFLITE_FILE, ReferenceManifest.TEST_IMAGE_FILE,
            ReferenceManifest.MANIFEST_FILE);

    private ReferenceModelGenerator() {}

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
        Path int8Output = args.length > 1 ? Path.of(args[1])
                : output.toAbsolutePath().resolveSibling(Path.of(DEFAULT_INT8_OUTPUT).getFileName());
        System.out.println(generate(output).describe());
        System.out.println(generateInt8(output, int8Output).describe());
    }

    /**
     * Generates the int8 package into {@code int8Folder} from the float package in {@code floatFolder} (its
     * TFLite model is the float32 side of the agreement figures; its test image is copied).
     */
    static Int8ReferencePackage.Summary generateInt8(Path floatFolder, Path int8Folder) throws IOException {
        ReferenceNetwork network = ReferenceNetwork.generate(ReferenceNetwork.SEED);
        byte[] tflite = Files.readAllBytes(floatFolder.resolve(ReferenceManifest.TFLITE_FILE));
        byte[] png = Files.readAllBytes(floatFolder.resolve(ReferenceManifest.TEST_IMAGE_FILE));
        return Int8ReferencePackage.generate(network, tflite, png, int8Folder);
    }

    /** What one run produced. */
    record Summary(Path folder, double mflops, long parameters, long onnxBytes, long tfliteBytes,
                   float[] expectedLogits) {
        String describe() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "Wrote %s: %.1f MFLOPs, %d parameters, "
                    + "model.onnx %d bytes, model.tflite %d bytes%n", folder, mflops, parameters, onnxBytes,
                    tfliteBytes));
            text.append("test-vector logits:");
            for (float v : expectedLogits) {
                text.append(' ').append(v);
            }
            return text.toString();
        }
    }

    /** Generates the whole package into {@code folder} (created if missing). */
    static Summary generate(Path folder) throws IOException {
        return generate(folder, ReferenceNetwork.SEED);
    }

    /**
     * Generates a package from another seed: the same architecture and heads with other weights, so a second real
     * model that tests can compare with the reference one (e.g. where two models disagree).
     */
    public static Path generateWithSeed(Path folder, long seed) throws IOException {
        generate(folder, seed);
        return folder;
    }

    private static Summary generate(Path folder, long seed) throws IOException {
        ReferenceNetwork network = ReferenceNetwork.generate(seed);

        byte[] onnx = OnnxModelWriter.write(network, MODEL_DOC, ReferenceManifest.VERSION);
        byte[] tflite = TfliteModelWriter.write(network, MODEL_DOC);

        BufferedImage image = SyntheticImages.render(SyntheticImages.testImageSeed(network.seed()));
        byte[] png = encodePng(image);
        // The expected logits come from the pixels as any reader will decode them from the PNG.
        float[] expected = network.forward(SyntheticImages.toNormalisedNchw(decodePng(png)));

        byte[] manifest = ReferenceManifest.write(new ReferenceManifest.Facts(
                sha256(onnx), sha256(tflite), expected, TEST_VECTOR_TOLERANCE,
                network.seed(), network.mflops(), network.parameterCount()));

        Files.createDirectories(folder);
        Files.write(folder.resolve(ReferenceManifest.ONNX_FILE), onnx);
        Files.write(folder.resolve(ReferenceManifest.TFLITE_FILE), tflite);
        Files.write(folder.resolve(ReferenceManifest.TEST_IMAGE_FILE), png);
        Files.write(folder.resolve(ReferenceManifest.MANIFEST_FILE), manifest);
        return new Summary(folder, network.mflops(), network.parameterCount(), onnx.length, tflite.length,
                expected);
    }

    /**
     * Encodes an 8-bit RGB PNG with ImageIO. ImageIO writes no time stamp or other varying chunk (only
     * IHDR, IDAT, IEND), so the bytes depend only on the pixels and the JDK's deflate implementation.
     */
    static byte[] encodePng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.setUseCache(false);
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decodePng(byte[] png) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            if (decoded == null) {
                throw new IllegalStateException("PNG did not decode");
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
