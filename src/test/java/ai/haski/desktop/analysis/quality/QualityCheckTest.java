package ai.haski.desktop.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Each measure on pictures whose answer is known by construction, and on a real photo at two sizes. */
class QualityCheckTest {
    private static final QualityCheck CHECK = new QualityCheck(QualityThresholds.DEFAULT);

    @Test
    void fineDetailInEveryDirectionIsSharpAndAFlatPictureIsBlurred() {
        PhotoQuality noisy = check(noise(400, 300, 60, 190));
        assertThat(noisy.measures().sharpness()).isGreaterThan(QualityThresholds.DEFAULT.minSharpness() * 10);
        assertThat(noisy.measures().directionRatio()).isGreaterThan(QualityThresholds.DEFAULT.maxDirectionRatio());
        assertThat(codes(noisy)).isEmpty();
        assertThat(noisy.verdict()).isEqualTo("good");

        PhotoQuality flat = check(filled(400, 300, 0x808080));
        assertThat(flat.measures().sharpness()).isLessThan(1e-6);
        assertThat(codes(flat)).containsExactly(QualityCode.BLURRED);
        assertThat(flat.verdict()).isEqualTo("poor");
        assertThat(flat.problems().get(0).message()).contains("blurred").contains("take the photo again");
    }

    @Test
    void detailSmearedAlongOneAxisIsMotionBlurNotPlainBlur() {
        BufferedImage noise = noise(400, 300, 60, 190);
        PhotoQuality smeared = check(Degradations.smear(noise, true));
        assertThat(smeared.measures().directionRatio()).isLessThan(QualityThresholds.DEFAULT.maxDirectionRatio());
        assertThat(codes(smeared)).containsExactly(QualityCode.MOTION_BLUR);

        PhotoQuality blurred = check(Degradations.gaussianBlur(noise, 6));
        assertThat(codes(blurred)).containsExactly(QualityCode.BLURRED);
        assertThat(blurred.measures().directionRatio()).isGreaterThan(QualityThresholds.DEFAULT.maxDirectionRatio());
    }

    @Test
    void exposureIsJudgedByMeanBrightnessAndClippedShares() {
        PhotoQuality dark = check(noise(400, 300, 0, 30));
        assertThat(dark.measures().meanLuminance()).isLessThan(20);
        assertThat(dark.measures().darkShare()).isGreaterThan(0.5);
        assertThat(codes(dark)).contains(QualityCode.TOO_DARK).doesNotContain(QualityCode.OVEREXPOSED);

        PhotoQuality blown = check(noise(400, 300, 235, 255));
        assertThat(blown.measures().brightShare()).isGreaterThan(0.3);
        assertThat(codes(blown)).contains(QualityCode.OVEREXPOSED).doesNotContain(QualityCode.TOO_DARK);
    }

    @Test
    void aRegionEnlargedBeyondTheLimitIsLowResolution() {
        BufferedImage picture = noise(224, 224, 60, 190);
        PhotoQuality small = CHECK.check(picture, 100, 120, 224, 224);
        assertThat(small.measures().upscale()).isEqualTo(2.24);
        assertThat(codes(small)).containsExactly(QualityCode.LOW_RESOLUTION);
        assertThat(small.problems().get(0).message()).contains("100 x 120");

        assertThat(codes(CHECK.check(picture, 1000, 800, 224, 224))).isEmpty();
    }

    @Test
    void tintedWhitesAreACastAndSkinIsNot() {
        PhotoQuality blue = check(texturedColour(0x8C96C8));
        assertThat(blue.measures().highlightB()).isLessThan(-10);
        assertThat(codes(blue)).containsExactly(QualityCode.COLOUR_CAST);
        assertThat(blue.problems().get(0).message()).contains("blue");

        // An sRGB light skin tone (CIELAB about 72, 13, 19): a close-up of skin is warm, not cast.
        PhotoQuality skin = check(texturedColour(0xE0AC92));
        assertThat(skin.measures().highlightA()).isBetween(8.0, 20.0);
        assertThat(codes(skin)).isEmpty();
    }

    @Test
    void sharpnessIsMeasuredAtAFixedSizeSoAPhotoAndItsHalfSizeCopyAgree() throws Exception {
        BufferedImage photo = Degradations.fitWithin(ImageIO.read(TestFiles.photo("skimage_astronaut.png").toFile()),
                512);
        BufferedImage half = Degradations.shrinkTo(photo, 256);
        double full = check(photo).measures().sharpness();
        double smaller = check(half).measures().sharpness();
        // Within a factor of 1.5 of each other, where blurred and sharp photos lie more than 10 times apart
        // (docs/QUALITY.md); at their own sizes the two would differ several times over.
        assertThat(smaller / full).isBetween(0.66, 1.5);
    }

    @Test
    void cieLabMatchesThePublishedValuesOfWhiteAndSrgbRed() {
        double[] white = CieLab.fromSrgb(255, 255, 255);
        assertThat(white[0]).isCloseTo(100, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Math.hypot(white[1], white[2])).isLessThan(0.01);
        double[] red = CieLab.fromSrgb(255, 0, 0);
        assertThat(red[0]).isCloseTo(53.24, org.assertj.core.data.Offset.offset(0.05));
        assertThat(red[1]).isCloseTo(80.09, org.assertj.core.data.Offset.offset(0.05));
        assertThat(red[2]).isCloseTo(67.20, org.assertj.core.data.Offset.offset(0.05));
    }

    private static PhotoQuality check(BufferedImage picture) {
        return CHECK.check(picture, picture.getWidth() * 4, picture.getHeight() * 4, 224, 224);
    }

    private static List<QualityCode> codes(PhotoQuality quality) {
        return quality.problems().stream().map(QualityProblem::code).toList();
    }

    /** Grey noise with each pixel's level uniform in [low, high]: detail at every scale and in every direction. */
    private static BufferedImage noise(int width, int height, int low, int high) {
        Random random = new Random(42);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = low + random.nextInt(high - low + 1);
                out.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return out;
    }

    /** One colour with sharp brightness texture (so that only its colour is judged). */
    private static BufferedImage texturedColour(int rgb) {
        Random random = new Random(7);
        BufferedImage out = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                double f = 0.8 + 0.2 * random.nextDouble();
                int r = (int) (((rgb >> 16) & 0xFF) * f);
                int g = (int) (((rgb >> 8) & 0xFF) * f);
                int b = (int) ((rgb & 0xFF) * f);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static BufferedImage filled(int width, int height, int rgb) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }
}
