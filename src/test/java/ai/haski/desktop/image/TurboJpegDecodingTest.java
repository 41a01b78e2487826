package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TurboJPEG fast path: taken for plain JPEGs and giving the picture a full ImageIO decode would after area
 * downscaling; declined (ImageIO decodes, with its usual errors) for CMYK, colour-managed and truncated files.
 */
class TurboJpegDecodingTest {
    /**
     * Mean absolute difference per channel, in 8-bit levels, allowed between a DCT-scaled decode and the full ImageIO
     * decode averaged over the same blocks. Measured on the 12 MP phone photo and the generated quadrants: 0.11 to
     * 0.25 levels at 1/8, 1/4 and 1/2 (at 1/8 the DC coefficient is exactly the block mean; rounding and chroma
     * upsampling differ). At 1/1 both decoders are libjpeg's accurate integer IDCT with fancy upsampling, and agree
     * exactly.
     */
    private static final double MAX_MEAN_DIFFERENCE = 1.0;

    private static final ImageLoader FAST = new ImageLoader(ImageLimits.DEFAULT, NativeDecoding.NATIVE_WHEN_AVAILABLE);
    private static final ImageLoader REFERENCE = new ImageLoader(ImageLimits.DEFAULT, NativeDecoding.IMAGEIO_ONLY);

    @TempDir
    Path folder;

    @BeforeEach
    void libraryIsThere() {
        // Per test, not @BeforeAll: a class skipped as a whole shows in surefire's reports as 0 tests, not as skipped.
        // The app runs without TurboJPEG (ImageIO decodes every JPEG), so a machine without it skips these tests;
        // .ci/run installs libturbojpeg0 and fails on any skipped test, so CI always runs them.
        assumeTrue(TurboJpegLibrary.shared().isPresent(), "libturbojpeg.so.0 (libjpeg-turbo's TurboJPEG) is not "
                + "installed; install it: apt-get install libturbojpeg0");
    }

    @ParameterizedTest
    @CsvSource({"100, 8", "224, 4", "448, 2", "2000, 1"})
    void twelveMegapixelPhoneJpegTakesTheFastPathAndMatchesTheFullDecodeAveraged(int target, int scale)
            throws Exception {
        Path photo = PublicPhotos.photo("phone_IMG_20200827_231612.jpg");
        DecodedImage fast = FAST.load(photo, target, target);
        DecodedImage full = REFERENCE.load(photo, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);

        assertThat(fast.decoder()).isEqualTo(DecodedImage.TURBOJPEG);
        assertThat(full.decoder()).isEqualTo(DecodedImage.IMAGEIO);
        assertThat(fast.subsampling()).isEqualTo(scale);
        assertThat(fast.orientation()).isEqualTo(full.orientation());
        assertThat(fast.originalWidth()).isEqualTo(full.originalWidth());
        assertThat(fast.originalHeight()).isEqualTo(full.originalHeight());
        assertThat(fast.image().getWidth()).isEqualTo(DctScale.scaled(full.image().getWidth(), scale));
        assertThat(fast.image().getHeight()).isEqualTo(DctScale.scaled(full.image().getHeight(), scale));
        assertCloseToBoxAverage(fast.image(), full.image(), scale);
    }

    @Test
    void plainGeneratedJpegTakesTheFastPathAtEveryScale() throws Exception {
        // Quadrants rather than noise: on pure noise a 4x4 or 2x2 IDCT is far from a box average (up to 8 levels at 1/2).
        Path file = TestImages.save(folder, "plain.jpg", TestImages.jpeg(TestImages.quadrants(640, 480), 0.9f));
        DecodedImage full = REFERENCE.load(file, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);
        for (int[] targetAndScale : new int[][] {{20, 8}, {40, 4}, {80, 2}, {400, 1}}) {
            DecodedImage fast = FAST.load(file, targetAndScale[0], targetAndScale[0]);
            assertThat(fast.decoder()).isEqualTo(DecodedImage.TURBOJPEG);
            assertThat(fast.subsampling()).as("scale for target %d", targetAndScale[0]).isEqualTo(targetAndScale[1]);
            assertCloseToBoxAverage(fast.image(), full.image(), targetAndScale[1]);
            assertThat(fast.image().getRGB(0, 0) >>> 24).as("alpha of TYPE_INT_RGB reads opaque").isEqualTo(0xFF);
            int raw = ((java.awt.image.DataBufferInt) fast.image().getRaster().getDataBuffer()).getData()[0];
            assertThat(raw >>> 24).as("the unused top byte is clear, as in ImageIO's pictures").isZero();
        }
    }

    @Test
    void cmykAndYcckJpegsAreLeftToImageIo() throws Exception {
        for (boolean ycck : new boolean[] {false, true}) {
            Path file = TestImages.save(folder, ycck ? "ycck.jpg" : "cmyk.jpg", AdobeJpegs.cmykQuadrants(64, ycck));
            DecodedImage decoded = FAST.load(file, 8, 8);
            assertThat(decoded.decoder()).as(file.getFileName().toString()).isEqualTo(DecodedImage.IMAGEIO);
        }
    }

