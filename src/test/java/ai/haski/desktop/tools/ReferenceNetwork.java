package ai.haski.desktop.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The Haski reference network: a MobileNet-v1 style CNN with fixed, seeded, <em>untrained</em> weights,
 * plus a plain-Java forward pass that serves as the independent reference for both runtimes.
 *
 * <p>Architecture (input 3x224x224, output 14 raw logits):
 * <pre>
 *   stem   conv 3x3 stride 2, 3 -&gt; 16, ReLU
 *   block  depthwise 3x3 (+ReLU), pointwise 1x1 (+ReLU):
 *          16-&gt;32 s1, 32-&gt;64 s2, 64-&gt;64 s1, 64-&gt;128 s2, 128-&gt;128 s1, 128-&gt;256 s2,
 *          256-&gt;256 s1 (x3), 256-&gt;512 s2, 512-&gt;512 s1
 *   head   global average pool, dense 512 -&gt; 14
 * </pre>
 *
 * <p>Every convolution is generated with a BatchNorm after it (gamma, beta, running mean, running
 * variance); the generator folds that BatchNorm into the convolution's weights and bias, so the
 * network has batch-norm folded in, like an exported mobile classifier. The stored convolutions
 * therefore carry a bias although the "trained" convolutions would not.
 *
 * <p>Padding is TensorFlow "SAME" (equivalently ONNX {@code SAME_UPPER}): for a stride-2 3x3 kernel
 * on an even size the padding is 0 before and 1 after; for stride 1 it is 1 on both sides.
 *
 * <p>Determinism: all random numbers come from {@link java.util.Random} (whose algorithm, including
 * {@code nextGaussian}, is fixed by its specification and uses {@link StrictMath}); weights are computed
 * in {@code double} with {@link StrictMath} and rounded to {@code float} once. Java floating point is
 * strict since Java 17, so the weights are bit-for-bit identical on every JVM.
 */
final class ReferenceNetwork {

    /** The one seed from which all weights (and, via {@link SyntheticImages}, all images) derive. */
    static final long SEED = 20_251_126L;

    static final int INPUT_SIZE = 224;
    static final int INPUT_CHANNELS = 3;
    static final int NUM_LOGITS = 14;

    /** BatchNorm epsilon used when folding (the Keras default). */
    static final double BN_EPSILON = 1e-3;

    /** How many synthetic calibration images set the scale of the final dense layer. */
    static final int CALIBRATION_IMAGES = 4;

    /** Target root-mean-square of the image-dependent part of the logits on the calibration images. */
    static final double TARGET_LOGIT_RMS = 2.0;

    /** Standard deviation of the image-independent part of the logits (the dense bias). */
    static final double LOGIT_BIAS_STD = 0.5;

    /** Kind of convolution. */
    enum ConvKind { STANDARD, DEPTHWISE }

    /**
     * A convolution with BatchNorm already folded in, followed by ReLU.
     *
     * @param weights ONNX layout {@code [out][in/groups][k][k]}; for depthwise {@code [channels][1][k][k]}
     * @param bias    one value per output channel
     */
    record ConvLayer(String name, ConvKind kind, int inChannels, int outChannels, int kernel, int stride,
                     float[] weights, float[] bias) {

        int groups() {
            return kind == ConvKind.DEPTHWISE ? inChannels : 1;
        }

        int inPerGroup() {
            return inChannels / groups();
        }

        int outSize(int inSize) {
            return (inSize + stride - 1) / stride; // SAME: ceil(in / stride)
        }

        int padBefore(int inSize) {
            return totalPad(inSize) / 2;
        }

        int padAfter(int inSize) {
            return totalPad(inSize) - padBefore(inSize);
        }

        private int totalPad(int inSize) {
            return Math.max((outSize(inSize) - 1) * stride + kernel - inSize, 0);
        }

        long parameterCount() {
            return (long) weights.length + bias.length;
        }

        long multiplyAdds(int inSize) {
            long out = outSize(inSize);
            return out * out * outChannels * (long) inPerGroup() * kernel * kernel;
        }
    }

