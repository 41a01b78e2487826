package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The libpng fast path: taken for opaque 8-bit PNGs without colour chunks and giving exactly the pixels ImageIO gives;
 * declined (ImageIO decodes, with its usual errors) for alpha, transparency, gAMA and damaged files.
 */
class LibpngDecodingTest {
    private static final ImageLoader FAST = new ImageLoader(ImageLimits.DEFAULT, NativeDecoding.NATIVE_WHEN_AVAILABLE);
    private static final ImageLoader REFERENCE = new ImageLoader(ImageLimits.DEFAULT, NativeDecoding.IMAGEIO_ONLY);

    @TempDir
    Path folder;

    @BeforeEach
    void libraryIsThere() {
        // The app runs without libpng (ImageIO decodes every PNG); .ci/run fails on any skipped test, and every
        // Debian desktop has libpng16-16, so CI always runs these.
        assumeTrue(PngLibrary.shared().isPresent(), "libpng16.so.16 is not installed; install it: apt-get install "
                + "libpng16-16");
    }

    @ParameterizedTest
    @ValueSource(strings = {"skimage_coffee.png", "skimage_motorcycle_left.png", "skimage_camera.png",
            "skimage_coins.png", "phone_debian_logo.png", "skimage_astronaut.png", "skimage_chelsea.png"})
    void publicPngsTakeTheFastPathWithTheSamePixelsAsImageIo(String name) throws Exception {
        Path photo = PublicPhotos.photo(name);

        DecodedImage fast = FAST.load(photo, 224, 224);
        DecodedImage reference = REFERENCE.load(photo, 224, 224);

        // Gray (camera, coins), palette (the logo), RGB, and RGB with the old HP sRGB profile libpng calls "known
        // incorrect" (the astronaut, chelsea): a warning about a profile already judged sRGB in effect.
        assertThat(fast.decoder()).isEqualTo(DecodedImage.LIBPNG);
        assertThat(reference.decoder()).isEqualTo(DecodedImage.IMAGEIO);
        assertSamePixels(fast.image(), reference.image());
    }

    @Test
    void interlacedAndFewBitPalettePngsGiveTheSamePixels() throws Exception {
        BufferedImage photo = ImageIO.read(PublicPhotos.photo("skimage_coffee.png").toFile());
        Path interlaced = folder.resolve("interlaced.png");
        Files.write(interlaced, png(photo, true));
        byte[] levels = {0, (byte) 85, (byte) 170, (byte) 255};
        BufferedImage fourColours = new BufferedImage(37, 23, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(2, 4, levels, levels.clone(), new byte[] {9, 60, (byte) 200, 30}));
        Random random = new Random(7);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                fourColours.getRaster().setSample(x, y, 0, random.nextInt(4));
            }
        }
        Path twoBit = folder.resolve("two-bit.png");
        Files.write(twoBit, png(fourColours, false));

        for (Path file : new Path[] {interlaced, twoBit}) {
            DecodedImage fast = FAST.load(file, 224, 224);
            assertThat(fast.decoder()).as(file.getFileName().toString()).isEqualTo(DecodedImage.LIBPNG);
            assertSamePixels(fast.image(), REFERENCE.load(file, 224, 224).image());
        }
    }

    @Test
    void alphaTransparencyAndGammaAreLeftToImageIo() throws Exception {
        Path alpha = PublicPhotos.photo("phone_debian.png");
        Path gamma = folder.resolve("gamma.png");
        Files.write(gamma, withChunkAfterHeader(Files.readAllBytes(PublicPhotos.photo("skimage_coffee.png")), "gAMA",
                ByteBuffer.allocate(4).putInt(45455).array()));
        Path transparency = folder.resolve("transparency.png");
        Files.write(transparency, withChunkAfterHeader(Files.readAllBytes(PublicPhotos.photo("skimage_camera.png")),
                "tRNS", new byte[] {0, 0}));

        for (Path file : new Path[] {alpha, gamma, transparency}) {
            assertThat(LibpngDecoder.unsuitable(ByteBuffer.wrap(Files.readAllBytes(file))))
                    .as(file.getFileName().toString()).isPresent();
            assertThat(FAST.load(file, 224, 224).decoder()).as(file.getFileName().toString())
                    .isEqualTo(DecodedImage.IMAGEIO);
        }
    }

    @Test
    void aPngImageIoWouldSubsampleKeepsImageIosPicture() throws Exception {
        // For a 16 x 16 target ImageIO reads every second pixel of the 600 x 400 photo; libpng would decode them all.
        DecodedImage small = FAST.load(PublicPhotos.photo("skimage_coffee.png"), 16, 16);

        assertThat(small.decoder()).isEqualTo(DecodedImage.IMAGEIO);
        assertThat(small.subsampling()).isGreaterThan(1);
    }

    @Test
    void aTruncatedPngFailsAsItDoesThroughImageIo() throws Exception {
        byte[] whole = Files.readAllBytes(PublicPhotos.photo("skimage_coffee.png"));
        Path truncated = Files.write(folder.resolve("truncated.png"), Arrays.copyOf(whole, whole.length / 2));

        ImageDecodeException fast = catchThrowableOfType(() -> FAST.load(truncated, 224, 224),
                ImageDecodeException.class);
        ImageDecodeException reference = catchThrowableOfType(() -> REFERENCE.load(truncated, 224, 224),
                ImageDecodeException.class);

        assertThat(reference).as("ImageIO refuses the truncated file").isNotNull();
        assertThat(fast).isNotNull();
        assertThat(fast.code()).isEqualTo(reference.code());
        assertThat(fast.getMessage()).isEqualTo(reference.getMessage());
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                if (a != e) {
                    throw new AssertionError(String.format("pixel %d,%d: %08x, ImageIO %08x", x, y, a, e));
                }
            }
        }
    }

    private static byte[] png(BufferedImage image, boolean interlaced) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The PNG with one more chunk after IHDR, its CRC computed, as an editor that adds one writes it. */
    private static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
        int afterHeader = 8 + 12 + 13;
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        ByteBuffer out = ByteBuffer.allocate(png.length + chunk.capacity());
        out.put(png, 0, afterHeader).put(chunk.array()).put(png, afterHeader, png.length - afterHeader);
        return out.array();
    }
}
