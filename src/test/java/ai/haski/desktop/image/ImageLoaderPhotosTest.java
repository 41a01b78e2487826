package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Real phone photos from the public corpus. */
class ImageLoaderPhotosTest {
    private final ImageLoader loader = new ImageLoader();

    @Test
    void twelveMegapixelPhoneJpegIsDecodedSubsampled() throws Exception {
        // ImageIO's point subsampling, the path every JPEG takes where TurboJPEG is missing or switched off.
        DecodedImage decoded = new ImageLoader(ImageLimits.DEFAULT, NativeDecoding.IMAGEIO_ONLY)
                .load(PublicPhotos.photo("phone_IMG_20200827_231612.jpg"), 224, 224);

        assertThat(decoded.format()).isEqualTo("jpeg");
        assertThat(decoded.originalWidth()).isEqualTo(4000);
        assertThat(decoded.originalHeight()).isEqualTo(3000);
        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.NORMAL);
        assertThat(decoded.subsampling()).isEqualTo(2);
        BufferedImage image = decoded.image();
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getWidth()).isEqualTo(2000);
        assertThat(image.getHeight()).isEqualTo(1500);
        assertThat((long) image.getWidth() * image.getHeight()).isEqualTo(4000L * 3000 / 4);
        assertThat(Math.min(image.getWidth(), image.getHeight())).isGreaterThanOrEqualTo(5 * 224);
        assertThat(decoded.warnings()).isEmpty();
    }

    @Test
    void twelveMegapixelPhoneJpegThroughTurboJpegIsDecodedAtOneQuarter() throws Exception {
        assumeTrue(TurboJpegLibrary.shared().isPresent(), "libturbojpeg.so.0 is not installed; install it: apt-get install libturbojpeg0");
        DecodedImage decoded = loader.load(PublicPhotos.photo("phone_IMG_20200827_231612.jpg"), 224, 224);

        assertThat(decoded.decoder()).isEqualTo(DecodedImage.TURBOJPEG);
        assertThat(decoded.originalWidth()).isEqualTo(4000);
        assertThat(decoded.originalHeight()).isEqualTo(3000);
        assertThat(decoded.subsampling()).isEqualTo(4);
        assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(decoded.image().getWidth()).isEqualTo(1000);
        assertThat(decoded.image().getHeight()).isEqualTo(750);
        assertThat(Math.min(decoded.image().getWidth(), decoded.image().getHeight()))
                .isGreaterThanOrEqualTo((int) (DctScale.SAFETY_MARGIN * 224));
        assertThat(decoded.warnings()).isEmpty();
    }

    @Test
    void otherPhoneJpegs() throws Exception {
        DecodedImage canon = loader.load(PublicPhotos.photo("phone_IMG_1054.JPG"), 224, 224);
        assertThat(canon.originalWidth()).isEqualTo(1280);
        assertThat(canon.originalHeight()).isEqualTo(960);
        // 960 / 1120 < 1: any subsampling would leave the short side under five times the target.
        assertThat(canon.subsampling()).isEqualTo(1);

        DecodedImage whatsApp = loader.load(PublicPhotos.photo("phone_IMG-20191006-WA0002.jpg"), 224, 224);
        assertThat(whatsApp.originalWidth()).isEqualTo(1024);
        assertThat(whatsApp.subsampling()).isEqualTo(1);
        assertThat(whatsApp.image().getWidth()).isEqualTo(1024);
    }

    @Test
    void transparentPngIsCompositedOverWhite() throws Exception {
        DecodedImage decoded = loader.load(PublicPhotos.photo("phone_debian.png"), 100, 100);

        assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(decoded.originalWidth()).isEqualTo(800);
    }

    @Test
    void tinyOddJpegFromTheForensicsSamples() throws Exception {
        // Named "empty" in its package, but it is a complete, valid 161 x 1 JPEG: decoding it is right.
        DecodedImage decoded = loader.load(PublicPhotos.photo("broken_forensics_empty.jpg"), 224, 224);

        assertThat(decoded.image().getWidth()).isEqualTo(161);
        assertThat(decoded.image().getHeight()).isEqualTo(1);
        assertThat(decoded.subsampling()).isEqualTo(1);
    }
}
