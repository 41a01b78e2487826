package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kinds {@code bench} reports apart, told from the files' own headers, never from their names. */
class PhotoKindTest {
    @TempDir
    Path folder;

    @Test
    void publicPhotosAreToldApartByTheirHeaders() {
        assertThat(PhotoKind.of(PublicPhotos.photo("phone_IMG_20200827_231612.jpg"))).isEqualTo("baseline JPEG");
        // GIMP's export: progressive, and its compact sRGB profile is sRGB in effect, so not wide-gamut.
        assertThat(PhotoKind.of(PublicPhotos.photo("phone_IMG_1054.JPG"))).isEqualTo("progressive JPEG");
        assertThat(PhotoKind.of(PublicPhotos.photo("phone_IMG-20191006-WA0002.jpg"))).isEqualTo("progressive JPEG");
        assertThat(PhotoKind.of(PublicPhotos.photo("skimage_rocket.jpg"))).isEqualTo("wide-gamut JPEG");
        assertThat(PhotoKind.of(PublicPhotos.photo("skimage_coffee.png"))).isEqualTo("PNG");
        assertThat(PhotoKind.of(PublicPhotos.photo("skimage_multipage_rgb.tif"))).isEqualTo("TIF");
    }

    @Test
    void aProgressiveJpegIsProgressiveWhateverItsName() {
        Path progressive = TestImages.save(folder, "photo.png",
                TestImages.progressiveJpeg(TestImages.gradientNoise(320, 240)));
        assertThat(PhotoKind.of(progressive)).isEqualTo("progressive JPEG");
        Path linear = TestImages.save(folder, "linear.jpg", JpegSegments.insertAfterSoi(
                TestImages.jpeg(TestImages.gradientNoise(320, 240), 0.9f),
                JpegSegments.iccProfile(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData())));
        assertThat(PhotoKind.of(linear)).isEqualTo("wide-gamut JPEG");
    }

    @Test
    void anUnreadableFileIsNamedByItsExtension() {
        assertThat(PhotoKind.of(folder.resolve("gone.webp"))).isEqualTo("WEBP");
    }
}
