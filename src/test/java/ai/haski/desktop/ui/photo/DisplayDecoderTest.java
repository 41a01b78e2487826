package ai.haski.desktop.ui.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.DownScale;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class DisplayDecoderTest {
    private final DisplayDecoder decoder = new DisplayDecoder(new ImageLoader());

    @Test
    void aTwelveMegapixelPhonePhotoIsShownSharpButNotAtFullSize() throws ImageDecodeException {
        DisplayPicture picture = decoder.decode(TestFiles.photo("phone_IMG_20200827_231612.jpg"));

        assertThat(picture.originalWidth()).isEqualTo(4000);
        assertThat(picture.originalHeight()).isEqualTo(3000);
        assertThat(Math.max(picture.pixels().width(), picture.pixels().height())).isLessThanOrEqualTo(DisplayDecoder.MAX_SIDE);
        assertThat(Math.min(picture.pixels().width(), picture.pixels().height())).isGreaterThanOrEqualTo(1280);
        assertThat(picture.pixels().width() * 3).isEqualTo(picture.pixels().height() * 4);
        assertThat(picture.pixels().argb()[0] >>> 24).as("opaque").isEqualTo(0xFF);
    }

    @Test
    void aSmallPhotoIsShownAsItIs() throws ImageDecodeException {
        DisplayPicture picture = decoder.decode(TestFiles.photo("skimage_astronaut.png"));
        assertThat(picture.pixels().width()).isEqualTo(512);
        assertThat(picture.originalWidth()).isEqualTo(512);
    }

    @Test
    void aDamagedPhotoFailsWithTheDecodersMessage() {
        assertThatThrownBy(() -> decoder.decode(TestFiles.photo("broken_skimage_truncated.jpg")))
                .isInstanceOf(ImageDecodeException.class).hasMessageStartingWith("Cannot use broken_skimage_truncated.jpg");
    }

    @Test
    void shrinkingKeepsTheAspectAndStopsAtTheLimit() {
        BufferedImage large = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        BufferedImage shown = DownScale.fitWithin(large, 2560);
        assertThat(shown.getWidth()).isEqualTo(2560);
        assertThat(shown.getHeight()).isEqualTo(1920);
        assertThat(DownScale.fitWithin(shown, 2560)).isSameAs(shown);
    }
}