    @Test
    void anSrgbProfileTakesTheFastPathWithTheSamePixelsAndAnotherIsAppliedAfterScaling() throws Exception {
        byte[] plain = TestImages.jpeg(TestImages.quadrants(320, 240), 0.9f);
        Path srgb = TestImages.save(folder, "srgb.jpg", JpegSegments.insertAfterSoi(plain,
                JpegSegments.iccProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())));
        // Linear light: both paths turn the colours through it (mid-grey becomes far lighter), the fast one after
        // scaling.
        Path linear = TestImages.save(folder, "linear.jpg", JpegSegments.insertAfterSoi(plain,
                JpegSegments.iccProfile(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData())));
        Path broken = TestImages.save(folder, "half-profile.jpg", JpegSegments.insertAfterSoi(plain,
                JpegSegments.iccChunk(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData(), 1, 2)));

        DecodedImage fast = FAST.load(srgb, 40, 40);
        assertThat(fast.decoder()).isEqualTo(DecodedImage.TURBOJPEG);
        assertCloseToBoxAverage(fast.image(), REFERENCE.load(srgb, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4)
                .image(), fast.subsampling());
        DecodedImage converted = FAST.load(linear, 40, 40);
        assertThat(converted.decoder()).isEqualTo(DecodedImage.TURBOJPEG);
        assertCloseToBoxAverage(converted.image(), REFERENCE.load(linear, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4)
                .image(), converted.subsampling());
        assertThat(converted.image().getRGB(0, 0)).as("the profile was applied").isNotEqualTo(
                FAST.load(srgb, 40, 40).image().getRGB(0, 0));
        assertThat(FAST.load(broken, 40, 40).decoder()).isEqualTo(DecodedImage.IMAGEIO);
    }

    @Test
    void publicPhotosWithAnSrgbOrAdobeRgbProfileTakeTheFastPathWithTheSamePixels() throws Exception {
        // GIMP's compact "sRGB built-in" and the full "sRGB IEC61966-2.1", which the ImageIO path applies: the
        // identity within rounding. skimage's rocket carries Adobe RGB (1998), which both paths really convert.
        for (String name : new String[] {"phone_IMG_1054.JPG", "skimage_hubble_deep_field.jpg", "skimage_rocket.jpg"}) {
            Path photo = PublicPhotos.photo(name);
            DecodedImage fast = FAST.load(photo, 224, 224);
            assertThat(fast.decoder()).as(name).isEqualTo(DecodedImage.TURBOJPEG);
            DecodedImage full = REFERENCE.load(photo, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);
            assertCloseToBoxAverage(fast.image(), full.image(), fast.subsampling());
        }
    }

    @Test
    void truncatedJpegFallsBackAndFailsExactlyAsBefore() throws Exception {
        byte[] whole = TestImages.jpeg(TestImages.gradientNoise(640, 480), 0.9f);
        Path file = TestImages.save(folder, "truncated.jpg", BadImageFiles.firstHalf(whole));
        ImageDecodeException fast = catchThrowableOfType(() -> FAST.load(file, 40, 40), ImageDecodeException.class);
        ImageDecodeException reference =
                catchThrowableOfType(() -> REFERENCE.load(file, 40, 40), ImageDecodeException.class);
        assertThat(reference).as("ImageIO refuses the truncated file").isNotNull();
        assertThat(fast).as("the fast path must not invent the missing half").isNotNull();
        assertThat(fast.code()).isEqualTo(reference.code());
        assertThat(fast.getMessage()).isEqualTo(reference.getMessage());
    }

    /** Compares {@code scaled} with {@code full} averaged over blocks of {@code factor} x {@code factor} pixels. */
    private static void assertCloseToBoxAverage(BufferedImage scaled, BufferedImage full, int factor) {
        long total = 0;
        long samples = 0;
        for (int y = 0; y < scaled.getHeight(); y++) {
            for (int x = 0; x < scaled.getWidth(); x++) {
                int[] sum = new int[3];
                int count = 0;
                for (int dy = 0; dy < factor && y * factor + dy < full.getHeight(); dy++) {
                    for (int dx = 0; dx < factor && x * factor + dx < full.getWidth(); dx++) {
                        int rgb = full.getRGB(x * factor + dx, y * factor + dy);
                        sum[0] += rgb >> 16 & 0xFF;
                        sum[1] += rgb >> 8 & 0xFF;
                        sum[2] += rgb & 0xFF;
                        count++;
                    }
                }
                int rgb = scaled.getRGB(x, y);
                int[] got = {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
                for (int c = 0; c < 3; c++) {
                    total += Math.abs(Math.round((float) sum[c] / count) - got[c]);
                    samples++;
                }
            }
        }
        double mean = (double) total / samples;
        System.out.printf("1/%d: mean difference from the full ImageIO decode averaged: %.3f levels%n", factor, mean);
        assertThat(mean).as("mean absolute difference at 1/%d", factor).isLessThanOrEqualTo(MAX_MEAN_DIFFERENCE);
    }
}
