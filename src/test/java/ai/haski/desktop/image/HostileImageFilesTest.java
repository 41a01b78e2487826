package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader against every file in {@link HostileImages}: each is refused with its stable code and a message naming
 * it, or decodes when it is a valid picture, and never takes more than a few seconds.
 */
class HostileImageFilesTest {
    private static final Duration PER_FILE = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private final ImageLoader loader = new ImageLoader();

    static List<HostileImages.Case> cases() {
        return HostileImages.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileFileGetsItsCodeAndAMessageNamingIt(HostileImages.Case hostile) {
        Path file = TestImages.save(folder, hostile.name(), hostile.bytes());

        if (hostile.mustDecode()) {
            DecodedImage decoded = assertTimeoutPreemptively(PER_FILE, () -> loader.load(file, 224, 224));
            assertThat(decoded.image().getWidth()).isPositive();
            return;
        }
        ImageDecodeException failure = assertTimeoutPreemptively(PER_FILE,
                () -> catchThrowableOfType(ImageDecodeException.class, () -> loader.load(file, 224, 224)));

        assertThat(failure).as("%s should be refused", hostile.name()).isNotNull();
        assertThat(failure.code().code()).as(failure.getMessage()).isEqualTo(hostile.expectedCode());
        assertThat(failure.getMessage()).startsWith("Cannot use " + hostile.name() + ": ");
        assertThat(failure.file()).isEqualTo(file);
    }

    @Test
    void aGifWhoseImageDataEndsEarlyIsRefusedRatherThanAnalysedWithRowsOfColourZero() {
        // The JDK GIF reader returns such a picture without an exception or a warning; only its progress tells.
        HostileImages.Case gif = HostileImages.truncated().stream()
                .filter(c -> c.name().equals("gif whose image data ends early.gif")).findFirst().orElseThrow();
        Path file = TestImages.save(folder, gif.name(), gif.bytes());

        ImageDecodeException failure = catchThrowableOfType(ImageDecodeException.class, () -> loader.load(file, 20, 20));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.CORRUPT_IMAGE);
        assertThat(failure).hasMessageContaining("incomplete").hasMessageContaining("ends after 3% of the rows");
    }

