package ai.haski.desktop.tools;

import ai.haski.desktop.tools.ReferenceNetwork.ConvLayer;
import ai.haski.desktop.tools.ReferenceNetwork.DenseLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A full-integer (int8) quantisation of the {@link ReferenceNetwork}, with the same weights, in the scheme
 * TensorFlow Lite's int8 kernels expect:
 * <ul>
 *   <li>convolution weights int8, symmetric (zero point 0, values -127..127), one scale per output channel:
 *       {@code scale_c = max|w_c| / 127};
 *   <li>dense weights int8, symmetric, one scale for the whole tensor (TFLite 2.6 has no per-channel
 *       FULLY_CONNECTED);
 *   <li>biases int32 with zero point 0 and scale {@code input_scale * weight_scale} (per channel where the
 *       weights are);
 *   <li>activations int8 with one scale and zero point per tensor, from the range each tensor takes in the
 *       float forward pass over the calibration images (plain minimum and maximum, widened to include 0):
 *       {@code scale = (max - min) / 255}, {@code zero_point = round(-128 - min / scale)}. Percentiles were
 *       tried and are worse for this network: clipping its largest activations (99.99th percentile and below)
 *       moves the logits more than the coarser steps of the full range do;
 *   <li>the input int8, its range not calibrated but the exact range preprocessing can produce
 *       ({@code (0 - mean) / std} to {@code (1 - mean) / std} over the three channels), so no photo clips.
 * </ul>
 * Rounding is half away from zero throughout, like {@code std::round} in TFLite. Everything is computed in
 * {@code double} from the float weights, so the result is the same on every JVM.
 */
final class QuantizedNetwork {

    static final int INT8_MIN = -128;
    static final int INT8_MAX = 127;
    /** Symmetric int8 weights use -127..127, so that negation never overflows (TFLite's convention). */
    static final int WEIGHT_MAX = 127;

    /** Per-tensor affine quantisation: {@code real = (q - zeroPoint) * scale}. */
    record Affine(float scale, int zeroPoint) {

        /** The int8 quantisation of {@code [min, max]}, widened to include 0 so that 0 is exact. */
        static Affine ofRange(double min, double max) {
            double lo = Math.min(min, 0.0);
            double hi = Math.max(max, 0.0);
            if (!(hi > lo)) {
                throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
            }
            float scale = (float) ((hi - lo) / (INT8_MAX - INT8_MIN));
            long zeroPoint = roundHalfAway(INT8_MIN - lo / scale);
            return new Affine(scale, (int) Math.max(INT8_MIN, Math.min(INT8_MAX, zeroPoint)));
        }

        /** {@code clamp(round(x / scale) + zeroPoint)} into int8. */
        int quantize(double x) {
            long q = roundHalfAway(x / scale) + zeroPoint;
            return (int) Math.max(INT8_MIN, Math.min(INT8_MAX, q));
        }

        /**
         * The int8 value of a float input as TFLite's QUANTIZE and the app compute it: the division in float32,
         * then rounding half away from zero, the zero point added, clamped.
         */
        int quantizeFloat(float x) {
            float scaled = x / scale;
            long q = roundHalfAway(scaled) + zeroPoint;
            return (int) Math.max(INT8_MIN, Math.min(INT8_MAX, q));
        }

        /** {@code (q - zeroPoint) * scale}, in double, as TFLite's DEQUANTIZE computes it. */
        double dequantize(int q) {
            return (q - zeroPoint) * (double) scale;
        }

        /** The smallest and largest real values this tensor can hold. */
        double min() {
            return dequantize(INT8_MIN);
        }

        double max() {
            return dequantize(INT8_MAX);
        }
    }

    /**
     * A quantised convolution.
     *
     * @param weights      int8 weights in the float layer's (ONNX) layout
     * @param weightScales one per output channel
     * @param biasScales   {@code input.scale * weightScales[c]}, rounded to float
     */
    record Conv(ConvLayer layer, byte[] weights, float[] weightScales, int[] bias, float[] biasScales,
                Affine input, Affine output) {}

    /** The quantised dense layer; weights in {@code [out][in]} layout, one scale for all. */
    record Dense(DenseLayer layer, byte[] weights, float weightScale, int[] bias, float biasScale,
                 Affine input, Affine output) {}

    private final ReferenceNetwork network;
    private final Affine input;
    private final List<Conv> convs;
    private final Affine pooled;
    private final Dense dense;
    private final int calibrationImages;

    private QuantizedNetwork(ReferenceNetwork network, Affine input, List<Conv> convs, Affine pooled, Dense dense,
                             int calibrationImages) {
        this.network = network;
        this.input = input;
        this.convs = List.copyOf(convs);
        this.pooled = pooled;
        this.dense = dense;
        this.calibrationImages = calibrationImages;
    }

    ReferenceNetwork network() {
        return network;
    }

    Affine input() {
        return input;
    }

    List<Conv> convs() {
        return convs;
    }

    Affine pooled() {
        return pooled;
    }

    Dense dense() {
        return dense;
    }

    Affine logits() {
        return dense.output();
    }

    int calibrationImages() {
        return calibrationImages;
    }

