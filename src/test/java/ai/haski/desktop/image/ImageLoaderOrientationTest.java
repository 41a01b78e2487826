package ai.haski.desktop.image;

import static ai.haski.desktop.image.TestImages.BLUE;
import static ai.haski.desktop.image.TestImages.GREEN;
import static ai.haski.desktop.image.TestImages.RED;
import static ai.haski.desktop.image.TestImages.WHITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every EXIF orientation in a real JPEG: the stored picture is always 80 x 40 with red, green, blue and white
 * quadrants (top-left, top-right, bottom-left, bottom-right); the expected upright corners are written out by hand.
 * That the results come out right also shows the JPEG reader does not apply the tag itself (or it would be applied
 * twice).
 */
class ImageLoaderOrientationTest {
    private static final int STORED_WIDTH = 80;
    private static final int STORED_HEIGHT = 40;

    @TempDir
    Path folder;

    static Stream<Arguments> orientations() {
        //                       tag  width height   top-left top-right bottom-left bottom-right
        return Stream.of(
                Arguments.of(1, 80, 40, RED, GREEN, BLUE, WHITE),
                Arguments.of(2, 80, 40, GREEN, RED, WHITE, BLUE),
                Arguments.of(3, 80, 40, WHITE, BLUE, GREEN, RED),
                Arguments.of(4, 80, 40, BLUE, WHITE, RED, GREEN),
                Arguments.of(5, 40, 80, RED, BLUE, GREEN, WHITE),
                Arguments.of(6, 40, 80, BLUE, RED, WHITE, GREEN),
                Arguments.of(7, 40, 80, WHITE, GREEN, BLUE, RED),
                Arguments.of(8, 40, 80, GREEN, WHITE, RED, BLUE));
    }

    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("orientations")
    void appliesTheOrientationSoThePictureIsUpright(int tag, int width, int height,
            int topLeft, int topRight, int bottomLeft, int bottomRight) throws Exception {
        Path file = jpegWithOrientation(tag, ByteOrder.BIG_ENDIAN);

        DecodedImage decoded = new ImageLoader().load(file, 20, 20);

        assertThat(decoded.orientation().tagValue()).isEqualTo(tag);
        assertThat(decoded.warnings()).isEmpty();
        assertThat(decoded.originalWidth()).isEqualTo(width);
        assertThat(decoded.originalHeight()).isEqualTo(height);
        assertCorners(decoded.image(), width, height, topLeft, topRight, bottomLeft, bottomRight);
    }

    @Test
    void readsLittleEndianExifToo() throws Exception {
        Path file = jpegWithOrientation(6, ByteOrder.LITTLE_ENDIAN);

        DecodedImage decoded = new ImageLoader().load(file, 20, 20);

        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.ROTATE_90_CW);
        assertCorners(decoded.image(), 40, 80, BLUE, RED, WHITE, GREEN);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {0, 9, 255})
    void treatsAnInvalidOrientationAsUprightAndSaysSo(int tag) throws Exception {
        Path file = jpegWithOrientation(tag, ByteOrder.BIG_ENDIAN);

        DecodedImage decoded = new ImageLoader().load(file, 20, 20);

        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.NORMAL);
        assertThat(decoded.warnings()).singleElement().asString()
                .contains("orientation value " + tag).contains("upright");
        assertCorners(decoded.image(), 80, 40, RED, GREEN, BLUE, WHITE);
    }

    @Test
    void tiffOrientationTagIsAppliedOnce() throws Exception {
        // The TIFF reader returns pixels in file order; were it to apply the tag too, the picture would turn twice.
        Path file = TestImages.save(folder, "turned.tif",
                TinyTiffWriter.write(TestImages.quadrants(STORED_WIDTH, STORED_HEIGHT), 6));

        DecodedImage decoded = new ImageLoader().load(file, 20, 20);

        assertThat(decoded.format()).isEqualTo("tiff");
        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.ROTATE_90_CW);
        assertCorners(decoded.image(), 40, 80, BLUE, RED, WHITE, GREEN);
    }

    @Test
    void pngExifChunkOrientationIsApplied() throws Exception {
        byte[] png = TestImages.encode(TestImages.quadrants(STORED_WIDTH, STORED_HEIGHT), "png");
        byte[] exif = PngChunks.chunk("eXIf", ExifBytes.orientationOnly(8, ByteOrder.BIG_ENDIAN));
        Path file = TestImages.save(folder, "turned.png", PngChunks.insertAfterHeader(png, exif));

        DecodedImage decoded = new ImageLoader().load(file, 20, 20);

        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.ROTATE_270_CW);
        assertCorners(decoded.image(), 40, 80, GREEN, WHITE, RED, BLUE);
    }

    @Test
    void aJpegWithoutExifIsUprightWithoutWarnings() throws Exception {
        Path file = TestImages.save(folder, "plain.jpg",
                TestImages.jpeg(TestImages.quadrants(STORED_WIDTH, STORED_HEIGHT), 0.95f));

        DecodedImage decoded = new ImageLoader().load(file, 20, 20);

        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.NORMAL);
        assertThat(decoded.warnings()).isEmpty();
    }

    @Test
    void subsamplingAimsAtTheUprightTargetWhenTheOrientationTurnsThePicture() throws Exception {
        // Stored 80 x 40, shown 40 x 80; decoded sides must stay at least five times the target. A 2 x 8 upright
        // target is 8 x 2 in stored axes: factor min(80/40, 40/10) = 2, not min(80/10, 40/40) = 1.
        Path file = jpegWithOrientation(6, ByteOrder.BIG_ENDIAN);

        DecodedImage decoded = new ImageLoader().load(file, 2, 8);

        assertThat(decoded.subsampling()).isEqualTo(2);
        assertThat(decoded.image().getWidth()).isEqualTo(20);
        assertThat(decoded.image().getHeight()).isEqualTo(40);
        assertThat(decoded.originalWidth()).isEqualTo(40);
        assertThat(decoded.originalHeight()).isEqualTo(80);
    }

    private Path jpegWithOrientation(int tag, ByteOrder order) {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(STORED_WIDTH, STORED_HEIGHT), 0.95f);
        return TestImages.save(folder, "orientation-" + tag + ".jpg",
                JpegSegments.insertAfterSoi(jpeg, JpegSegments.exifOrientation(tag, order)));
    }

    /** Samples the middle of each quadrant: JPEG blurs colours near the quadrant borders. */
    static void assertCorners(BufferedImage image, int width, int height,
            int topLeft, int topRight, int bottomLeft, int bottomRight) {
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        int left = width / 4;
        int right = width * 3 / 4;
        int top = height / 4;
        int bottom = height * 3 / 4;
        assertThat(colourAt(image, left, top)).as("top-left").isEqualTo(TestImages.name(topLeft));
        assertThat(colourAt(image, right, top)).as("top-right").isEqualTo(TestImages.name(topRight));
        assertThat(colourAt(image, left, bottom)).as("bottom-left").isEqualTo(TestImages.name(bottomLeft));
        assertThat(colourAt(image, right, bottom)).as("bottom-right").isEqualTo(TestImages.name(bottomRight));
    }

    private static String colourAt(BufferedImage image, int x, int y) {
        return TestImages.name(TestImages.nearestQuadrantColour(image.getRGB(x, y)));
    }
}
