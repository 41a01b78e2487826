package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Point;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The matrix/TRC conversion against LittleCMS (the JDK's ColorConvertOp with the colour space TwelveMonkeys builds,
 * as the ImageIO path converts), over an RGB cube in steps of 3 with every extreme: Adobe RGB and ProPhoto RGB
 * (parametric gamma curves), ECI RGB v2 (a parametric curve with a linear toe) and Rec. 709 (a 4096-entry table).
 */
class MatrixShaperToSrgbTest {
    private static final int STEP = 3;

    @ParameterizedTest
    @ValueSource(strings = {"AdobeRGB1998.icc", "ProPhotoRGB.icc", "ECI-RGBv2.icc", "Rec709.icc"})
    void agreesWithLittleCmsWithinOneLevelOverTheRgbCube(String name) throws Exception {
        ICC_Profile profile = ICC_Profile.getInstance(Files.readAllBytes(TestFiles.iccProfile(name)));
        byte[] cube = cube();
        int pixels = cube.length / 3;

        int[] fast = new int[pixels];
        MatrixShaperToSrgb.of(profile).orElseThrow().convert(cube, fast);
        byte[] reference = littleCms(profile, cube);

        int largest = 0;
        long differing = 0;
        for (int i = 0; i < pixels; i++) {
            for (int channel = 0; channel < 3; channel++) {
                int ours = (fast[i] >> (16 - 8 * channel)) & 0xFF;
                int theirs = reference[i * 3 + channel] & 0xFF;
                int difference = Math.abs(ours - theirs);
                largest = Math.max(largest, difference);
                differing += difference > 0 ? 1 : 0;
            }
        }
        assertThat(largest).as("largest difference in levels from LittleCMS, %d of %d values differ", differing,
                pixels * 3L).isLessThanOrEqualTo(1);
    }

    @Test
    void profilesWithLookupTablesAreLeftToLittleCms() {
        ICC_Profile lab = ICC_Profile.getInstance(ColorSpace.CS_CIEXYZ);
        assertThat(MatrixShaperToSrgb.of(lab)).isEmpty();
    }

    @Test
    void srgbToItselfChangesNothing() {
        byte[] cube = cube();
        int[] converted = new int[cube.length / 3];
        MatrixShaperToSrgb.of(ICC_Profile.getInstance(ColorSpace.CS_sRGB)).orElseThrow().convert(cube, converted);
        for (int i = 0; i < converted.length; i++) {
            int expected = (cube[i * 3] & 0xFF) << 16 | (cube[i * 3 + 1] & 0xFF) << 8 | (cube[i * 3 + 2] & 0xFF);
            assertThat(converted[i]).as("pixel %d", i).isEqualTo(expected);
        }
    }

    /** Every combination of the levels 0, 3, ..., 252 and 255 on the three channels. */
    private static byte[] cube() {
        int[] levels = new int[256 / STEP + 2];
        int n = 0;
        for (int v = 0; v < 256; v += STEP) {
            levels[n++] = v;
        }
        levels[n++] = 255;
        byte[] rgb = new byte[n * n * n * 3];
        int at = 0;
        for (int r = 0; r < n; r++) {
            for (int g = 0; g < n; g++) {
                for (int b = 0; b < n; b++) {
                    rgb[at++] = (byte) levels[r];
                    rgb[at++] = (byte) levels[g];
                    rgb[at++] = (byte) levels[b];
                }
            }
        }
        return rgb;
    }

    private static byte[] littleCms(ICC_Profile profile, byte[] rgb) {
        int width = rgb.length / 3;
        byte[] out = new byte[rgb.length];
        new ColorConvertOp(ColorSpaces.createColorSpace(profile), ColorSpace.getInstance(ColorSpace.CS_sRGB), null)
                .filter(raster(rgb, width), raster(out, width));
        return out;
    }

    private static WritableRaster raster(byte[] rgb, int width) {
        return Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), width, 1, width * 3, 3,
                new int[] {0, 1, 2}, new Point());
    }
}