    /** A dense layer, {@code logits = weights * x + bias}, weights in {@code [out][in]} layout. */
    record DenseLayer(String name, int inFeatures, int outFeatures, float[] weights, float[] bias) {
        long parameterCount() {
            return (long) weights.length + bias.length;
        }
    }

    /** One row of the architecture table. */
    private record Spec(String name, ConvKind kind, int in, int out, int kernel, int stride) {}

    private final List<ConvLayer> convs;
    private final DenseLayer dense;
    private final long seed;

    private ReferenceNetwork(long seed, List<ConvLayer> convs, DenseLayer dense) {
        this.seed = seed;
        this.convs = List.copyOf(convs);
        this.dense = dense;
    }

    long seed() {
        return seed;
    }

    List<ConvLayer> convs() {
        return convs;
    }

    DenseLayer dense() {
        return dense;
    }

    /** Channels after the last convolution (the feature size fed to the dense layer). */
    int featureChannels() {
        return convs.get(convs.size() - 1).outChannels();
    }

    /** Spatial size after the last convolution. */
    int featureSize() {
        int size = INPUT_SIZE;
        for (ConvLayer c : convs) {
            size = c.outSize(size);
        }
        return size;
    }

    long parameterCount() {
        long n = dense.parameterCount();
        for (ConvLayer c : convs) {
            n += c.parameterCount();
        }
        return n;
    }

    /** Multiply-accumulates of the convolutions and the dense layer (pooling, bias and ReLU not counted). */
    long multiplyAdds() {
        long macs = (long) dense.inFeatures() * dense.outFeatures();
        int size = INPUT_SIZE;
        for (ConvLayer c : convs) {
            macs += c.multiplyAdds(size);
            size = c.outSize(size);
        }
        return macs;
    }

    /** MFLOPs counted as 2 x multiply-accumulates / 1e6, rounded to one decimal. */
    double mflops() {
        return Math.round(multiplyAdds() * 2 / 1e5) / 10.0;
    }

    private static List<Spec> architecture() {
        List<Spec> specs = new ArrayList<>();
        specs.add(new Spec("stem", ConvKind.STANDARD, INPUT_CHANNELS, 16, 3, 2));
        int[][] blocks = {
            {16, 32, 1}, {32, 64, 2}, {64, 64, 1}, {64, 128, 2}, {128, 128, 1}, {128, 256, 2},
            {256, 256, 1}, {256, 256, 1}, {256, 256, 1}, {256, 512, 2}, {512, 512, 1},
        };
        for (int i = 0; i < blocks.length; i++) {
            int in = blocks[i][0];
            int out = blocks[i][1];
            int stride = blocks[i][2];
            String block = "block" + (i + 1);
            specs.add(new Spec(block + "_dw", ConvKind.DEPTHWISE, in, in, 3, stride));
            specs.add(new Spec(block + "_pw", ConvKind.STANDARD, in, out, 1, 1));
        }
        return specs;
    }

    /**
     * Generates the network for a seed: He-normal convolution weights, a random BatchNorm per
     * convolution folded into weight and bias, and a dense layer scaled on calibration images.
     */
    static ReferenceNetwork generate(long seed) {
        Random random = new Random(seed);
        List<ConvLayer> convs = new ArrayList<>();
        for (Spec spec : architecture()) {
            convs.add(generateConv(spec, random));
        }
        ReferenceNetwork convOnly = new ReferenceNetwork(seed, convs, null);
        DenseLayer dense = generateDense(convOnly, random, seed);
        return new ReferenceNetwork(seed, convs, dense);
    }

