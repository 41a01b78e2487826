package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad file a user can point the app at gets its own code and a message naming the file. */
class ImageLoaderFailuresTest {
    @TempDir
    Path folder;

    private final ImageLoader loader = new ImageLoader();

    @Test
    void missingFile() {
        ImageDecodeException failure = failureFor(folder.resolve("gone.jpg"));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.FILE_NOT_FOUND);
        assertThat(failure).hasMessageContaining("gone.jpg").hasMessageContaining("does not exist");
    }

    @Test
    void emptyFile() throws Exception {
        Path file = Files.createFile(folder.resolve("empty.jpg"));

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.EMPTY_FILE);
        assertThat(failure).hasMessageContaining("empty.jpg").hasMessageContaining("0 bytes");
    }

    @Test
    void folderNamedLikeAnImage() throws Exception {
        Path directory = Files.createDirectory(folder.resolve("x.jpg"));

        ImageDecodeException failure = failureFor(directory);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.NOT_A_REGULAR_FILE);
        assertThat(failure).hasMessageContaining("x.jpg").hasMessageContaining("folder");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void fifoNamedLikeAnImageIsRefusedWithoutBlocking() throws Exception {
        Path fifo = folder.resolve("x.jpg");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).as("mkfifo exit status").isZero();

        // Opening a FIFO for reading blocks until a writer appears; the loader must not even try.
        ImageDecodeException failure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failureFor(fifo));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.NOT_A_REGULAR_FILE);
        assertThat(failure).hasMessageContaining("x.jpg").hasMessageContaining("pipe");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void deviceFile() {
        ImageDecodeException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> failureFor(Path.of("/dev/zero")));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.NOT_A_REGULAR_FILE);
        assertThat(failure).hasMessageContaining("zero");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void unreadableFile() throws Exception {
        Path file = TestImages.save(folder, "secret.png", TestImages.encode(TestImages.quadrants(4, 4), "png"));
        Files.setPosixFilePermissions(file, Set.of());

        if (Files.isReadable(file)) {
            // Root ignores permission bits (CAP_DAC_OVERRIDE), and CI runs as root: load it in a child process that
            // setpriv started without the capabilities that let root read any file, so the refusal is real there too.
            List<String> lines = loadWithoutReadOverride(file);
            assertThat(lines).as("the probe's output").contains("code=" + ImageErrorCode.UNREADABLE)
                    .anySatisfy(line -> assertThat(line).startsWith("message=").contains("secret.png")
                            .contains("permission"));
            return;
        }
        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.UNREADABLE);
        assertThat(failure).hasMessageContaining("secret.png").hasMessageContaining("permission");
    }

    private static List<String> loadWithoutReadOverride(Path file) throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("setpriv", "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0,
                "running as root, the unreadable-file check needs setpriv to drop CAP_DAC_OVERRIDE; install it: "
                        + "apt-get install util-linux");
        Process probe = new ProcessBuilder("setpriv", "--bounding-set=-dac_override,-dac_read_search",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoadFailureProbe.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe finished").isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    @Test
    void textNamedPng() throws Exception {
        Path file = TestImages.save(folder, "notes.png",
                "These are my notes, not a picture.\n".getBytes(StandardCharsets.UTF_8));

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.UNSUPPORTED_FORMAT);
        assertThat(failure).hasMessageContaining("notes.png").hasMessageContaining("JPEG, PNG");
    }

    @Test
    void randomBytesNamedJpg() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path file = TestImages.save(folder, "noise.jpg", noise);

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.UNSUPPORTED_FORMAT);
        assertThat(failure).hasMessageContaining("noise.jpg");
    }

    @Test
    void bytesOnlyAnUnsupportedReaderWouldAccept() throws Exception {
        // Two zero bytes then a tiny size is a valid WBMP header; the JDK's WBMP reader would happily "decode" it.
        Path file = TestImages.save(folder, "zeros.jpg", new byte[] {0, 0, 4, 4, 0, 0, 0, 0});

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.UNSUPPORTED_FORMAT);
        assertThat(failure).hasMessageContaining("zeros.jpg");
    }

    @Test
    void truncatedJpegFromThePhotoCorpus() {
        ImageDecodeException failure = failureFor(PublicPhotos.photo("broken_skimage_truncated.jpg"));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.CORRUPT_IMAGE);
        assertThat(failure).hasMessageContaining("broken_skimage_truncated.jpg");
    }

    @Test
    void jpegCutInHalfIsNotAnalysedAsIfGreyRowsWerePartOfIt() throws Exception {
        // ImageIO decodes this without an exception, filling the missing half with grey and only warning.
        byte[] jpeg = TestImages.jpeg(TestImages.gradientNoise(256, 256), 0.9f);
        Path file = TestImages.save(folder, "half.jpg", BadImageFiles.firstHalf(jpeg));

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.CORRUPT_IMAGE);
        assertThat(failure).hasMessageContaining("half.jpg").hasMessageContaining("incomplete");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tiff", "gif"})
    void otherFormatsCutInHalf(String format) throws Exception {
        byte[] encoded = TestImages.encode(TestImages.gradientNoise(64, 64), format);
        Path file = TestImages.save(folder, "half." + format, BadImageFiles.firstHalf(encoded));

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.CORRUPT_IMAGE);
        assertThat(failure).hasMessageContaining("half." + format);
    }

    @Test
    void hugeDeclaredSizeIsRefusedFromTheHeaderAlone() throws Exception {
        // 30000 x 30000 RGB would need 2.7 GB; the test JVM has 1 GB, so only a header check can pass this test.
        Path file = TestImages.save(folder, "bomb.png", BadImageFiles.pngHeaderOnly(30_000, 30_000));

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.IMAGE_TOO_LARGE);
        assertThat(failure).hasMessageContaining("bomb.png")
                .hasMessageContaining("30000 x 30000")
                .hasMessageContaining("900 megapixels")
                .hasMessageContaining("limit of 100 megapixels")
                .hasMessageContaining("--max-megapixels");
    }

    @Test
    void sideLongerThanTheLimit() throws Exception {
        Path file = TestImages.save(folder, "strip.png", BadImageFiles.pngHeaderOnly(70_000, 10));

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.IMAGE_TOO_LARGE);
        assertThat(failure).hasMessageContaining("strip.png").hasMessageContaining("65500 pixels per side");
    }

    @Test
    void theLimitIsConfigurable() throws Exception {
        Path file = TestImages.save(folder, "small.png", TestImages.encode(TestImages.quadrants(40, 40), "png"));
        ImageLoader strict = new ImageLoader(ImageLimits.ofMegapixels(0.001));

        ImageDecodeException failure = catchThrowableOfType(ImageDecodeException.class,
                () -> strict.load(file, 10, 10));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.IMAGE_TOO_LARGE);
        assertThat(failure).hasMessageContaining("small.png").hasMessageContaining("limit of 0.001 megapixels");
    }

    @Test
    void zeroWidthInAPngHeader() throws Exception {
        Path file = TestImages.save(folder, "flat.png", BadImageFiles.pngHeaderOnly(0, 5));

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.INVALID_DIMENSIONS);
        assertThat(failure).hasMessageContaining("flat.png");
    }

    @Test
    void zeroWidthInAGifHeader() throws Exception {
        Path file = TestImages.save(folder, "flat.gif", BadImageFiles.gifWithZeroWidth());

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.INVALID_DIMENSIONS);
        assertThat(failure).hasMessageContaining("flat.gif").hasMessageContaining("0 x 4");
    }

    @Test
    void webpCutShort() throws Exception {
        // The WebP decoder itself fills missing pixels silently; the RIFF length gives the truncation away.
        byte[] webp = TinyWebpWriter.write(TestImages.quadrants(16, 8));
        Path file = TestImages.save(folder, "short.webp", java.util.Arrays.copyOf(webp, 40));

        ImageDecodeException failure = failureFor(file);

        assertThat(failure.code()).isEqualTo(ImageErrorCode.CORRUPT_IMAGE);
        assertThat(failure).hasMessageContaining("short.webp").hasMessageContaining("incomplete");
    }

    @Test
    void aRuntimeExceptionFromTheCodecBecomesACorruptImage() throws Exception {
        // With the limit raised, the JDK PNG reader itself throws IllegalArgumentException ("Invalid scanline
        // stride") for a 30000 x 30000 RGB picture, whose rows no longer fit Java's int arithmetic.
        Path file = TestImages.save(folder, "stride.png", BadImageFiles.pngHeaderOnly(30_000, 30_000));
        ImageLoader lenient = new ImageLoader(ImageLimits.ofMegapixels(1000));

        ImageDecodeException failure = catchThrowableOfType(ImageDecodeException.class,
                () -> lenient.load(file, 20_000, 20_000));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.CORRUPT_IMAGE);
        assertThat(failure).hasMessageContaining("stride.png");
    }

    @Test
    void runningOutOfMemoryBecomesAClearFailure() throws Exception {
        // 20000 x 20000 RGB at full size needs 1.2 GB of pixels; the test JVM has 1 GB.
        Path file = TestImages.save(folder, "big.png", BadImageFiles.pngHeaderOnly(20_000, 20_000));
        ImageLoader lenient = new ImageLoader(ImageLimits.ofMegapixels(1000));

        ImageDecodeException failure = catchThrowableOfType(ImageDecodeException.class,
                () -> lenient.load(file, 20_000, 20_000));

        assertThat(failure.code()).as(failure.getMessage()).isEqualTo(ImageErrorCode.OUT_OF_MEMORY);
        assertThat(failure).hasMessageContaining("big.png").hasMessageContaining("--max-megapixels");
    }

    private ImageDecodeException failureFor(Path file) {
        ImageDecodeException failure = catchThrowableOfType(ImageDecodeException.class,
                () -> loader.load(file, 224, 224));
        assertThat(failure).as("loading %s should fail", file).isNotNull();
        assertThat(failure.file()).isEqualTo(file);
        return failure;
    }
}
