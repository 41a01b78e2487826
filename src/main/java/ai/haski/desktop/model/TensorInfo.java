package ai.haski.desktop.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor as a runtime describes it: name, shape (-1 for a dynamic axis), element type, and for a quantised
 * tensor its scale and zero point ({@link Quantization#NONE} otherwise).
 */
public record TensorInfo(String name, long[] shape, String dtype, Quantization quantization) {

    public TensorInfo {
        shape = shape.clone();
        Objects.requireNonNull(quantization, "quantization");
    }

    /** A tensor without quantisation parameters. */
    public TensorInfo(String name, long[] shape, String dtype) {
        this(name, shape, dtype, Quantization.NONE);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The shape written as {@code [1, 3, 224, 224]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public String toString() {
        String text = name + " " + shapeText() + " " + dtype;
        return quantization.isPresent() ? text + " (" + quantization + ")" : text;
    }
}