    @Test
    void aWebpWhoseDataEndsLongBeforeItsDeclaredSizeIsRefusedQuicklyNotDecodedForMinutes() {
        // Found by fuzzing: 151 bytes declaring 1956 x 1857 pixels took over three minutes to "decode" to padding.
        Path file = TestImages.save(folder, "short.webp", java.util.Arrays.stream(HostileImages.impossibleSizes()
                .toArray(HostileImages.Case[]::new)).filter(c -> c.name().startsWith("webp 2000")).findFirst()
                .orElseThrow().bytes());

        ImageDecodeException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(ImageDecodeException.class, () -> loader.load(file, 224, 224)));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.CORRUPT_IMAGE);
        assertThat(failure).hasMessageContaining("short.webp").hasMessageContaining("incomplete")
                .hasMessageContaining("past the end of the file");
    }

    @Test
    void aLargeCompleteWebpStillDecodesUnderTheEndOfDataGuard() throws Exception {
        Path file = TestImages.save(folder, "large.webp", TinyWebpWriter.write(TestImages.quadrants(1200, 900)));

        DecodedImage decoded = loader.load(file, 224, 224);

        assertThat(decoded.originalWidth()).isEqualTo(1200);
        assertThat(TestImages.nearestQuadrantColour(decoded.image().getRGB(10, 10))).isEqualTo(TestImages.RED);
        assertThat(TestImages.nearestQuadrantColour(decoded.image().getRGB(decoded.image().getWidth() - 10,
                decoded.image().getHeight() - 10))).isEqualTo(TestImages.WHITE);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void entriesThatAreNotOrdinaryFilesAreRefusedWithoutBlocking() {
        Map<String, String> expected = HostileImages.writeSpecialEntries(folder);

        for (Map.Entry<String, String> entry : expected.entrySet()) {
            Path path = folder.resolve(entry.getKey());
            ImageDecodeException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> catchThrowableOfType(ImageDecodeException.class, () -> loader.load(path, 224, 224)),
                    entry.getKey());
            assertThat(failure).as(entry.getKey()).isNotNull();
            assertThat(failure.code().code()).as(failure.getMessage()).isEqualTo(entry.getValue());
            assertThat(failure.getMessage()).contains(path.getFileName().toString());
        }
    }

    @Test
    void aRealDecompressionBombIsRefusedFromItsHeader() {
        Path bomb = HostileImages.writeDecompressionBomb(folder.resolve("bomb.png"));
        assertThat(bomb).satisfies(f -> assertThat(Files.size(f)).isBetween(100_000L, 1_000_000L));

        ImageDecodeException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> catchThrowableOfType(ImageDecodeException.class, () -> loader.load(bomb, 224, 224)));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.IMAGE_TOO_LARGE);
        assertThat(failure).hasMessageContaining("bomb.png").hasMessageContaining("20000 x 20000")
                .hasMessageContaining("400 megapixels").hasMessageContaining("--max-megapixels");
    }

    @Test
    void aRealDecompressionBombAllowedByARaisedLimitDecodesSubsampledNotIntoFourHundredMegabytes() throws Exception {
        Path bomb = HostileImages.writeDecompressionBomb(folder.resolve("bomb.png"));
        ImageLoader lenient = new ImageLoader(ImageLimits.ofMegapixels(500));

        DecodedImage decoded = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> lenient.load(bomb, 224, 224));

        assertThat(decoded.originalWidth()).isEqualTo(HostileImages.BOMB_SIDE);
        assertThat(decoded.subsampling()).isEqualTo(HostileImages.BOMB_SIDE / (SourceSubsampling.SAFETY_MARGIN * 224));
        // At most twice the margin times the target on a side: about 20 MB of pixels, not 1.6 GB.
        assertThat(decoded.image().getWidth()).isLessThan(2 * SourceSubsampling.SAFETY_MARGIN * 224);
        assertThat(decoded.image().getRGB(100, 100) & 0xFFFFFF).isZero();
    }

    @Test
    void aReal256MegapixelJpegIsRefusedByTheDefaultLimitSayingHowToRaiseIt() {
        Path huge = HostileImages.writeHugeJpeg(folder.resolve("huge scan.jpg"), HostileImages.HUGE_JPEG_SIDE);

        ImageDecodeException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> catchThrowableOfType(ImageDecodeException.class, () -> loader.load(huge, 224, 224)));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.IMAGE_TOO_LARGE);
        assertThat(failure).hasMessageContaining("huge scan.jpg").hasMessageContaining("16000 x 16000")
                .hasMessageContaining("256 megapixels").hasMessageContaining("limit of 100 megapixels")
                .hasMessageContaining("--max-megapixels");
    }

    @Test
    void aReal256MegapixelJpegAllowedByARaisedLimitDecodesSubsampled() throws Exception {
        // Full size would be 1 GB of int pixels, more than this test JVM's whole heap.
        Path huge = HostileImages.writeHugeJpeg(folder.resolve("huge scan.jpg"), HostileImages.HUGE_JPEG_SIDE);
        // ImageIO's point subsampling, the path every JPEG takes where TurboJPEG is missing or switched off.
        ImageLoader lenient = new ImageLoader(ImageLimits.ofMegapixels(300), NativeDecoding.IMAGEIO_ONLY);

        DecodedImage decoded = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> lenient.load(huge, 224, 224));

        assertThat(decoded.originalWidth()).isEqualTo(HostileImages.HUGE_JPEG_SIDE);
        assertThat(decoded.subsampling()).isEqualTo(HostileImages.HUGE_JPEG_SIDE / (SourceSubsampling.SAFETY_MARGIN * 224));
        int grey = decoded.image().getRGB(200, 200) & 0xFF;
        assertThat(grey).isBetween(120, 136);
        assertThat(decoded.warnings()).isEmpty();
    }

    @Test
    void theSame256MegapixelJpegThroughTurboJpegDecodesAtOneEighth() throws Exception {
        assumeTrue(TurboJpegLibrary.shared().isPresent(), "libturbojpeg.so.0 is not installed; install it: apt-get install libturbojpeg0");
        Path huge = HostileImages.writeHugeJpeg(folder.resolve("huge scan.jpg"), HostileImages.HUGE_JPEG_SIDE);
        ImageLoader lenient = new ImageLoader(ImageLimits.ofMegapixels(300));

        DecodedImage decoded = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> lenient.load(huge, 224, 224));

        assertThat(decoded.decoder()).isEqualTo(DecodedImage.TURBOJPEG);
        assertThat(decoded.originalWidth()).isEqualTo(HostileImages.HUGE_JPEG_SIDE);
        assertThat(decoded.subsampling()).isEqualTo(8);
        assertThat(decoded.image().getWidth()).isEqualTo(HostileImages.HUGE_JPEG_SIDE / 8);
        int grey = decoded.image().getRGB(200, 200) & 0xFF;
        assertThat(grey).isBetween(120, 136);
        assertThat(decoded.warnings()).isEmpty();
    }
}
