package ai.haski.desktop.tools;

import ai.haski.desktop.model.ManifestRules;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates the int8 reference package {@code haski-reference-int8}: the {@link ReferenceNetwork} quantised by
 * {@link QuantizedNetwork} and written by {@link TfliteModelWriter#writeInt8}, the float package's test image,
 * a manifest whose test vector is what TensorFlow Lite computes for the int8 model, and a README with the
 * measured agreement between int8 and float32 on held-out synthetic images.
 *
 * <p>For a quantised model the runtime defines the reference: there is no independent integer forward pass
 * here, and the expected logits are TFLite's int8 output for the test image, dequantised. The test vector's
 * tolerance (one quantisation step of the logits) then guards against another runtime or CPU computing the
 * model differently, while the agreement figures (and the real-photo test) show the int8 model still computes
 * the same network as the float one.
 */
final class Int8ReferencePackage {

    static final String MODEL_DOC =
            "Haski reference network, int8: fixed seeded weights, UNTRAINED, not for clinical use";

    /**
     * Textured synthetic images ({@link SyntheticImages#render}) whose float activations set the int8 ranges;
     * the first four also scaled the float model's dense layer.
     */
    static final int CALIBRATION_TEXTURED_IMAGES = 12;

    /**
     * Graphic synthetic images ({@link SyntheticImages#renderGraphic}) in the calibration. Without them the
     * ranges fit textured pictures only, and flat, saturated pictures (logos, screenshots, a chessboard) drive
     * the float logits to 25 and more where the int8 logits stop near 7: measured on the public photos, the
     * skin-type top label then agreed with float32 on 9 of 16 photos, with them on 13.
     */
    static final int CALIBRATION_GRAPHIC_IMAGES = 8;

    /** Held-out synthetic images of each kind on which int8 is compared with float32. */
    static final int EVALUATION_IMAGES = 32;

    /** The files written, in the order they are written. */
    static final List<String> GENERATED_FILES = List.of(ReferenceManifest.INT8_TFLITE_FILE,
            ReferenceManifest.TEST_IMAGE_FILE, ReferenceManifest.MANIFEST_FILE, ReferenceManifest.README_FILE);

    /** The manifest's heads: the slices of the logits that are softmaxed together. */
    record Head(String name, int offset, int length) {}

    static final List<Head> HEADS = List.of(new Head("skin_type", 0, 5), new Head("hair_type", 5, 4),
            new Head("condition", 9, 5));

    /** int8 against float32 on some images, per head (in {@link #HEADS} order) and over all logits. */
    record Agreement(int images, int[] topLabelAgreements, double[] maxProbabilityDifference,
                     double[] meanProbabilityDifference, double maxLogitDifference, double meanLogitDifference) {}

    /** What one run produced. */
    record Summary(Path folder, long tfliteBytes, float[] expectedLogits, double tolerance, QuantizedNetwork network,
                   Agreement textured, Agreement graphic) {
        String describe() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "Wrote %s: %s %d bytes, logits scale %s zero point %d, "
                            + "test-vector tolerance %s%n", folder, ReferenceManifest.INT8_TFLITE_FILE, tfliteBytes,
                    network.logits().scale(), network.logits().zeroPoint(), tolerance));
            for (Agreement agreement : List.of(textured, graphic)) {
                for (int h = 0; h < HEADS.size(); h++) {
                    text.append(String.format(Locale.ROOT, "  %-8s %-10s top label agrees on %d/%d held-out "
                                    + "images, |p int8 - p float| max %.4f mean %.4f%n",
                            agreement == textured ? "textured" : "graphic", HEADS.get(h).name(),
                            agreement.topLabelAgreements()[h], agreement.images(),
                            agreement.maxProbabilityDifference()[h], agreement.meanProbabilityDifference()[h]));
                }
            }
            text.append("test-vector logits:");
            for (float v : expectedLogits) {
                text.append(' ').append(v);
            }
            return text.toString();
        }
    }

    private Int8ReferencePackage() {}

    /**
     * Writes the package into {@code folder}.
     *
     * @param floatTflite the float package's TFLite model, the float32 side of the agreement figures
     * @param png         the float package's test image, copied byte for byte
     */
    static Summary generate(ReferenceNetwork network, byte[] floatTflite, byte[] png, Path folder)
            throws IOException {
        List<float[]> calibration = new ArrayList<>();
        for (int k = 0; k < CALIBRATION_TEXTURED_IMAGES; k++) {
            calibration.add(SyntheticImages.toNormalisedNchw(
                    SyntheticImages.render(SyntheticImages.calibrationImageSeed(network.seed(), k))));
        }
        for (int k = 0; k < CALIBRATION_GRAPHIC_IMAGES; k++) {
            calibration.add(SyntheticImages.toNormalisedNchw(
                    SyntheticImages.renderGraphic(SyntheticImages.graphicCalibrationImageSeed(network.seed(), k))));
        }
        QuantizedNetwork quantized = QuantizedNetwork.quantize(network, calibration);
        byte[] tflite = TfliteModelWriter.writeInt8(quantized, MODEL_DOC);

        float[] expected;
        Agreement textured;
        Agreement graphic;
        try (TfliteRunner int8 = new TfliteRunner(tflite); TfliteRunner float32 = new TfliteRunner(floatTflite)) {
            float[] testInput = toNhwc(SyntheticImages.toNormalisedNchw(ReferenceModelGenerator.decodePng(png)));
            expected = runInt8(int8, quantized, testInput);
            List<BufferedImage> texturedImages = new ArrayList<>();
            List<BufferedImage> graphicImages = new ArrayList<>();
            for (int k = 0; k < EVALUATION_IMAGES; k++) {
                texturedImages.add(SyntheticImages.render(SyntheticImages.evaluationImageSeed(network.seed(), k)));
                graphicImages.add(SyntheticImages.renderGraphic(
                        SyntheticImages.graphicEvaluationImageSeed(network.seed(), k)));
            }
            textured = measureAgreement(texturedImages, quantized, int8, float32);
            graphic = measureAgreement(graphicImages, quantized, int8, float32);
        }
        double tolerance = toleranceFor(quantized.logits());

        byte[] manifest = ReferenceManifest.writeInt8(new ReferenceManifest.Int8Facts(
                ReferenceModelGenerator.sha256(tflite), expected, tolerance, network.seed(), network.mflops(),
                network.parameterCount(), CALIBRATION_TEXTURED_IMAGES, CALIBRATION_GRAPHIC_IMAGES));
        byte[] readme = readme(quantized, tflite.length, tolerance, textured, graphic)
                .getBytes(StandardCharsets.UTF_8);

        Files.createDirectories(folder);
        Files.write(folder.resolve(ReferenceManifest.INT8_TFLITE_FILE), tflite);
        Files.write(folder.resolve(ReferenceManifest.TEST_IMAGE_FILE), png);
        Files.write(folder.resolve(ReferenceManifest.MANIFEST_FILE), manifest);
        Files.write(folder.resolve(ReferenceManifest.README_FILE), readme);
        return new Summary(folder, tflite.length, expected, tolerance, quantized, textured, graphic);
    }

    /** The largest test-vector tolerance a manifest may give. */
    static final double MANIFEST_MAX_TOLERANCE = ManifestRules.MAX_TOLERANCE;

    /**
     * The test vector's tolerance. The int8 logits lie on a grid one scale apart, so a runtime either
     * reproduces TFLite's integers (deviation 0, as measured here for any thread count, with or without
     * XNNPACK, and through the app's own input path) or is off by whole steps. One step (plus 0.1 % against
     * float rounding, rounded up to three significant digits) would accept a one-step rounding difference on
     * another CPU; but a manifest allows at most {@value #MANIFEST_MAX_TOLERANCE}, and when a step is larger
     * (a wide logit range, as here) the tolerance is half a step, rounded down: exactly TFLite's integers.
     * Narrowing the logit range to fit a step under 0.1 was tried and clips the large logits of flat,
     * saturated pictures, which changed top labels.
     */
    static double toleranceFor(QuantizedNetwork.Affine logits) {
        double oneStep = new BigDecimal(logits.scale() * 1.001)
                .round(new MathContext(3, RoundingMode.CEILING)).doubleValue();
        if (oneStep <= MANIFEST_MAX_TOLERANCE) {
            return oneStep;
        }
        return new BigDecimal(logits.scale() / 2.0).round(new MathContext(3, RoundingMode.FLOOR)).doubleValue();
    }

    /** Quantises a float NHWC input with the model's input parameters, runs it, dequantises the logits. */
    static float[] runInt8(TfliteRunner runner, QuantizedNetwork q, float[] nhwc) {
        byte[] input = new byte[nhwc.length];
        for (int i = 0; i < nhwc.length; i++) {
            input[i] = (byte) q.input().quantizeFloat(nhwc[i]);
        }
        byte[] output = runner.run(input);
        float[] logits = new float[output.length];
        for (int i = 0; i < output.length; i++) {
            logits[i] = (float) q.logits().dequantize(output[i]);
        }
        return logits;
    }

    private static Agreement measureAgreement(List<BufferedImage> images, QuantizedNetwork q, TfliteRunner int8,
                                              TfliteRunner float32) {
        int[] agree = new int[HEADS.size()];
        double[] maxDiff = new double[HEADS.size()];
        double[] sumDiff = new double[HEADS.size()];
        double maxLogit = 0;
        double sumLogit = 0;
        for (BufferedImage image : images) {
            float[] nhwc = toNhwc(SyntheticImages.toNormalisedNchw(image));
            float[] a = float32.runFloat(nhwc);
            float[] b = runInt8(int8, q, nhwc);
            for (int i = 0; i < a.length; i++) {
                double d = Math.abs((double) a[i] - b[i]);
                maxLogit = Math.max(maxLogit, d);
                sumLogit += d;
            }
            for (int h = 0; h < HEADS.size(); h++) {
                Head head = HEADS.get(h);
                double[] pa = softmax(a, head);
                double[] pb = softmax(b, head);
                if (argmax(pa) == argmax(pb)) {
                    agree[h]++;
                }
                for (int i = 0; i < pa.length; i++) {
                    double d = Math.abs(pa[i] - pb[i]);
                    maxDiff[h] = Math.max(maxDiff[h], d);
                    sumDiff[h] += d;
                }
            }
        }
        double[] meanDiff = new double[HEADS.size()];
        for (int h = 0; h < HEADS.size(); h++) {
            meanDiff[h] = sumDiff[h] / (images.size() * HEADS.get(h).length());
        }
        return new Agreement(images.size(), agree, maxDiff, meanDiff, maxLogit,
                sumLogit / (images.size() * ReferenceNetwork.NUM_LOGITS));
    }

    static double[] softmax(float[] logits, Head head) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < head.length(); i++) {
            max = Math.max(max, logits[head.offset() + i]);
        }
        double[] p = new double[head.length()];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = StrictMath.exp(logits[head.offset() + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Index of the largest value; the first one on a tie. */
    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static float[] toNhwc(float[] nchw) {
        int size = ReferenceNetwork.INPUT_SIZE;
        int channels = ReferenceNetwork.INPUT_CHANNELS;
        float[] nhwc = new float[nchw.length];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < size * size; p++) {
                nhwc[p * channels + c] = nchw[c * size * size + p];
            }
        }
        return nhwc;
    }

    private static String readme(QuantizedNetwork q, long tfliteBytes, double tolerance, Agreement textured,
                                 Agreement graphic) {
        StringBuilder table = new StringBuilder();
        for (Agreement agreement : List.of(textured, graphic)) {
            for (int h = 0; h < HEADS.size(); h++) {
                table.append(String.format(Locale.ROOT, "| %s | `%s` | %d/%d | %.3f | %.4f |%n",
                        agreement == textured ? "textured" : "graphic", HEADS.get(h).name(),
                        agreement.topLabelAgreements()[h], agreement.images(),
                        agreement.maxProbabilityDifference()[h], agreement.meanProbabilityDifference()[h]));
            }
        }
        QuantizedNetwork.Affine in = q.input();
        QuantizedNetwork.Affine out = q.logits();
        String text = README_TEMPLATE
                .replace("{toleranceWhy}", (tolerance < out.scale() ? HALF_STEP : ONE_STEP).strip())
                .replace("{bytes}", Long.toString(tfliteBytes))
                .replace("{textured}", Integer.toString(CALIBRATION_TEXTURED_IMAGES))
                .replace("{graphic}", Integer.toString(CALIBRATION_GRAPHIC_IMAGES))
                .replace("{inScale}", Float.toString(in.scale()))
                .replace("{inZero}", Integer.toString(in.zeroPoint()))
                .replace("{inMin}", String.format(Locale.ROOT, "%.4f", in.min()))
                .replace("{inMax}", String.format(Locale.ROOT, "%.4f", in.max()))
                .replace("{outScale}", Float.toString(out.scale()))
                .replace("{outZero}", Integer.toString(out.zeroPoint()))
                .replace("{outMin}", String.format(Locale.ROOT, "%.2f", out.min()))
                .replace("{outMax}", String.format(Locale.ROOT, "%.2f", out.max()))
                .replace("{tolerance}", Double.toString(tolerance))
                .replace("{evaluation}", Integer.toString(EVALUATION_IMAGES))
                .replace("{table}", table.toString())
                .replace("{texturedLogits}", String.format(Locale.ROOT, "%.3f (mean %.3f)",
                        textured.maxLogitDifference(), textured.meanLogitDifference()))
                .replace("{graphicLogits}", String.format(Locale.ROOT, "%.3f (mean %.3f)",
                        graphic.maxLogitDifference(), graphic.meanLogitDifference()));
        if (text.contains("{")) {
            throw new IllegalStateException("README template has an unfilled field");
        }
        return text;
    }

    private static final String HALF_STEP = """
            The tolerance is {tolerance}, half a step of the logits. Int8 logits lie on
            a grid {outScale} apart, so a runtime either reproduces TensorFlow Lite's
            integers or is off by at least a whole step. On the generating machine the
            deviation is 0 with 1, 2 or 4 threads, with or without XNNPACK, and
            through the app's own decode and preprocessing (tests check this). A
            one-step tolerance, which would also accept a one-step rounding
            difference on another CPU, is above the 0.1 a manifest allows; narrowing
            the logit range to make a step smaller clips the large logits of flat,
            saturated pictures and changed their top labels, so the check demands
            TensorFlow Lite's exact integer output instead.
            """;

    private static final String ONE_STEP = """
            The tolerance is {tolerance}, one step of the logits ({outScale}) rounded
            up. Int8 logits lie on a grid, so a runtime either reproduces TensorFlow
            Lite's integers or is off by whole steps. On the generating machine the
            deviation is 0 with 1, 2 or 4 threads, with or without XNNPACK, and
            through the app's own decode and preprocessing (tests check this); one
            step accepts a one-step rounding difference on another CPU.
            """;

    private static final String README_TEMPLATE = """
            # Haski reference model, int8 (untrained)

            **Not a medical model.** This is the untrained `haski-reference` network
            (the same seeded random weights) quantised to 8-bit integers for
            TensorFlow Lite. Its outputs mean nothing about skin or hair. It exists so
            that the app's support for quantised models is exercised and tested, and
            so that int8 speed and int8-versus-float32 agreement can be measured.

            This file is written by the generator (see the end); change the
            generator, not this file.

            ## What is in this folder

            | File                | What it is |
            |---------------------|------------|
            | `model-int8.tflite` | The network fully quantised to int8 ({bytes} bytes): input `image` [1,224,224,3] int8, output `logits` [1,14] int8. TensorFlow Lite only. |
            | `test-input.png`    | The same synthetic test image as `haski-reference`. |
            | `model.json`        | The manifest: the same input, preprocessing, heads and labels as `haski-reference`, weights for `tflite` only, and the test vector. |

            ## How it is quantised

            - Convolution weights: int8, symmetric (zero point 0, values -127..127),
              one scale per output channel (`max|w| / 127`).
            - Dense weights: int8, symmetric, one scale for the tensor (TensorFlow Lite
              2.6 has no per-channel FULLY_CONNECTED).
            - Biases: int32, zero point 0, scale `input_scale * weight_scale`.
            - Activations: int8, one scale and zero point per tensor, from the plain
              minimum and maximum each tensor reaches in the float32 forward pass over
              {textured} textured and {graphic} graphic synthetic calibration images
              (flat backgrounds, saturated shapes, checkerboards: without them, logos
              and screenshots overflow the ranges), widened to include 0, so ReLU
              outputs have zero point -128. Percentile clipping (99.99th percentile
              and below) was tried and moves the logits further.
            - Input: int8, scale {inScale}, zero point {inZero}, covering {inMin} to
              {inMax}: the whole range preprocessing can produce (`(0 - mean) / std`
              to `(1 - mean) / std` over the three channels), not a calibrated one, so
              no photo is clipped. One input step is slightly coarser than one step of
              an 8-bit pixel.
            - Logits: int8, scale {outScale}, zero point {outZero}, covering {outMin} to
              {outMax}.

            The operators are those of the float model, at the versions TensorFlow
            Lite gives their int8 kernels: CONV_2D (version 3) and DEPTHWISE_CONV_2D
            (version 3) with fused ReLU and SAME padding, MEAN (version 2) over height
            and width keeping dimensions (so TensorFlow Lite takes its integer-only
            mean kernel), FULLY_CONNECTED (version 4).

            ## How the app uses it

            The manifest still says `input.dtype` `float32`: that is the type of the
            preprocessed values. The app reads the input tensor's scale and zero point
            from the model file and quantises each value as
            `q = clamp(round(x / scale) + zero_point, -128, 127)` (the division in
            float32, rounding half away from zero), and dequantises the logits as
            `(q - zero_point) * scale` before the softmax heads. See
            `models/README.md`.

            ## Test vector

            For a quantised model the runtime defines the reference: the expected
            logits are what TensorFlow Lite 2.6.2 computes for the int8 model on
            `test-input.png` (preprocessed and quantised as above), dequantised.

            {toleranceWhy}

            ## Agreement with float32

            On {evaluation} held-out textured and {evaluation} held-out graphic synthetic
            images (neither calibration nor test images), int8 against the float32
            model, both in TensorFlow Lite, softmax per head:

            | images | head | top label agrees | max abs prob. difference | mean abs prob. difference |
            |--------|------|------------------|--------------------------|---------------------------|
            {table}
            Largest absolute logit difference: textured {texturedLogits}, graphic
            {graphicLogits}.

            The network is untrained and its dense layer was scaled to spread small
            differences between pooled features over several logit units, so it
            amplifies rounding: int8 moves its logits by a few tenths, and a head
            whose two best labels are close can change its top label. Figures on real
            photos are printed by the test `Int8ModelOnRealPhotosTest`.

            ## How it was made, and how to make it again

            `ai.haski.desktop.tools.ReferenceModelGenerator` (test sources) writes this
            package together with `haski-reference`; it needs TensorFlow Lite, so
            Linux or macOS on x86-64. The output is byte-identical on every run, and
            `ReferenceModelFilesAreReproducibleTest` checks the committed files. From
            the repository root:

            ```
            mvn -q test-compile exec:java -Dexec.classpathScope=test \\
                -Dexec.mainClass=ai.haski.desktop.tools.ReferenceModelGenerator \\
                -Dexec.args="models/haski-reference models/haski-reference-int8"
            ```

            ## Licence

            Apache-2.0, like the generator that wrote these files. The weights are
            generated numbers, not derived from any data set or third-party model.
            """;
}