    private static ConvLayer generateConv(Spec spec, Random random) {
        int groups = spec.kind() == ConvKind.DEPTHWISE ? spec.in() : 1;
        int inPerGroup = spec.in() / groups;
        int fanIn = inPerGroup * spec.kernel() * spec.kernel();
        double heStd = StrictMath.sqrt(2.0 / fanIn);

        double[] rawWeights = new double[spec.out() * fanIn];
        for (int i = 0; i < rawWeights.length; i++) {
            rawWeights[i] = random.nextGaussian() * heStd;
        }
        // A plausible BatchNorm after the convolution: gamma around 1, small beta and running mean,
        // running variance between 0.5 and 1.5.
        double[] gamma = new double[spec.out()];
        double[] beta = new double[spec.out()];
        double[] mean = new double[spec.out()];
        double[] var = new double[spec.out()];
        for (int o = 0; o < spec.out(); o++) {
            gamma[o] = 0.8 + 0.4 * random.nextDouble();
            beta[o] = 0.1 * random.nextGaussian();
            mean[o] = 0.1 * random.nextGaussian();
            var[o] = 0.5 + random.nextDouble();
        }
        // Fold: BN(conv(x)) = gamma * (conv(x) - mean) / sqrt(var + eps) + beta
        //                   = conv_{w * s}(x) + (beta - mean * s),  with s = gamma / sqrt(var + eps).
        float[] weights = new float[rawWeights.length];
        float[] bias = new float[spec.out()];
        for (int o = 0; o < spec.out(); o++) {
            double s = gamma[o] / StrictMath.sqrt(var[o] + BN_EPSILON);
            for (int i = 0; i < fanIn; i++) {
                weights[o * fanIn + i] = (float) (rawWeights[o * fanIn + i] * s);
            }
            bias[o] = (float) (beta[o] - mean[o] * s);
        }
        return new ConvLayer(spec.name(), spec.kind(), spec.in(), spec.out(), spec.kernel(), spec.stride(),
                weights, bias);
    }

    /**
     * The dense layer: raw standard-normal weights {@code R}, then calibrated so the logits are neither
     * all about zero nor saturating the softmax. On {@link #CALIBRATION_IMAGES} synthetic images
     * (independent of the test image) we take the pooled features {@code f_k} and their mean {@code m}.
     * With {@code z_k = R (f_k - m)}, the weights are {@code W = c R} where {@code c} makes the
     * root-mean-square of all {@code c z_k} entries equal {@link #TARGET_LOGIT_RMS}; the bias is
     * {@code b - W m} with {@code b} drawn from N(0, {@link #LOGIT_BIAS_STD}^2). So on images like the
     * calibration ones the logits are {@code W (f - m) + b}: a few units of image-dependent spread
     * around a small per-class offset.
     */
    private static DenseLayer generateDense(ReferenceNetwork convOnly, Random random, long seed) {
        int in = convOnly.featureChannels();
        int out = NUM_LOGITS;
        double[] raw = new double[out * in];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = random.nextGaussian();
        }
        double[] offset = new double[out];
        for (int o = 0; o < out; o++) {
            offset[o] = LOGIT_BIAS_STD * random.nextGaussian();
        }

        float[][] features = new float[CALIBRATION_IMAGES][];
        for (int k = 0; k < CALIBRATION_IMAGES; k++) {
            float[] input = SyntheticImages.toNormalisedNchw(
                    SyntheticImages.render(SyntheticImages.calibrationImageSeed(seed, k)));
            features[k] = convOnly.features(input);
        }
        double[] featureMean = new double[in];
        for (int j = 0; j < in; j++) {
            double sum = 0;
            for (float[] f : features) {
                sum += f[j];
            }
            featureMean[j] = sum / CALIBRATION_IMAGES;
        }
        double sumSquares = 0;
        for (float[] f : features) {
            for (int o = 0; o < out; o++) {
                double z = 0;
                for (int j = 0; j < in; j++) {
                    z += raw[o * in + j] * (f[j] - featureMean[j]);
                }
                sumSquares += z * z;
            }
        }
        double rms = StrictMath.sqrt(sumSquares / (CALIBRATION_IMAGES * out));
        double scale = TARGET_LOGIT_RMS / rms;

