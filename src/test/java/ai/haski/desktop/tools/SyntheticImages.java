package ai.haski.desktop.tools;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Deterministic synthetic 224x224 RGB images: a base colour (often skin-like) with a linear gradient,
 * a soft low-frequency ripple, fine stripes, a few filled ellipses and rectangles ("blemishes" and
 * "patches") and per-pixel noise. Pixels are computed with plain arithmetic (no Java2D rendering, whose output may depend on the
 * JVM's rendering pipeline) from a seeded {@link Random}, so every JVM produces the same pixels.
 *
 * <p>Also holds the generator's preprocessing (8-bit RGB, divide by 255, subtract mean, divide by std,
 * NCHW), matching the manifest's {@code input.preprocessing}.
 */
final class SyntheticImages {

    static final int SIZE = ReferenceNetwork.INPUT_SIZE;
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private SyntheticImages() {}

    /** Seed of the test-vector image. */
    static long testImageSeed(long networkSeed) {
        return networkSeed + 1;
    }

    /** Seed of calibration image {@code k}; distinct from the test image's seed. */
    static long calibrationImageSeed(long networkSeed, int k) {
        return networkSeed + 2 + k;
    }

    /**
     * Seed of evaluation image {@code k}: held out from the calibration images and the test image, so the
     * int8 model's agreement with float32 is measured on pictures its quantisation was not fitted to.
     */
    static long evaluationImageSeed(long networkSeed, int k) {
        return networkSeed + 1000 + k;
    }

