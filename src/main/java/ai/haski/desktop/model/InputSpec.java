package ai.haski.desktop.model;

/** The network's single image input: tensor name, default layout, size, colour order and preprocessing. */
public record InputSpec(
        String name,
        TensorLayout layout,
        int width,
        int height,
        int channels,
        ColourOrder colourOrder,
        String dtype,
        ResizeMode resize,
        boolean scaleToUnit,
        float[] mean,
        float[] std) {

    public InputSpec {
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** The tensor shape this input has in the given layout, batch of one. */
    public long[] shape(TensorLayout tensorLayout) {
        return tensorLayout == TensorLayout.NCHW
                ? new long[] {1, channels, height, width}
                : new long[] {1, height, width, channels};
    }
}
