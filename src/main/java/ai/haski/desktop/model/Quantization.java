package ai.haski.desktop.model;

import java.util.Locale;

/**
 * The affine quantisation of an integer tensor, as a runtime reports it: {@code real = (q - zeroPoint) * scale}.
 * A tensor without quantisation parameters has {@link #NONE} (scale 0).
 */
public record Quantization(float scale, int zeroPoint) {

    /** No quantisation parameters: a float tensor, or an integer tensor that holds plain integers. */
    public static final Quantization NONE = new Quantization(0f, 0);

    /** Whether real values can be converted to and from this tensor: a positive, finite scale. */
    public boolean isPresent() {
        return scale > 0 && Float.isFinite(scale);
    }

    @Override
    public String toString() {
        return isPresent() ? String.format(Locale.ROOT, "scale %s, zero point %d", scale, zeroPoint)
                : "no quantisation parameters";
    }
}