    /** Renders the image for a seed as an 8-bit RGB {@link BufferedImage#TYPE_INT_RGB}. */
    static BufferedImage render(long seed) {
        Random random = new Random(seed);
        double[] r = new double[SIZE * SIZE];
        double[] g = new double[SIZE * SIZE];
        double[] b = new double[SIZE * SIZE];

        // Base colour (skin-like half of the time, anything otherwise) and a linear gradient.
        double baseR;
        double baseG;
        double baseB;
        if (random.nextBoolean()) {
            baseR = 140 + 90 * random.nextDouble();
            baseG = baseR * (0.62 + 0.18 * random.nextDouble());
            baseB = baseR * (0.45 + 0.20 * random.nextDouble());
        } else {
            baseR = 30 + 200 * random.nextDouble();
            baseG = 30 + 200 * random.nextDouble();
            baseB = 30 + 200 * random.nextDouble();
        }
        double angle = 2 * StrictMath.PI * random.nextDouble();
        double gradX = StrictMath.cos(angle);
        double gradY = StrictMath.sin(angle);
        double gradAmp = 20 + 60 * random.nextDouble();
        // Low-frequency ripple.
        double rippleFx = (1 + 6 * random.nextDouble()) * 2 * StrictMath.PI / SIZE;
        double rippleFy = (1 + 6 * random.nextDouble()) * 2 * StrictMath.PI / SIZE;
        double rippleAmp = 5 + 30 * random.nextDouble();
        // Fine stripes ("texture") in a random direction, 8 to 40 periods across the image.
        double stripeAngle = StrictMath.PI * random.nextDouble();
        double stripeFreq = (8 + 32 * random.nextDouble()) * 2 * StrictMath.PI / SIZE;
        double stripeFx = stripeFreq * StrictMath.cos(stripeAngle);
        double stripeFy = stripeFreq * StrictMath.sin(stripeAngle);
        double stripeAmp = 40 * random.nextDouble();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double u = (x - SIZE / 2.0) / SIZE;
                double v = (y - SIZE / 2.0) / SIZE;
                double shade = gradAmp * 2 * (u * gradX + v * gradY)
                        + rippleAmp * StrictMath.sin(x * rippleFx) * StrictMath.cos(y * rippleFy)
                        + stripeAmp * StrictMath.sin(x * stripeFx + y * stripeFy);
                int i = y * SIZE + x;
                r[i] = baseR + shade;
                g[i] = baseG + shade * 0.9;
                b[i] = baseB + shade * 0.8;
            }
        }

        // Ellipses with a soft edge: reddish or brownish spots, some large, some small.
        int ellipses = 3 + random.nextInt(5);
        for (int e = 0; e < ellipses; e++) {
            double cx = SIZE * random.nextDouble();
            double cy = SIZE * random.nextDouble();
            double rx = 4 + 40 * random.nextDouble();
            double ry = 4 + 40 * random.nextDouble();
            double colR = 80 + 170 * random.nextDouble();
            double colG = 30 + 120 * random.nextDouble();
            double colB = 20 + 110 * random.nextDouble();
            double opacity = 0.4 + 0.6 * random.nextDouble();
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double dx = (x - cx) / rx;
                    double dy = (y - cy) / ry;
                    double d = dx * dx + dy * dy;
                    if (d < 1.2) {
                        double alpha = opacity * Math.min(1.0, (1.2 - d) / 0.4);
                        int i = y * SIZE + x;
                        r[i] += alpha * (colR - r[i]);
                        g[i] += alpha * (colG - g[i]);
                        b[i] += alpha * (colB - b[i]);
                    }
                }
            }
        }

        // Axis-aligned rectangles with hard edges (strong gradients for the network to see).
        int rectangles = 1 + random.nextInt(3);
        for (int q = 0; q < rectangles; q++) {
            int x0 = random.nextInt(SIZE - 20);
            int y0 = random.nextInt(SIZE - 20);
            int w = 10 + random.nextInt(SIZE - x0 - 10);
            int h = 10 + random.nextInt(SIZE - y0 - 10);
            double grey = 255 * random.nextDouble();
            double mix = 0.3 + 0.5 * random.nextDouble();
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    int i = y * SIZE + x;
                    r[i] += mix * (grey - r[i]);
                    g[i] += mix * (grey - g[i]);
                    b[i] += mix * (grey - b[i]);
                }
            }
        }

        // Per-pixel uniform noise, then round and clamp to 8 bits.
        int noise = 3 + random.nextInt(28);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int i = y * SIZE + x;
                int ri = clamp(r[i] + random.nextInt(2 * noise + 1) - noise);
                int gi = clamp(g[i] + random.nextInt(2 * noise + 1) - noise);
                int bi = clamp(b[i] + random.nextInt(2 * noise + 1) - noise);
                image.setRGB(x, y, (ri << 16) | (gi << 8) | bi);
            }
        }
        return image;
    }

    /**
     * Renders a "graphic" image for a seed: what photos of screens, logos, charts and scans look like to the
     * network, and what {@link #render} never draws: a flat background (often white, black or one saturated
     * colour), hard-edged shapes in saturated colours, sometimes a black-and-white checkerboard, and little
     * or no noise. The int8 model's calibration includes some, so that such pictures do not push its
     * activations far past their calibrated ranges.
     */
    static BufferedImage renderGraphic(long seed) {
        Random random = new Random(seed);
        int[][] palette = {
            {255, 255, 255}, {0, 0, 0}, {215, 10, 83}, {220, 30, 30}, {30, 60, 200}, {250, 200, 20},
            {20, 160, 60}, {128, 128, 128}, {240, 240, 235}, {90, 40, 120},
        };
        int[] background = switch (random.nextInt(4)) {
            case 0 -> palette[0];
            case 1 -> palette[1];
            case 2 -> palette[random.nextInt(palette.length)];
            default -> new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        };
        int[][] pixels = new int[SIZE * SIZE][];
        java.util.Arrays.fill(pixels, background);

        if (random.nextInt(3) == 0) {
            // A checkerboard over a random rectangle, cells of 6 to 40 pixels.
            int cell = 6 + random.nextInt(35);
            int x0 = random.nextInt(SIZE / 2);
            int y0 = random.nextInt(SIZE / 2);
            int x1 = x0 + SIZE / 3 + random.nextInt(SIZE - x0 - SIZE / 3 + 1);
            int y1 = y0 + SIZE / 3 + random.nextInt(SIZE - y0 - SIZE / 3 + 1);
            for (int y = y0; y < Math.min(y1, SIZE); y++) {
                for (int x = x0; x < Math.min(x1, SIZE); x++) {
                    pixels[y * SIZE + x] = ((x - x0) / cell + (y - y0) / cell) % 2 == 0 ? palette[0] : palette[1];
                }
            }
        }
        int shapes = 1 + random.nextInt(5);
        for (int s = 0; s < shapes; s++) {
            int[] colour = palette[random.nextInt(palette.length)];
            double cx = SIZE * random.nextDouble();
            double cy = SIZE * random.nextDouble();
            double rx = 8 + 70 * random.nextDouble();
            double ry = 8 + 70 * random.nextDouble();
            boolean ellipse = random.nextBoolean();
            double ring = random.nextInt(3) == 0 ? 0.5 + 0.3 * random.nextDouble() : 0; // hollow shapes too
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double dx = Math.abs(x - cx) / rx;
                    double dy = Math.abs(y - cy) / ry;
                    double d = ellipse ? StrictMath.sqrt(dx * dx + dy * dy) : Math.max(dx, dy);
                    if (d < 1 && d >= ring) {
                        pixels[y * SIZE + x] = colour;
                    }
                }
            }
        }
        int noise = random.nextInt(3);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int[] p = pixels[y * SIZE + x];
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    int v = noise == 0 ? p[c] : clamp(p[c] + random.nextInt(2 * noise + 1) - noise);
                    rgb = (rgb << 8) | v;
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** Seed of graphic calibration image {@code k} (see {@link #renderGraphic}). */
    static long graphicCalibrationImageSeed(long networkSeed, int k) {
        return networkSeed + 500 + k;
    }

    /** Seed of graphic evaluation image {@code k}, held out like {@link #evaluationImageSeed}. */
    static long graphicEvaluationImageSeed(long networkSeed, int k) {
        return networkSeed + 1500 + k;
    }

    private static int clamp(double value) {
        long rounded = Math.round(value);
        return (int) Math.max(0, Math.min(255, rounded));
    }

    /**
     * Preprocessing of the manifest, in float32: {@code (v / 255 - mean[c]) / std[c]}, NCHW layout.
     * No resize: the image must already be 224x224.
     */
    static float[] toNormalisedNchw(BufferedImage image) {
        if (image.getWidth() != SIZE || image.getHeight() != SIZE) {
            throw new IllegalArgumentException("expected a 224x224 image");
        }
        int plane = SIZE * SIZE;
        float[] out = new float[3 * plane];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = image.getRGB(x, y);
                int[] channel = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
                for (int c = 0; c < 3; c++) {
                    out[c * plane + y * SIZE + x] = (channel[c] / 255f - MEAN[c]) / STD[c];
                }
            }
        }
        return out;
    }
}
