package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each supported format and colour representation ends up as the same upright 8-bit sRGB TYPE_INT_RGB picture. */
class ImageLoaderFormatsTest {
    @TempDir
    Path folder;

    private final ImageLoader loader = new ImageLoader();

    @Test
    void jpeg() throws Exception {
        Path file = TestImages.save(folder, "q.jpg", TestImages.jpeg(TestImages.quadrants(32, 16), 0.95f));

        DecodedImage decoded = loader.load(file, 16, 8);

        assertThat(decoded.format()).isEqualTo("jpeg");
        ImageLoaderOrientationTest.assertCorners(decoded.image(), 32, 16,
                TestImages.RED, TestImages.GREEN, TestImages.BLUE, TestImages.WHITE);
    }

    @Test
    void losslessFormatsKeepEveryPixel() throws Exception {
        BufferedImage quadrants = TestImages.quadrants(16, 8);
        for (String format : List.of("png", "bmp", "gif", "tiff")) {
            Path file = TestImages.save(folder, "q." + format, TestImages.encode(quadrants, format));

            DecodedImage decoded = loader.load(file, 8, 4);

            assertThat(decoded.format()).as(format).isEqualTo(format);
            assertThat(decoded.subsampling()).as(format).isEqualTo(1);
            assertSamePixels(decoded.image(), quadrants);
        }
    }

    @Test
    void webpWrittenByHand() throws Exception {
        BufferedImage quadrants = TestImages.quadrants(16, 8);
        Path file = TestImages.save(folder, "q.webp", TinyWebpWriter.write(quadrants));

        DecodedImage decoded = loader.load(file, 8, 4);

        assertThat(decoded.format()).isEqualTo("webp");
        assertSamePixels(decoded.image(), quadrants);
    }

    @Test
    void gifGivesItsFirstFrame() throws Exception {
        BufferedImage first = TestImages.quadrants(16, 8);
        byte[] gif = TestImages.sequence("gif", List.of(first, TestImages.filled(16, 8, TestImages.BLUE)));
        Path file = TestImages.save(folder, "animated.gif", gif);

        DecodedImage decoded = loader.load(file, 8, 4);

        assertSamePixels(decoded.image(), first);
    }

    @Test
    void tiffGivesItsFirstPage() throws Exception {
        BufferedImage first = TestImages.quadrants(16, 8);
        byte[] tiff = TestImages.sequence("tiff", List.of(first, TestImages.filled(16, 8, TestImages.BLUE)));
        Path file = TestImages.save(folder, "pages.tif", tiff);

        DecodedImage decoded = loader.load(file, 8, 4);

        assertThat(decoded.format()).isEqualTo("tiff");
        assertSamePixels(decoded.image(), first);
    }

