package ai.haski.desktop.inference;

import ai.haski.desktop.image.AreaResampler;
import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.TensorLayout;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * Turns an upright RGB picture into a model's input tensor as a {@link PreprocessSpec} describes: crop or letterbox,
 * resize ({@link AreaResampler}), reorder channels, normalise, and lay out as NCHW or NHWC.
 *
 * <p>Letterbox padding is pixel value 0 (black) before normalisation, the usual convention of classification
 * pipelines that pad an image before converting it to a tensor; after normalisation it becomes
 * {@code -mean[c] / std[c]}. Resized values are not rounded to whole 0-255 levels, unlike pipelines that resize an
 * 8-bit image first; the difference is below half a level.
 *
 * <p>Reuses its working arrays from call to call, so an instance belongs to one thread at a time.
 */
public final class Preprocessor {
    private final AreaResampler resampler = new AreaResampler();
    private float[] resized = new float[0];

    /**
     * Writes {@code spec.tensorSize()} floats into {@code out} at indices {@code out.position()} onwards, leaving
     * the buffer's position and limit as they were, so the same (direct, native-order) buffer can be handed to the
     * runtime again and again.
     *
     * @param rgb an upright {@code TYPE_INT_RGB} picture, as {@code ImageLoader} returns
     * @throws IllegalArgumentException when the picture is not {@code TYPE_INT_RGB} or {@code out} has too little room
     */
    public void toTensor(BufferedImage rgb, PreprocessSpec spec, FloatBuffer out) {
        Objects.requireNonNull(rgb, "rgb");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(out, "out");
        if (rgb.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected a TYPE_INT_RGB picture (as ImageLoader returns), got type "
                    + rgb.getType());
        }
        if (out.remaining() < spec.tensorSize()) {
            throw new IllegalArgumentException("the buffer has room for " + out.remaining() + " floats after its "
                    + "position, the input needs " + spec.tensorSize() + " (" + spec.width() + " x "
                    + spec.height() + " x 3)");
        }
        ResizeGeometry geometry = ResizeGeometry.of(rgb.getWidth(), rgb.getHeight(), spec.width(), spec.height(),
                spec.resize());
        resized = AreaResampler.grown(resized, geometry.targetWidth() * geometry.targetHeight() * 3);
        resampler.resize(rgb, geometry.sourceX(), geometry.sourceY(), geometry.sourceWidth(),
                geometry.sourceHeight(), geometry.targetWidth(), geometry.targetHeight(), resized);
        write(geometry, spec, out);
    }

    /**
     * Whether a picture of this size has to be enlarged on either axis to fill the input, so the model sees less
     * detail than usual (the caller may then warn "image upscaled from 50x50").
     */
    public static boolean willUpscale(int imageWidth, int imageHeight, PreprocessSpec spec) {
        return ResizeGeometry.of(imageWidth, imageHeight, spec.width(), spec.height(), spec.resize()).enlarges();
    }

    private void write(ResizeGeometry geometry, PreprocessSpec spec, FloatBuffer out) {
        int width = spec.width();
        int height = spec.height();
        int planeSize = width * height;
        int start = out.position();
        boolean channelsFirst = spec.layout() == TensorLayout.NCHW;
        float unit = spec.scaleToUnit() ? 255f : 1f;
        for (int channel = 0; channel < PreprocessSpec.CHANNELS; channel++) {
            // Index into the interleaved red-green-blue floats that feeds this tensor channel.
            int colour = spec.colourOrder() == ColourOrder.RGB ? channel : 2 - channel;
            float mean = spec.meanOf(channel);
            float std = spec.stdOf(channel);
            for (int y = 0; y < height; y++) {
                int resizedY = y - geometry.targetY();
                for (int x = 0; x < width; x++) {
                    int resizedX = x - geometry.targetX();
                    boolean inside = resizedX >= 0 && resizedX < geometry.targetWidth()
                            && resizedY >= 0 && resizedY < geometry.targetHeight();
                    float level = inside
                            ? resized[(resizedY * geometry.targetWidth() + resizedX) * 3 + colour]
                            : 0f;
                    int pixel = y * width + x;
                    int index = channelsFirst ? channel * planeSize + pixel : pixel * 3 + channel;
                    out.put(start + index, (level / unit - mean) / std);
                }
            }
        }
    }
}
