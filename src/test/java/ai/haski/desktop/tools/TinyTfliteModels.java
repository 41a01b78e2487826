package ai.haski.desktop.tools;

/** Tiny TFLite models, written with {@link TfliteModelWriter}, for tests outside the generator's package. */
public final class TinyTfliteModels {

    /** A tensor's quantisation parameters in a tiny model: {@code real = (q - zeroPoint) * scale}. */
    public record Params(float scale, int zeroPoint) {}

    private TinyTfliteModels() {}

    /**
     * {@code image [1,224,224,3]} int8 (or uint8) -&gt; RESHAPE -&gt; SLICE -&gt; {@code logits [1,14]} of the
     * same type: the logits are the first 14 quantised input values, read with the output's parameters. A null
     * {@code input} or {@code output} leaves that tensor without quantisation parameters.
     */
    public static byte[] quantizedSlice(boolean unsigned, Params input, Params output) {
        return TfliteModelWriter.writeQuantizedSlice(unsigned, quantization(input), quantization(output));
    }

    private static TfliteModelWriter.Quantization quantization(Params params) {
        return params == null ? null
                : TfliteModelWriter.Quantization.perTensor(params.scale(), params.zeroPoint());
    }
}
