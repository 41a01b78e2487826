package ai.haski.desktop.inference;

import java.util.Arrays;

/** A tensor as a runtime describes it: name, shape (-1 for a dynamic axis) and element type. */
public record TensorInfo(String name, long[] shape, String dtype) {

    public TensorInfo {
        shape = shape.clone();
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
        return name + " " + shapeText() + " " + dtype;
    }
}
