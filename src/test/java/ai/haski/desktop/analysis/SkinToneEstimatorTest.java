package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The ITA of uniform patches of known sRGB colours against a CIELAB conversion written here from the published
 * formulas (IEC 61966-2-1 for sRGB, CIE 15 for L*a*b*), with the XYZ matrix computed from the sRGB primaries and the
 * D65 white point rather than copied, so that a slip in the product's constants would show.
 */
class SkinToneEstimatorTest {

    @ParameterizedTest(name = "sRGB {0},{1},{2}")
    @CsvSource({
            "255, 224, 196", // very pale skin
            "241, 194, 165",
            "224, 172, 138",
            "198, 134, 100",
            "160, 105, 70",
            "141, 85, 50",
            "90, 56, 37",
            "60, 40, 30"})
    void itaOfAUniformPatchMatchesAnIndependentCielabComputation(int r, int g, int b) {
        BufferedImage patch = uniform(64, 64, r, g, b);
        double[] lab = ReferenceLab.of(r, g, b);
        double expected = Math.toDegrees(Math.atan((lab[0] - 50) / lab[2]));

        Optional<SkinTone> tone = SkinToneEstimator.estimate(patch);

        assertThat(tone).as("a skin-coloured patch has a skin tone").isPresent();
        assertThat(tone.get().itaDegrees()).isCloseTo(expected, within(0.5));
        assertThat(tone.get().pixels()).isEqualTo(64 * 64);
        assertThat(tone.get().group()).isEqualTo(SkinToneGroup.of(expected));
    }

    @Test
    void aPatchWithoutSkinColoursHasNoEstimate() {
        assertThat(SkinToneEstimator.estimate(uniform(64, 64, 40, 90, 200))).isEmpty(); // blue
        assertThat(SkinToneEstimator.estimate(uniform(64, 64, 60, 160, 60))).isEmpty(); // green
    }

    @Test
    void tooFewSkinPixelsGiveNoEstimate() {
        int side = (int) Math.sqrt(SkinToneEstimator.MIN_PIXELS) - 1;
        assertThat(SkinToneEstimator.estimate(uniform(side, side, 224, 172, 138))).isEmpty();
    }

    @Test
    void onlyTheRectangleCounts() {
        BufferedImage picture = uniform(100, 100, 40, 90, 200);
        for (int y = 20; y < 60; y++) {
            for (int x = 10; x < 50; x++) {
                picture.setRGB(x, y, (224 << 16) | (172 << 8) | 138);
            }
        }
        assertThat(SkinToneEstimator.estimate(picture, 0, 0, 100, 100)).get()
                .extracting(SkinTone::pixels).isEqualTo(40 * 40);
        assertThat(SkinToneEstimator.estimate(picture, 60, 60, 40, 40)).isEmpty();
    }

    @Test
    void theGroupsFollowTheUsualBounds() {
        assertThat(SkinToneGroup.of(60)).isEqualTo(SkinToneGroup.VERY_LIGHT);
        assertThat(SkinToneGroup.of(55)).isEqualTo(SkinToneGroup.LIGHT);
        assertThat(SkinToneGroup.of(41)).isEqualTo(SkinToneGroup.INTERMEDIATE);
        assertThat(SkinToneGroup.of(28)).isEqualTo(SkinToneGroup.TAN);
        assertThat(SkinToneGroup.of(10)).isEqualTo(SkinToneGroup.BROWN);
        assertThat(SkinToneGroup.of(-30)).isEqualTo(SkinToneGroup.DARK);
        assertThat(SkinToneGroup.of(-31)).isEqualTo(SkinToneGroup.DARK);
    }

    private static BufferedImage uniform(int width, int height, int r, int g, int b) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int rgb = (r << 16) | (g << 8) | b;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** sRGB to CIELAB from the standards' definitions, independent of the product's code. */
    static final class ReferenceLab {
        private ReferenceLab() {}

        static double[] of(int r8, int g8, int b8) {
            double[] linear = {decode(r8), decode(g8), decode(b8)};
            double[][] m = rgbToXyz();
            double[] xyz = new double[3];
            for (int i = 0; i < 3; i++) {
                xyz[i] = m[i][0] * linear[0] + m[i][1] * linear[1] + m[i][2] * linear[2];
            }
            double[] white = {m[0][0] + m[0][1] + m[0][2], m[1][0] + m[1][1] + m[1][2], m[2][0] + m[2][1] + m[2][2]};
            double fx = f(xyz[0] / white[0]);
            double fy = f(xyz[1] / white[1]);
            double fz = f(xyz[2] / white[2]);
            return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
        }

        private static double decode(int v) {
            double c = v / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }

        private static double f(double t) {
            double epsilon = 216.0 / 24389;
            double kappa = 24389.0 / 27;
            return t > epsilon ? Math.cbrt(t) : (kappa * t + 16) / 116;
        }

        /** The RGB to XYZ matrix from the sRGB chromaticities and D65 (x 0.3127, y 0.3290), white Y = 1. */
        private static double[][] rgbToXyz() {
            double[][] xy = {{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}};
            double[] whiteXyz = {0.3127 / 0.3290, 1, (1 - 0.3127 - 0.3290) / 0.3290};
            double[][] p = new double[3][3];
            for (int c = 0; c < 3; c++) {
                p[0][c] = xy[c][0] / xy[c][1];
                p[1][c] = 1;
                p[2][c] = (1 - xy[c][0] - xy[c][1]) / xy[c][1];
            }
            double[] s = solve(p, whiteXyz);
            double[][] m = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int c = 0; c < 3; c++) {
                    m[i][c] = p[i][c] * s[c];
                }
            }
            return m;
        }

        /** Cramer's rule for a 3 x 3 system. */
        private static double[] solve(double[][] a, double[] b) {
            double d = det(a);
            double[] x = new double[3];
            for (int c = 0; c < 3; c++) {
                double[][] ac = new double[3][];
                for (int i = 0; i < 3; i++) {
                    ac[i] = a[i].clone();
                    ac[i][c] = b[i];
                }
                x[c] = det(ac) / d;
            }
            return x;
        }

        private static double det(double[][] a) {
            return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                    - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                    + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        }
    }
}