    @Test
    void eightBitGrayKeepsItsValues() throws Exception {
        // Java2D calls gray "linear", so a naive getRGB would turn 128 into a much lighter grey.
        BufferedImage gray = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 128, 255});
        Path file = TestImages.save(folder, "gray.png", TestImages.encode(gray, "png"));

        BufferedImage decoded = loader.load(file, 1, 1).image();

        assertThat(rgbRow(decoded)).containsExactly(0x000000, 0x808080, 0xFFFFFF);
    }

    @Test
    void sixteenBitGrayIsRescaledToEightBits() throws Exception {
        BufferedImage gray = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        // 257 * v is exactly v in 8 bits; 32896 / 257 = 128.0 and 255 / 257 rounds up to 1.
        gray.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {0, 65535, 257 * 100, 255});
        Path file = TestImages.save(folder, "gray16.png", TestImages.encode(gray, "png"));

        BufferedImage decoded = loader.load(file, 1, 1).image();

        assertThat(rgbRow(decoded)).containsExactly(0x000000, 0xFFFFFF, 0x646464, 0x010101);
    }

    @Test
    void sixteenBitRgbIsRescaledToEightBits() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {65535, 0, 257 * 100});
        raster.setPixel(1, 0, new int[] {257 * 200, 257 * 50, 65535});
        BufferedImage rgb16 = new BufferedImage(model, raster, false, null);
        Path file = TestImages.save(folder, "rgb16.png", TestImages.encode(rgb16, "png"));

        BufferedImage decoded = loader.load(file, 1, 1).image();

        assertThat(rgbRow(decoded)).containsExactly(0xFF0064, 0xC832FF);
    }

    @Test
    void paletteImagesBecomeTheirColours() throws Exception {
        byte[] reds = {(byte) 255, 0, 0, 10};
        byte[] greens = {0, (byte) 255, 0, 20};
        byte[] blues = {0, 0, (byte) 255, 30};
        IndexColorModel palette = new IndexColorModel(2, 4, reds, greens, blues);
        BufferedImage indexed = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {3, 2, 1, 0});
        Path file = TestImages.save(folder, "palette.png", TestImages.encode(indexed, "png"));

        BufferedImage decoded = loader.load(file, 1, 1).image();

        assertThat(rgbRow(decoded)).containsExactly(0x0A141E, 0x0000FF, 0x00FF00, 0xFF0000);
    }

    @Test
    void alphaIsCompositedOverWhite() throws Exception {
        BufferedImage argb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00123456); // fully transparent: pure white whatever its colour
        argb.setRGB(1, 0, 0x80FF0000); // half-transparent red: red stays 255, green and blue 255 * 127 / 255
        argb.setRGB(2, 0, 0xFF0000FF); // opaque blue
        Path file = TestImages.save(folder, "alpha.png", TestImages.encode(argb, "png"));

        BufferedImage decoded = loader.load(file, 1, 1).image();

        int[] row = rgbRow(decoded);
        assertThat(row[0]).isEqualTo(0xFFFFFF);
        assertChannelsNear(row[1], 255, 127, 127, 1);
        assertThat(row[2]).isEqualTo(0x0000FF);
    }

    @Test
    void grayWithAlphaIsCompositedOverWhite() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                new int[] {8, 8}, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(3, 1);
        raster.setPixel(0, 0, new int[] {0, 0});
        raster.setPixel(1, 0, new int[] {0, 255});
        raster.setPixel(2, 0, new int[] {0, 51}); // 20 % black over white: 255 * 204 / 255 = 204
        Path file = TestImages.save(folder, "gray-alpha.png",
                TestImages.encode(new BufferedImage(model, raster, false, null), "png"));

        BufferedImage decoded = loader.load(file, 1, 1).image();

        assertThat(rgbRow(decoded)).containsExactly(0xFFFFFF, 0x000000, 0xCCCCCC);
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws Exception {
        Path file = TestImages.save(folder, "cmyk.jpg", AdobeJpegs.cmykQuadrants(16, false));

        DecodedImage decoded = loader.load(file, 8, 8);

        assertCmykQuadrants(decoded.image());
        // TwelveMonkeys tells when it had to guess the CMYK profile; the user should hear it too.
        assertThat(decoded.warnings()).anySatisfy(warning -> assertThat(warning).contains("CMYK"));
    }

    @Test
    void ycckJpegIsConvertedToRgb() throws Exception {
        Path file = TestImages.save(folder, "ycck.jpg", AdobeJpegs.cmykQuadrants(16, true));

        assertCmykQuadrants(loader.load(file, 8, 8).image());
    }

    @Test
    void realSixteenBitGrayTiff() throws Exception {
        // skimage's chessboard stores 0 and 255 in 16-bit samples, so its "white" squares are 255/65535 of full
        // scale: correctly decoded they are almost black (level 1), which is what any faithful viewer shows.
        DecodedImage decoded = loader.load(PublicPhotos.photo("skimage_chessboard_GRAY_U16.tif"), 50, 50);

        assertThat(decoded.format()).isEqualTo("tiff");
        assertThat(decoded.originalWidth()).isEqualTo(200);
        assertThat(decoded.image().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x010101);
        assertThat(decoded.image().getRGB(decoded.image().getWidth() - 1, 0) & 0xFFFFFF).isEqualTo(0x000000);
    }

    @Test
    void realMultipageFloatTiff() throws Exception {
        DecodedImage decoded = loader.load(PublicPhotos.photo("skimage_multipage_rgb.tif"), 5, 5);

        assertThat(decoded.image().getWidth()).isEqualTo(10);
        assertThat(decoded.image().getHeight()).isEqualTo(10);
        // The first page stores float samples; its pixel (0, 0) is (0.1223, 0.1532, 0.7516) of full scale.
        assertChannelsNear(decoded.image().getRGB(0, 0), 31, 39, 192, 1);
    }

    @Test
    void realPalettePng() throws Exception {
        Path file = PublicPhotos.photo("skimage_palette_color.png");

        BufferedImage decoded = loader.load(file, 5, 5).image();

        // Palette lookup is exact in any correct decoder; compare with ImageIO's own index-to-colour mapping.
        BufferedImage reference = ImageIO.read(file.toFile());
        assertThat(reference.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertSamePixels(decoded, reference);
    }

    private static void assertCmykQuadrants(BufferedImage image) {
        assertChannelsNear(image.getRGB(4, 4), 255, 255, 255, 24); // no ink
        assertChannelsNear(image.getRGB(12, 4), 0, 0, 0, 60); // full black ink
        assertChannelsNear(image.getRGB(4, 12), 0, 255, 255, 60); // full cyan ink
        assertChannelsNear(image.getRGB(12, 12), 255, 255, 0, 60); // full yellow ink
    }

    static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y)).as("pixel (%d, %d)", x, y)
                        .isEqualTo(expected.getRGB(x, y) | 0xFF000000);
            }
        }
    }

    private static int[] rgbRow(BufferedImage image) {
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        int[] row = image.getRGB(0, 0, image.getWidth(), 1, null, 0, image.getWidth());
        for (int i = 0; i < row.length; i++) {
            row[i] &= 0xFFFFFF;
        }
        return row;
    }

    private static void assertChannelsNear(int rgb, int red, int green, int blue, int tolerance) {
        String hex = String.format("%06x", rgb & 0xFFFFFF);
        assertThat((rgb >> 16) & 0xFF).as("red of %s", hex).isCloseTo(red, within(tolerance));
        assertThat((rgb >> 8) & 0xFF).as("green of %s", hex).isCloseTo(green, within(tolerance));
        assertThat(rgb & 0xFF).as("blue of %s", hex).isCloseTo(blue, within(tolerance));
    }
}
