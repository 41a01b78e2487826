package ai.haski.desktop.analysis.quality;

import ai.haski.desktop.image.AreaResampler;
import java.awt.image.BufferedImage;

/**
 * The picture the quality measures look at: red, green and blue planes (0-255, not rounded) shrunk by area averaging
 * so that the shorter side is {@link #WORKING_SIDE} pixels. Measuring at one fixed size is what makes a sharpness
 * value mean the same for a 12 MP photo decoded at 1/8 and for a small PNG decoded whole; a picture already
 * smaller is kept at its own size (it is then flagged for its resolution, not judged on invented detail).
 */
final class WorkingPicture {
    /** The shorter side the measures work at: the usual model input, so they see about what the model sees. */
    static final int WORKING_SIDE = 224;

    final int width;
    final int height;
    final float[] red;
    final float[] green;
    final float[] blue;

    private WorkingPicture(int width, int height) {
        this.width = width;
        this.height = height;
        int size = width * height;
        red = new float[size];
        green = new float[size];
        blue = new float[size];
    }

    /** A resampler keeps working rows between calls, so each thread has its own. */
    private static final ThreadLocal<AreaResampler> RESAMPLERS = ThreadLocal.withInitial(AreaResampler::new);

    /**
     * Shrinks {@code picture} (any type; read through its colour model as sRGB) to the working size, with the
     * same area average that makes the model's input.
     */
    static WorkingPicture of(BufferedImage picture) {
        int sourceWidth = picture.getWidth();
        int sourceHeight = picture.getHeight();
        double scale = Math.min(1.0, WORKING_SIDE / (double) Math.min(sourceWidth, sourceHeight));
        int width = Math.max(1, (int) Math.round(sourceWidth * scale));
        int height = Math.max(1, (int) Math.round(sourceHeight * scale));
        WorkingPicture out = new WorkingPicture(width, height);
        float[] interleaved = new float[width * height * 3];
        RESAMPLERS.get().resize(packed(picture), 0, 0, sourceWidth, sourceHeight, width, height, interleaved);
        for (int i = 0; i < width * height; i++) {
            out.red[i] = interleaved[i * 3];
            out.green[i] = interleaved[i * 3 + 1];
            out.blue[i] = interleaved[i * 3 + 2];
        }
        return out;
    }

    /** The picture as packed sRGB ints: the analysis's pictures already are; any other type is converted. */
    private static BufferedImage packed(BufferedImage picture) {
        if (picture.getType() == BufferedImage.TYPE_INT_RGB) {
            return picture;
        }
        int width = picture.getWidth();
        BufferedImage rgb = new BufferedImage(width, picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < picture.getHeight(); y++) {
            picture.getRGB(0, y, width, 1, row, 0, width);
            rgb.setRGB(0, y, width, 1, row, 0, width);
        }
        return rgb;
    }

    /** Rec. 709 luma of the gamma-encoded values, 0-255: brightness as a viewer judges it. */
    float[] luma() {
        float[] luma = new float[red.length];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = 0.2126f * red[i] + 0.7152f * green[i] + 0.0722f * blue[i];
        }
        return luma;
    }
}
