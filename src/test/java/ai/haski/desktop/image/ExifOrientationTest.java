package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExifOrientationTest {
    // Stored 3 x 2 picture "abc / def"; each expectation below was written out by hand from the EXIF 2.32
    // definition of the tag (which stored row/column becomes the visual top/left), not derived from the code.
    private static final int[][] STORED = {{'a', 'b', 'c'}, {'d', 'e', 'f'}};
    private static final Map<ExifOrientation, String[]> UPRIGHT = Map.of(
            ExifOrientation.NORMAL, new String[] {"abc", "def"},
            ExifOrientation.MIRROR_HORIZONTAL, new String[] {"cba", "fed"},
            ExifOrientation.ROTATE_180, new String[] {"fed", "cba"},
            ExifOrientation.MIRROR_VERTICAL, new String[] {"def", "abc"},
            ExifOrientation.TRANSPOSE, new String[] {"ad", "be", "cf"},
            ExifOrientation.ROTATE_90_CW, new String[] {"da", "eb", "fc"},
            ExifOrientation.TRANSVERSE, new String[] {"fc", "eb", "da"},
            ExifOrientation.ROTATE_270_CW, new String[] {"cf", "be", "ad"});

    @ParameterizedTest
    @EnumSource(ExifOrientation.class)
    void turnsTheStoredPixelsUpright(ExifOrientation orientation) {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                stored.setRGB(x, y, STORED[y][x]);
            }
        }

        BufferedImage upright = orientation.apply(stored);

        String[] expected = UPRIGHT.get(orientation);
        assertThat(upright.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(upright.getHeight()).isEqualTo(expected.length);
        assertThat(upright.getWidth()).isEqualTo(expected[0].length());
        for (int y = 0; y < expected.length; y++) {
            StringBuilder row = new StringBuilder();
            for (int x = 0; x < upright.getWidth(); x++) {
                row.append((char) (upright.getRGB(x, y) & 0xFFFFFF));
            }
            assertThat(row.toString()).as("row %d", y).isEqualTo(expected[y]);
        }
        assertThat(orientation.swapsAxes()).isEqualTo(expected[0].length() == 2);
    }

    @Test
    void mapsTagValuesOneToEightAndNothingElse() {
        for (int value = 1; value <= 8; value++) {
            assertThat(ExifOrientation.fromTagValue(value)).get()
                    .extracting(ExifOrientation::tagValue).isEqualTo(value);
        }
        assertThat(ExifOrientation.fromTagValue(0)).isEmpty();
        assertThat(ExifOrientation.fromTagValue(9)).isEmpty();
        assertThat(ExifOrientation.fromTagValue(-1)).isEmpty();
    }

    @Test
    void refusesImagesThatAreNotIntRgb() {
        BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        assertThatThrownBy(() -> ExifOrientation.ROTATE_90_CW.apply(argb))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TYPE_INT_RGB");
    }
}