    /**
     * Quantises the network; activation ranges come from its float forward pass on {@code calibration}
     * (normalised NCHW inputs).
     */
    static QuantizedNetwork quantize(ReferenceNetwork network, List<float[]> calibration) {
        if (calibration.isEmpty()) {
            throw new IllegalArgumentException("no calibration images");
        }
        int layers = network.convs().size();
        // Each image's ranges on its own (in parallel: the forward passes are the slow part), then the extremes
        // over all images, which do not depend on the order.
        List<Ranges> perImage = calibration.parallelStream().map(image -> Ranges.of(network.trace(image))).toList();
        Ranges all = perImage.get(0);
        for (Ranges r : perImage.subList(1, perImage.size())) {
            all = all.union(r);
        }
        double[] convMin = all.convMin();
        double[] convMax = all.convMax();

        Affine inputQuant = Affine.ofRange(preprocessedMin(), preprocessedMax());
        List<Conv> convs = new ArrayList<>();
        Affine current = inputQuant;
        for (int l = 0; l < layers; l++) {
            Affine output = Affine.ofRange(convMin[l], convMax[l]);
            convs.add(quantizeConv(network.convs().get(l), current, output));
            current = output;
        }
        Affine pooledQuant = Affine.ofRange(all.pooledMin(), all.pooledMax());
        Dense dense = quantizeDense(network.dense(), pooledQuant, Affine.ofRange(all.logitMin(), all.logitMax()));
        return new QuantizedNetwork(network, inputQuant, convs, pooledQuant, dense, calibration.size());
    }

    /** The smallest and largest value of every traced tensor. */
    private record Ranges(double[] convMin, double[] convMax, double pooledMin, double pooledMax, double logitMin,
                          double logitMax) {

        static Ranges of(ReferenceNetwork.Trace trace) {
            int layers = trace.convOutputs().size();
            double[] convMin = new double[layers];
            double[] convMax = new double[layers];
            for (int l = 0; l < layers; l++) {
                double[] range = range(trace.convOutputs().get(l));
                convMin[l] = range[0];
                convMax[l] = range[1];
            }
            double[] pooled = range(trace.pooled());
            double[] logits = range(trace.logits());
            return new Ranges(convMin, convMax, pooled[0], pooled[1], logits[0], logits[1]);
        }

        Ranges union(Ranges other) {
            double[] min = new double[convMin.length];
            double[] max = new double[convMax.length];
            for (int l = 0; l < min.length; l++) {
                min[l] = Math.min(convMin[l], other.convMin[l]);
                max[l] = Math.max(convMax[l], other.convMax[l]);
            }
            return new Ranges(min, max, Math.min(pooledMin, other.pooledMin), Math.max(pooledMax, other.pooledMax),
                    Math.min(logitMin, other.logitMin), Math.max(logitMax, other.logitMax));
        }

        private static double[] range(float[] values) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new double[] {min, max};
        }
    }

    /** The smallest value preprocessing produces: a channel at 0, {@code (0 - mean) / std}. */
    static double preprocessedMin() {
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < 3; c++) {
            min = Math.min(min, (0.0 - SyntheticImages.MEAN[c]) / SyntheticImages.STD[c]);
        }
        return min;
    }

    /** The largest value preprocessing produces: a channel at 255, {@code (1 - mean) / std}. */
    static double preprocessedMax() {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 3; c++) {
            max = Math.max(max, (1.0 - SyntheticImages.MEAN[c]) / SyntheticImages.STD[c]);
        }
        return max;
    }

    private static Conv quantizeConv(ConvLayer layer, Affine input, Affine output) {
        int channels = layer.outChannels();
        int perChannel = layer.weights().length / channels;
        byte[] weights = new byte[layer.weights().length];
        float[] weightScales = new float[channels];
        int[] bias = new int[channels];
        float[] biasScales = new float[channels];
        for (int c = 0; c < channels; c++) {
            weightScales[c] = symmetricScale(layer.weights(), c * perChannel, perChannel);
            quantizeSymmetric(layer.weights(), c * perChannel, perChannel, weightScales[c], weights);
            biasScales[c] = (float) ((double) input.scale() * weightScales[c]);
            bias[c] = quantizeBias(layer.bias()[c], biasScales[c]);
        }
        return new Conv(layer, weights, weightScales, bias, biasScales, input, output);
    }

    private static Dense quantizeDense(DenseLayer layer, Affine input, Affine output) {
        float weightScale = symmetricScale(layer.weights(), 0, layer.weights().length);
        byte[] weights = new byte[layer.weights().length];
        quantizeSymmetric(layer.weights(), 0, weights.length, weightScale, weights);
        float biasScale = (float) ((double) input.scale() * weightScale);
        int[] bias = new int[layer.outFeatures()];
        for (int o = 0; o < bias.length; o++) {
            bias[o] = quantizeBias(layer.bias()[o], biasScale);
        }
        return new Dense(layer, weights, weightScale, bias, biasScale, input, output);
    }

    /** {@code max|w| / 127} over {@code w[from, from + count)}; a channel of zeros gets scale 1. */
    private static float symmetricScale(float[] w, int from, int count) {
        double maxAbs = 0;
        for (int i = from; i < from + count; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(w[i]));
        }
        return maxAbs == 0 ? 1f : (float) (maxAbs / WEIGHT_MAX);
    }

    private static void quantizeSymmetric(float[] w, int from, int count, float scale, byte[] target) {
        for (int i = from; i < from + count; i++) {
            long q = roundHalfAway(w[i] / (double) scale);
            target[i] = (byte) Math.max(-WEIGHT_MAX, Math.min(WEIGHT_MAX, q));
        }
    }

    private static int quantizeBias(float bias, float scale) {
        long q = roundHalfAway(bias / (double) scale);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q));
    }

    /** Rounds to the nearest integer, ties away from zero (C's {@code round}). */
    static long roundHalfAway(double v) {
        return v >= 0 ? Math.round(v) : -Math.round(-v);
    }
}
