package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.HeifTools;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.awt.color.ColorSpace;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEIC and AVIF files made from the public photos by libheif's and libavif's own encoders decode to the same pixels
 * as libheif's own decoder ({@code heif-convert}) writes to PNG: 8 and 10 bit, tiled, with alpha, with an EXIF
 * orientation that must not be applied on top of the file's own transformations.
 */
class ImageLoaderHeifTest {
    /** JPEG (the PNG reference) and HEVC both round; more than this is a wrong pixel, not rounding. */
    private static final double MAX_MEAN_LEVELS = 1.0;

    @TempDir
    Path folder;

    private final ImageLoader loader = new ImageLoader();

    @Test
    void heicDecodesAsLibheifItselfDoes() throws Exception {
        Path heic = HeifTools.heifEnc(PublicPhotos.photo("skimage_coffee.png"), folder.resolve("coffee.heic"));

        DecodedImage decoded = loader.load(heic, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);

        assertThat(decoded.format()).isEqualTo("heif");
        assertThat(decoded.decoder()).isEqualTo(DecodedImage.LIBHEIF);
        assertThat(decoded.subsampling()).isEqualTo(1);
        assertMatchesReference(decoded, heic);
    }

    @Test
    void avifDecodesAsLibheifItselfDoes() throws Exception {
        Path avif = HeifTools.heifEnc(PublicPhotos.photo("skimage_motorcycle_left.png"),
                folder.resolve("motorcycle.avif"), "-A");

        DecodedImage decoded = loader.load(avif, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);

        assertThat(decoded.format()).isEqualTo("avif");
        assertMatchesReference(decoded, avif);
    }

    @Test
    void tenBitHeicIsTurnedInto8Bits() throws Exception {
        Path png16 = folder.resolve("astronaut16.png");
        ImageIO.write(to16Bit(ImageIO.read(PublicPhotos.photo("phone_debian.png").toFile())), "png",
                png16.toFile());
        Path heic = HeifTools.heifEnc(png16, folder.resolve("astronaut10.heic"), "-b", "10");

        DecodedImage decoded = loader.load(heic, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);

        assertMatchesReference(decoded, heic);
    }

    @Test
    void tenBitTiledAvifIsJoinedFromItsGrid() throws Exception {
        Path avif = HeifTools.avifenc(PublicPhotos.photo("skimage_coffee.png"), folder.resolve("grid.avif"),
                "--grid", "2x2", "-d", "10");

        DecodedImage decoded = loader.load(avif, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);

        assertThat(decoded.originalWidth()).isEqualTo(600);
        assertThat(decoded.originalHeight()).isEqualTo(400);
        assertMatchesReference(decoded, avif);
    }