        float[] weights = new float[out * in];
        float[] bias = new float[out];
        for (int o = 0; o < out; o++) {
            double shift = 0;
            for (int j = 0; j < in; j++) {
                double w = raw[o * in + j] * scale;
                weights[o * in + j] = (float) w;
                shift += w * featureMean[j];
            }
            bias[o] = (float) (offset[o] - shift);
        }
        return new DenseLayer("classifier", in, out, weights, bias);
    }

    // ---------------------------------------------------------------------------------------------
    // Plain-Java forward pass. Activations are float32 (like the runtimes), every sum is accumulated
    // in double and rounded to float once, so this is at least as accurate as either runtime.
    // ---------------------------------------------------------------------------------------------

    /** Raw logits for a normalised input in NCHW layout ({@code [3][224][224]}, batch 1). */
    float[] forward(float[] nchwInput) {
        return dense(features(nchwInput));
    }

    /** Global-average-pooled features after the last convolution. */
    float[] features(float[] nchwInput) {
        checkInput(nchwInput);
        float[] x = nchwInput;
        int size = INPUT_SIZE;
        for (ConvLayer c : convs) {
            x = convRelu(c, x, size);
            size = c.outSize(size);
        }
        return pool(x, size);
    }

    /**
     * Every intermediate result of the forward pass on one input: what a quantised copy of the network is
     * calibrated on.
     *
     * @param convOutputs each convolution's output after its ReLU, NCHW, in the order of {@link #convs()}
     */
    record Trace(List<float[]> convOutputs, float[] pooled, float[] logits) {}

    /** The forward pass keeping every intermediate result; its logits equal {@link #forward}'s. */
    Trace trace(float[] nchwInput) {
        checkInput(nchwInput);
        List<float[]> outputs = new ArrayList<>();
        float[] x = nchwInput;
        int size = INPUT_SIZE;
        for (ConvLayer c : convs) {
            x = convRelu(c, x, size);
            size = c.outSize(size);
            outputs.add(x);
        }
        float[] pooled = pool(x, size);
        return new Trace(List.copyOf(outputs), pooled, dense(pooled));
    }

    private static void checkInput(float[] nchwInput) {
        if (nchwInput.length != INPUT_CHANNELS * INPUT_SIZE * INPUT_SIZE) {
            throw new IllegalArgumentException("expected 3x224x224 input, got " + nchwInput.length + " values");
        }
    }

    private float[] pool(float[] x, int size) {
        int channels = featureChannels();
        int plane = size * size;
        float[] pooled = new float[channels];
        for (int ch = 0; ch < channels; ch++) {
            double sum = 0;
            for (int p = 0; p < plane; p++) {
                sum += x[ch * plane + p];
            }
            pooled[ch] = (float) (sum / plane);
        }
        return pooled;
    }

    private float[] dense(float[] features) {
        int in = dense.inFeatures();
        float[] logits = new float[dense.outFeatures()];
        for (int o = 0; o < logits.length; o++) {
            double sum = dense.bias()[o];
            for (int j = 0; j < in; j++) {
                sum += (double) dense.weights()[o * in + j] * features[j];
            }
            logits[o] = (float) sum;
        }
        return logits;
    }

    private static float[] convRelu(ConvLayer c, float[] input, int inSize) {
        int outSize = c.outSize(inSize);
        int pad = c.padBefore(inSize);
        int k = c.kernel();
        int stride = c.stride();
        int inPerGroup = c.inPerGroup();
        int outPerGroup = c.outChannels() / c.groups();
        int inPlane = inSize * inSize;
        int outPlane = outSize * outSize;
        float[] output = new float[c.outChannels() * outPlane];
        double[] acc = new double[outPlane];
        for (int o = 0; o < c.outChannels(); o++) {
            java.util.Arrays.fill(acc, c.bias()[o]);
            int group = o / outPerGroup;
            for (int ci = 0; ci < inPerGroup; ci++) {
                int inChannel = group * inPerGroup + ci;
                int inBase = inChannel * inPlane;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        double w = c.weights()[((o * inPerGroup + ci) * k + ky) * k + kx];
                        for (int oy = 0; oy < outSize; oy++) {
                            int iy = oy * stride + ky - pad;
                            if (iy < 0 || iy >= inSize) {
                                continue;
                            }
                            int rowBase = inBase + iy * inSize;
                            int accBase = oy * outSize;
                            for (int ox = 0; ox < outSize; ox++) {
                                int ix = ox * stride + kx - pad;
                                if (ix >= 0 && ix < inSize) {
                                    acc[accBase + ox] += w * input[rowBase + ix];
                                }
                            }
                        }
                    }
                }
            }
            int outBase = o * outPlane;
            for (int p = 0; p < outPlane; p++) {
                output[outBase + p] = (float) Math.max(acc[p], 0.0);
            }
        }
        return output;
    }
}
