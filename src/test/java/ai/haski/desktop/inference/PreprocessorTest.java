package ai.haski.desktop.inference;

import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.TensorLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.haski.desktop.image.AreaResamplerTest;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** Expected tensors are written out by hand for tiny pictures. */
class PreprocessorTest {
    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};

    private final Preprocessor preprocessor = new Preprocessor();

    /** Two pixels: (10, 20, 30) then (40, 50, 60). */
    private static BufferedImage twoPixels() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 10 << 16 | 20 << 8 | 30);
        image.setRGB(1, 0, 40 << 16 | 50 << 8 | 60);
        return image;
    }

    @Test
    void channelsFirstPutsEachColourInItsOwnPlane() {
        assertThat(tensor(twoPixels(), spec(2, 1, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.STRETCH, false,
                ZERO, ONE))).containsExactly(10, 40, 20, 50, 30, 60);
    }

    @Test
    void channelsLastKeepsEachPixelsColoursTogether() {
        assertThat(tensor(twoPixels(), spec(2, 1, TensorLayout.NHWC, ColourOrder.RGB, ResizeMode.STRETCH, false,
                ZERO, ONE))).containsExactly(10, 20, 30, 40, 50, 60);
    }

    @Test
    void bgrReversesTheChannelsInBothLayouts() {
        assertThat(tensor(twoPixels(), spec(2, 1, TensorLayout.NCHW, ColourOrder.BGR, ResizeMode.STRETCH, false,
                ZERO, ONE))).containsExactly(30, 60, 20, 50, 10, 40);
        assertThat(tensor(twoPixels(), spec(2, 1, TensorLayout.NHWC, ColourOrder.BGR, ResizeMode.STRETCH, false,
                ZERO, ONE))).containsExactly(30, 20, 10, 60, 50, 40);
    }

    @Test
    void imagenetNormalisation() {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, 255 << 16 | 0 << 8 | 128);
        PreprocessSpec imagenet = spec(1, 1, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.STRETCH, true,
                new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

        // (1 - 0.485) / 0.229, (0 - 0.456) / 0.224, (128 / 255 - 0.406) / 0.225
        assertThat(tensor(pixel, imagenet)).containsExactly(new float[] {2.2489083f, -2.0357143f, 0.4264924f},
                within(1e-5f));
    }

    @Test
    void bgrMeansAreGivenInTensorChannelOrder() {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, 255 << 16 | 0 << 8 | 128);
        PreprocessSpec caffe = spec(1, 1, TensorLayout.NHWC, ColourOrder.BGR, ResizeMode.STRETCH, false,
                new float[] {103.94f, 116.78f, 123.68f}, ONE);

        // Blue 128 - 103.94, green 0 - 116.78, red 255 - 123.68.
        assertThat(tensor(pixel, caffe)).containsExactly(new float[] {24.06f, -116.78f, 131.32f}, within(1e-3f));
    }

    @Test
    void sameSizePictureGivesExactlyItsPixels() {
        BufferedImage image = AreaResamplerTest.randomImage(224, 224, 3);
        float[] values = tensor(image, spec(224, 224, TensorLayout.NHWC, ColourOrder.RGB, ResizeMode.CENTER_CROP,
                false, ZERO, ONE));

        AreaResamplerTest.assertHoldsExactly(values, image);
    }

    @Test
    void shrinksByAreaAverage() {
        // 2 x 2 pixels of red 0, 100, 200, 40 -> one pixel of (0 + 100 + 200 + 40) / 4 = 85.
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0);
        image.setRGB(1, 0, 100 << 16);
        image.setRGB(0, 1, 200 << 16);
        image.setRGB(1, 1, 40 << 16);

        assertThat(tensor(image, spec(1, 1, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.STRETCH, false,
                ZERO, ONE))).containsExactly(85, 0, 0);
    }

    @Test
    void centerCropKeepsTheMiddle() {
        // Six columns of red 0, 10, ..., 50 into 2 x 1: the 2 x 1 crop in the middle holds columns 2 and 3.
        BufferedImage image = new BufferedImage(6, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 6; x++) {
            image.setRGB(x, 0, (x * 10) << 16);
        }

        assertThat(tensor(image, spec(2, 1, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.CENTER_CROP, false,
                ZERO, ONE))).containsExactly(20, 30, 0, 0, 0, 0);
    }

    @Test
    void letterboxPadsWithZeroBeforeNormalisation() {
        // A 4 x 2 red picture in a 4 x 4 input: rows 1 and 2 are red, rows 0 and 3 are padding.
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, 0xFF0000);
            }
        }
        PreprocessSpec spec = spec(4, 4, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.LETTERBOX, true,
                new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});

        float[] values = tensor(image, spec);

        // Pixel 0 becomes (0 - 0.5) / 0.5 = -1 and full red (1 - 0.5) / 0.5 = 1.
        float[] expectedRedPlane = {
                -1, -1, -1, -1,
                1, 1, 1, 1,
                1, 1, 1, 1,
                -1, -1, -1, -1};
        for (int i = 0; i < 16; i++) {
            assertThat(values[i]).as("red plane %d", i).isEqualTo(expectedRedPlane[i]);
            assertThat(values[16 + i]).as("green plane %d", i).isEqualTo(-1f);
            assertThat(values[32 + i]).as("blue plane %d", i).isEqualTo(-1f);
        }
    }

    @Test
    void writesFromThePositionAndLeavesPositionAndLimitAlone() {
        FloatBuffer buffer = ByteBuffer.allocateDirect(10 * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        buffer.put(0, -7f).put(9, -7f);
        buffer.position(2).limit(9);

        preprocessor.toTensor(twoPixels(), spec(2, 1, TensorLayout.NHWC, ColourOrder.RGB, ResizeMode.STRETCH, false,
                ZERO, ONE), buffer);

        assertThat(buffer.position()).isEqualTo(2);
        assertThat(buffer.limit()).isEqualTo(9);
        float[] all = new float[10];
        buffer.clear().get(all);
        assertThat(all).containsExactly(-7, 0, 10, 20, 30, 40, 50, 60, 0, -7);
    }

    @Test
    void reusingOneInstanceForDifferentSizesGivesTheSameAnswers() {
        PreprocessSpec big = spec(8, 8, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.STRETCH, true, ZERO, ONE);
        PreprocessSpec small = spec(2, 1, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.STRETCH, false, ZERO, ONE);
        BufferedImage picture = AreaResamplerTest.randomImage(30, 20, 4);

        float[] first = tensor(picture, big);
        tensor(AreaResamplerTest.randomImage(300, 200, 5), big);
        assertThat(tensor(twoPixels(), small)).containsExactly(10, 40, 20, 50, 30, 60);
        assertThat(tensor(picture, big)).containsExactly(first);
    }

    @Test
    void refusesABufferWithTooLittleRoom() {
        FloatBuffer buffer = FloatBuffer.allocate(5);

        assertThatThrownBy(() -> preprocessor.toTensor(twoPixels(), spec(2, 1, TensorLayout.NCHW, ColourOrder.RGB,
                ResizeMode.STRETCH, false, ZERO, ONE), buffer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("room for 5").hasMessageContaining("needs 6");
    }

    @Test
    void refusesPicturesThatAreNotIntRgb() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);

        assertThatThrownBy(() -> preprocessor.toTensor(argb, spec(2, 1, TensorLayout.NCHW, ColourOrder.RGB,
                ResizeMode.STRETCH, false, ZERO, ONE), FloatBuffer.allocate(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TYPE_INT_RGB");
    }

    @Test
    void tellsWhetherAPictureIsUpscaled() {
        PreprocessSpec stretch = spec(224, 224, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.STRETCH, true,
                ZERO, ONE);
        PreprocessSpec crop = spec(224, 224, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.CENTER_CROP, true,
                ZERO, ONE);

        assertThat(Preprocessor.willUpscale(50, 50, stretch)).isTrue();
        assertThat(Preprocessor.willUpscale(667, 500, stretch)).isFalse();
        assertThat(Preprocessor.willUpscale(300, 200, crop)).isTrue(); // the 200 x 200 crop grows to 224
    }

    private float[] tensor(BufferedImage image, PreprocessSpec spec) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(spec.tensorSize() * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        preprocessor.toTensor(image, spec, buffer);
        float[] values = new float[spec.tensorSize()];
        buffer.get(0, values);
        return values;
    }

    private static PreprocessSpec spec(int width, int height, TensorLayout layout, ColourOrder order,
            ResizeMode resize, boolean scaleToUnit, float[] mean, float[] std) {
        return new PreprocessSpec(width, height, layout, order, resize, scaleToUnit, mean, std);
    }
}