    @Test
    void theExifOrientationOfAHeicIsNotAppliedOnTopOfItsOwnTransformations() throws Exception {
        // heif-enc copies a JPEG's EXIF (here orientation 6, "turn 90 degrees") into the HEIC as it is; readers of
        // HEIF apply the file's irot/imir instead, so the picture must come out as heif-convert shows it.
        byte[] jpeg = TestImages.jpeg(ImageIO.read(PublicPhotos.photo("skimage_coffee.png").toFile()), 0.95f);
        Path rotated = TestImages.save(folder, "rotated.jpg",
                JpegSegments.insertAfterSoi(jpeg, JpegSegments.exifOrientation(6, ByteOrder.BIG_ENDIAN)));
        Path heic = HeifTools.heifEnc(rotated, folder.resolve("rotated.heic"));

        DecodedImage decoded = loader.load(heic, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);

        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.NORMAL);
        assertThat(decoded.originalWidth()).isEqualTo(600);
        assertThat(decoded.originalHeight()).isEqualTo(400);
        assertMatchesReference(decoded, heic);
    }

    @Test
    void theFilesOwnRotationIsAppliedOnceEvenWithTheSameRotationInItsExif() throws Exception {
        // As an iPhone writes it: the rotation as an irot property and again as EXIF orientation 6 (turn 90 degrees
        // clockwise). irot 3 is three quarter turns anticlockwise, the same turn; applying both would give 180.
        Path exif = TestImages.save(folder, "orientation6.exif", ExifBytes.orientationOnly(6, ByteOrder.BIG_ENDIAN));
        Path source = PublicPhotos.photo("skimage_coffee.png");
        Path avif = HeifTools.avifenc(source, folder.resolve("turned.avif"), "--irot", "3", "--exif",
                exif.toString(), "--min", "0", "--max", "10");

        DecodedImage decoded = loader.load(avif, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);

        assertThat(decoded.originalWidth()).isEqualTo(400);
        assertThat(decoded.originalHeight()).isEqualTo(600);
        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.NORMAL);
        assertMatchesReference(decoded, avif);
        BufferedImage stored = ImageIO.read(source.toFile());
        BufferedImage rgb = new BufferedImage(stored.getWidth(), stored.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(stored, 0, 0, null);
        BufferedImage turnedSource = ExifOrientation.ROTATE_90_CW.apply(rgb);
        assertThat(meanAbsoluteDifference(decoded.image(), turnedSource)).isLessThanOrEqualTo(3.0);
    }

    @Test
    void anIccProfileIsConvertedToSrgbAsForAJpegWithTheSameProfile() throws Exception {
        // The rocket photo carries an Adobe RGB (1998) profile, which heif-enc keeps in the HEIC: the JPEG decoded
        // through that profile by ImageIO and the HEIC by libheif plus our conversion must show the same colours.
        Path jpeg = PublicPhotos.photo("skimage_rocket.jpg");
        Path heic = HeifTools.heifEnc(jpeg, folder.resolve("rocket.heic"), "-q", "95", "-p", "chroma=444");

        DecodedImage fromHeic = loader.load(heic, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);
        DecodedImage fromJpeg = loader.load(jpeg, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);
        BufferedImage unconverted = ImageIO.read(HeifTools.heifConvertToPng(heic, folder.resolve("rocket.png"))
                .toFile());

        double converted = meanAbsoluteDifference(fromHeic.image(), fromJpeg.image());
        double asStored = meanAbsoluteDifference(unconverted, fromJpeg.image());
        System.out.printf("rocket: HEIC vs JPEG mean difference %.2f levels converted, %.2f as stored%n", converted,
                asStored);
        // Re-encoding the JPEG's pixels as HEVC costs a few levels; the profile left unconverted costs far more.
        assertThat(converted).isLessThanOrEqualTo(3.0);
        assertThat(asStored).isGreaterThan(converted * 2);
    }

    @Test
    void alphaIsCompositedOverWhite() throws Exception {
        BufferedImage half = new BufferedImage(32, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                half.setRGB(x, y, x < 16 ? 0xFF0000FF : 0x00000000);
            }
        }
        Path png = folder.resolve("half.png");
        ImageIO.write(half, "png", png.toFile());
        Path heic = HeifTools.heifEnc(png, folder.resolve("half.heic"), "-L", "-p", "chroma=444");

        DecodedImage decoded = loader.load(heic, 32, 16);

        int transparent = decoded.image().getRGB(28, 8) & 0xFFFFFF;
        int opaque = decoded.image().getRGB(4, 8) & 0xFFFFFF;
        assertThat(TestImages.name(TestImages.nearestQuadrantColour(transparent))).isEqualTo("white");
        assertThat(TestImages.name(TestImages.nearestQuadrantColour(opaque))).isEqualTo("blue");
    }

    @Test
    void bigPhotosAreSubsampledTowardsTheTarget() throws Exception {
        Path heic = HeifTools.heifEnc(PublicPhotos.photo("skimage_coffee.png"), folder.resolve("a.heic"));

        DecodedImage decoded = loader.load(heic, 40, 40);

        // As for ImageIO's source subsampling: every n-th pixel, keeping five times the target on each side.
        assertThat(decoded.subsampling()).isEqualTo(2);
        assertThat(decoded.originalWidth()).isEqualTo(600);
        assertThat(decoded.image().getWidth()).isEqualTo(300);
    }

    @Test
    void recognisedByContentWhateverTheName() throws Exception {
        Path heic = HeifTools.heifEnc(PublicPhotos.photo("skimage_coffee.png"), folder.resolve("c.heic"));
        Path namedJpeg = Files.copy(heic, folder.resolve("IMG_0001.jpg"));
        Path jpegNamedHeic = Files.copy(PublicPhotos.photo("skimage_rocket.jpg"), folder.resolve("IMG_0002.heic"));

        assertThat(loader.load(namedJpeg, 64, 64).format()).isEqualTo("heif");
        assertThat(loader.load(jpegNamedHeic, 64, 64).format()).isEqualTo("jpeg");
    }

    @Test
    void theDeclaredSizeIsCheckedAgainstThePixelLimitBeforeDecoding() throws Exception {
        Path heic = HeifTools.heifEnc(PublicPhotos.photo("skimage_coffee.png"), folder.resolve("c.heic"));
        ImageLoader strict = new ImageLoader(new ImageLimits(100_000, ImageLimits.DEFAULT_MAX_SIDE));

        assertThatThrownBy(() -> strict.load(heic, 64, 64))
                .isInstanceOfSatisfying(ImageDecodeException.class,
                        e -> assertThat(e.code()).isEqualTo(ImageErrorCode.IMAGE_TOO_LARGE))
                .hasMessageContaining("c.heic").hasMessageContaining("600 x 400")
                .hasMessageContaining("--max-megapixels");
    }

    @Test
    void withoutLibheifTheUserIsToldWhatToInstall() throws Exception {
        Path heic = HeifTools.heifEnc(PublicPhotos.photo("skimage_coffee.png"), folder.resolve("c.heic"));
        ImageLoader withoutLibheif = new ImageLoader(ImageLimits.DEFAULT, NativeDecoding.NATIVE_WHEN_AVAILABLE,
                Optional.empty());

        assertThatThrownBy(() -> withoutLibheif.load(heic, 64, 64))
                .isInstanceOfSatisfying(ImageDecodeException.class,
                        e -> assertThat(e.code()).isEqualTo(ImageErrorCode.DECODER_MISSING))
                .hasMessageContaining("c.heic: HEIC is not supported on this system: install libheif "
                        + "(Debian/Ubuntu: apt-get install libheif1)");
    }

    @Test
    void aTruncatedHeicIsACorruptImage() throws Exception {
        Path heic = HeifTools.heifEnc(PublicPhotos.photo("skimage_coffee.png"), folder.resolve("c.heic"));
        byte[] bytes = Files.readAllBytes(heic);
        Path truncated = TestImages.save(folder, "cut.heic", Arrays.copyOf(bytes, bytes.length * 2 / 3));

        assertThatThrownBy(() -> loader.load(truncated, 64, 64))
                .isInstanceOfSatisfying(ImageDecodeException.class,
                        e -> assertThat(e.code()).isEqualTo(ImageErrorCode.CORRUPT_IMAGE))
                .hasMessageContaining("cut.heic");
    }

    private void assertMatchesReference(DecodedImage decoded, Path heif) throws Exception {
        Path png = HeifTools.heifConvertToPng(heif, folder.resolve(heif.getFileName() + ".reference.png"));
        // heif-convert copies the HEIC's EXIF into the PNG; its pixels as stored are the reference, unrotated.
        BufferedImage reference = ImageIO.read(png.toFile());
        assertThat(decoded.image().getWidth()).isEqualTo(reference.getWidth());
        assertThat(decoded.image().getHeight()).isEqualTo(reference.getHeight());
        assertThat(meanAbsoluteDifference(decoded.image(), reference)).isLessThanOrEqualTo(MAX_MEAN_LEVELS);
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    total += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return total / (3.0 * a.getWidth() * a.getHeight());
    }

    private static BufferedImage to16Bit(BufferedImage source) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(source.getWidth(), source.getHeight());
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                int rgb = source.getRGB(x, y);
                raster.setPixel(x, y, new int[] {(rgb >> 16 & 0xFF) * 257, (rgb >> 8 & 0xFF) * 257,
                        (rgb & 0xFF) * 257});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }
}
