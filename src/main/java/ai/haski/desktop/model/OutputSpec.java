package ai.haski.desktop.model;

import java.util.Arrays;

/** One output tensor of the network, by name and shape. */
public record OutputSpec(String name, long[] shape, String dtype) {

    public OutputSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The number of values the tensor holds. */
    public long elementCount() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }
}
