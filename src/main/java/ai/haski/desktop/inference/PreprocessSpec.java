package ai.haski.desktop.inference;

import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.TensorLayout;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a model wants its 3-channel input: size, layout, colour order, resize mode and per-channel normalisation
 * {@code value = ((scaleToUnit ? v / 255 : v) - mean[c]) / std[c]}.
 *
 * <p>{@code mean} and {@code std} are indexed by tensor channel, so for {@link ColourOrder#BGR} they are given in
 * blue-green-red order, as BGR models publish them.
 */
public record PreprocessSpec(
        int width,
        int height,
        TensorLayout layout,
        ColourOrder colourOrder,
        ResizeMode resize,
        boolean scaleToUnit,
        float[] mean,
        float[] std) {

    public static final int CHANNELS = 3;

    /** The preprocessing a manifest's input asks for, laid out as one weights file expects. */
    public static PreprocessSpec of(InputSpec input, TensorLayout layout) {
        return new PreprocessSpec(input.width(), input.height(), layout, input.colourOrder(), input.resize(),
                input.scaleToUnit(), input.mean(), input.std());
    }

    public PreprocessSpec {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("input width and height must be positive, got " + width + " x "
                    + height);
        }
        if ((long) width * height * CHANNELS > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("input " + width + " x " + height + " x 3 is too large for one buffer");
        }
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(colourOrder, "colourOrder");
        Objects.requireNonNull(resize, "resize");
        mean = checkedCopy("mean", mean);
        std = checkedCopy("std", std);
        for (int c = 0; c < CHANNELS; c++) {
            if (!(std[c] > 0)) {
                throw new IllegalArgumentException("std must be positive in every channel, got "
                        + Arrays.toString(std));
            }
        }
    }

    private static float[] checkedCopy(String name, float[] values) {
        if (values == null || values.length != CHANNELS) {
            throw new IllegalArgumentException(name + " must have exactly 3 values (one per channel), got "
                    + (values == null ? "none" : Arrays.toString(values)));
        }
        for (float value : values) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be finite numbers, got " + Arrays.toString(values));
            }
        }
        return values.clone();
    }

    /** A copy: the spec is a value and cannot be changed through its accessors. */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** A copy: the spec is a value and cannot be changed through its accessors. */
    @Override
    public float[] std() {
        return std.clone();
    }

    /** The number of floats one image fills: width * height * 3. */
    public int tensorSize() {
        return width * height * CHANNELS;
    }

    float meanOf(int channel) {
        return mean[channel];
    }

    float stdOf(int channel) {
        return std[channel];
    }

    // Records compare arrays by identity; a spec read twice from the same model.json must be equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof PreprocessSpec that
                && width == that.width
                && height == that.height
                && layout == that.layout
                && colourOrder == that.colourOrder
                && resize == that.resize
                && scaleToUnit == that.scaleToUnit
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, layout, colourOrder, resize, scaleToUnit,
                Arrays.hashCode(mean), Arrays.hashCode(std));
    }

    @Override
    public String toString() {
        return "PreprocessSpec[" + width + "x" + height + ", " + layout + ", " + colourOrder + ", " + resize
                + ", scaleToUnit=" + scaleToUnit + ", mean=" + Arrays.toString(mean)
                + ", std=" + Arrays.toString(std) + "]";
    }
}
