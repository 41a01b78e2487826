package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected values below are worked out by hand from the definitions, not by running the code. */
public class AreaResamplerTest {
    private final AreaResampler resampler = new AreaResampler();

    @Test
    void shrinks4x4To2x2ByAveragingEachBlock() {
        // Red 0..150 in steps of 10 row by row, green 255 - red, blue a constant 7.
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int red = (y * 4 + x) * 10;
                image.setRGB(x, y, red << 16 | (255 - red) << 8 | 7);
            }
        }
        float[] out = new float[2 * 2 * 3];

        resampler.resize(image, 0, 0, 4, 4, 2, 2, out);

        // Top-left block 0, 10, 40, 50 -> 25; top-right 20, 30, 60, 70 -> 45; then 105 and 125.
        assertThat(out).containsExactly(new float[] {
                25, 230, 7, 45, 210, 7,
                105, 150, 7, 125, 130, 7}, within(1e-4f));
    }

    @Test
    void enlarges2x2To4x4Bilinearly() {
        // Red: 0 100 / 200 40. Along each axis the four targets take (1, 0), (3/4, 1/4), (1/4, 3/4), (0, 1).
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0 << 16);
        image.setRGB(1, 0, 100 << 16);
        image.setRGB(0, 1, 200 << 16);
        image.setRGB(1, 1, 40 << 16);
        float[] out = new float[4 * 4 * 3];

        resampler.resize(image, 0, 0, 2, 2, 4, 4, out);

        float[] expectedRed = {
                0, 25, 75, 100,
                50, 58.75f, 76.25f, 85,
                150, 126.25f, 78.75f, 55,
                200, 160, 80, 40};
        for (int i = 0; i < 16; i++) {
            assertThat(out[i * 3]).as("red of pixel %d", i).isCloseTo(expectedRed[i], within(1e-4f));
            assertThat(out[i * 3 + 1]).isZero();
            assertThat(out[i * 3 + 2]).isZero();
        }
    }

    @Test
    void shrinksByANonWholeFactor() {
        // 30 60 90 -> 2 samples covering [0, 1.5) and [1.5, 3): (30 + 30) / 1.5 = 40 and (30 + 90) / 1.5 = 80.
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 30);
        image.setRGB(1, 0, 60);
        image.setRGB(2, 0, 90);
        float[] out = new float[2 * 3];

        resampler.resize(image, 0, 0, 3, 1, 2, 1, out);

        assertThat(out[2]).isCloseTo(40f, within(1e-4f));
        assertThat(out[5]).isCloseTo(80f, within(1e-4f));
    }

    @Test
    void sameSizeIsAnExactCopy() {
        BufferedImage image = randomImage(224, 224, 1);
        float[] out = new float[224 * 224 * 3];

        resampler.resize(image, 0, 0, 224, 224, 224, 224, out);

        assertHoldsExactly(out, image);
    }

    /** {@code interleaved} holds the picture's red, green and blue levels, pixel by pixel, with no change at all. */
    public static void assertHoldsExactly(float[] interleaved, BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int i = (y * image.getWidth() + x) * 3;
                assertThat(interleaved[i]).isEqualTo((float) ((rgb >> 16) & 0xFF));
                assertThat(interleaved[i + 1]).isEqualTo((float) ((rgb >> 8) & 0xFF));
                assertThat(interleaved[i + 2]).isEqualTo((float) (rgb & 0xFF));
            }
        }
    }

    @Test
    void readsOnlyTheRequestedRectangleAndHandlesSubImages() {
        BufferedImage image = randomImage(10, 8, 2);
        BufferedImage subImage = image.getSubimage(3, 2, 5, 4);
        float[] fromRegion = new float[2 * 2 * 3];
        float[] fromSubImage = new float[2 * 2 * 3];

        resampler.resize(image, 4, 3, 2, 2, 2, 2, fromRegion);
        resampler.resize(subImage, 1, 1, 2, 2, 2, 2, fromSubImage);

        assertThat(fromSubImage).containsExactly(fromRegion);
        int rgb = image.getRGB(5, 4);
        assertThat(fromRegion[9]).isEqualTo((float) ((rgb >> 16) & 0xFF));
    }

    @Test
    void aConstantPictureStaysConstantAtAnySize() {
        BufferedImage image = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                image.setRGB(x, y, 0x10_80_F0);
            }
        }
        for (int[] size : new int[][] {{5, 3}, {224, 224}, {37, 100}, {1, 1}}) {
            float[] out = new float[size[0] * size[1] * 3];
            resampler.resize(image, 0, 0, 37, 23, size[0], size[1], out);
            for (int i = 0; i < out.length; i += 3) {
                assertThat(out[i]).isCloseTo(16f, within(1e-3f));
                assertThat(out[i + 1]).isCloseTo(128f, within(1e-3f));
                assertThat(out[i + 2]).isCloseTo(240f, within(1e-3f));
            }
        }
    }

    @Test
    void shrinkingAgreesWithTheAreaAverageWorkedOutInTwoDimensions() {
        // Non-whole factors on both axes, a rectangle away from the corner, and a sub-image: the separable,
        // integer-summed resize must give what averaging each output pixel's footprint directly gives.
        BufferedImage image = randomImage(130, 90, 6).getSubimage(3, 5, 120, 80);
        int x0 = 7;
        int y0 = 4;
        int width = 97;
        int height = 61;
        int targetWidth = 13;
        int targetHeight = 17;
        float[] out = new float[targetWidth * targetHeight * 3];

        resampler.resize(image, x0, y0, width, height, targetWidth, targetHeight, out);

        double cellWidth = width / (double) targetWidth;
        double cellHeight = height / (double) targetHeight;
        for (int ty = 0; ty < targetHeight; ty++) {
            for (int tx = 0; tx < targetWidth; tx++) {
                double[] sum = new double[3];
                for (int sy = 0; sy < height; sy++) {
                    double overlapY = overlap(sy, ty * cellHeight, (ty + 1) * cellHeight);
                    for (int sx = 0; overlapY > 0 && sx < width; sx++) {
                        double share = overlapY * overlap(sx, tx * cellWidth, (tx + 1) * cellWidth);
                        int rgb = image.getRGB(x0 + sx, y0 + sy);
                        sum[0] += share * ((rgb >> 16) & 0xFF);
                        sum[1] += share * ((rgb >> 8) & 0xFF);
                        sum[2] += share * (rgb & 0xFF);
                    }
                }
                for (int c = 0; c < 3; c++) {
                    double expected = sum[c] / (cellWidth * cellHeight);
                    assertThat(out[(ty * targetWidth + tx) * 3 + c]).as("pixel %d,%d channel %d", tx, ty, c)
                            .isCloseTo((float) expected, within(1e-3f));
                }
            }
        }
    }

    /** How much of source sample [i, i + 1) lies inside [start, end). */
    private static double overlap(int i, double start, double end) {
        return Math.max(0, Math.min(i + 1, end) - Math.max(i, start));
    }

    public static BufferedImage randomImage(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }
}
