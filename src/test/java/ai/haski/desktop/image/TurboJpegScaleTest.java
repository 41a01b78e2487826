package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import org.junit.jupiter.api.Test;

/** The pure parts of the TurboJPEG path: choosing the DCT scale and reading the header segments. */
class TurboJpegScaleTest {
    @Test
    void twelveMegapixelsForA224ModelDecodeAtOneQuarter() {
        assertThat(DctScale.denominator(4000, 3000, 224, 224)).isEqualTo(4);
        assertThat(DctScale.denominator(4000, 3000, 100, 100)).isEqualTo(8);
    }

    @Test
    void theMarginHoldsOnTheShorterSideAndSmallPicturesStayWhole() {
        // 1/4 of 3000 is 750 >= 3 x 250 but 1/2 of 1536 is 768 < 3 x 300.
        assertThat(DctScale.denominator(4000, 3000, 250, 250)).isEqualTo(4);
        assertThat(DctScale.denominator(2048, 1536, 300, 300)).isEqualTo(1);
        assertThat(DctScale.denominator(640, 480, 224, 224)).isEqualTo(1);
        assertThat(DctScale.denominator(Integer.MAX_VALUE / 2, 3, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4))
                .isEqualTo(1);
    }

    @Test
    void scaledSidesRoundUpLikeLibjpeg() {
        assertThat(DctScale.scaled(4000, 8)).isEqualTo(500);
        assertThat(DctScale.scaled(1411, 2)).isEqualTo(706);
        assertThat(DctScale.scaled(1, 8)).isEqualTo(1);
    }

    @Test
    void markersTellPlainFramesFromArithmeticAndBrokenOnesAndCarryTheProfile() {
        byte[] plain = TestImages.jpeg(TestImages.quadrants(32, 32), 0.9f);
        assertThat(JpegMarkers.scan(ByteBuffer.wrap(plain)).plain()).isTrue();

        byte[] tagged = JpegSegments.insertAfterSoi(plain,
                JpegSegments.iccProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        JpegMarkers taggedMarkers = JpegMarkers.scan(ByteBuffer.wrap(tagged));
        assertThat(taggedMarkers.iccProfile()).hasValue(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        assertThat(taggedMarkers.plain()).as("the profile is judged apart").isTrue();
        assertThat(JpegMarkers.scan(ByteBuffer.wrap(plain)).iccProfile()).isEmpty();
        // Chunk 1 of 2 with the second missing: a profile that cannot be put together.
        byte[] half = JpegSegments.insertAfterSoi(plain, JpegSegments.iccChunk(new byte[100], 1, 2));
        assertThat(JpegMarkers.scan(ByteBuffer.wrap(half)).iccProfile()).hasValue(JpegMarkers.BROKEN_PROFILE);

        byte[] arithmetic = plain.clone();
        int sof = indexOfMarker(arithmetic, 0xC0);
        arithmetic[sof + 1] = (byte) 0xC9; // SOF9: arithmetic-coded sequential
        assertThat(JpegMarkers.scan(ByteBuffer.wrap(arithmetic)).frameMarker()).isEqualTo(0xC9);
        assertThat(JpegMarkers.scan(ByteBuffer.wrap(arithmetic)).plain()).isFalse();

        assertThat(JpegMarkers.scan(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xD8, 0x12, 0x34})).plain())
                .isFalse();
        assertThat(JpegMarkers.scan(ByteBuffer.wrap(java.util.Arrays.copyOf(plain, 30))).plain()).isFalse();
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }
}
