package ai.haski.desktop.inference;

import ai.haski.desktop.model.Quantization;
import java.nio.ByteBuffer;

/**
 * Converts float32 values to and from 8-bit quantised tensors, the way TensorFlow Lite's QUANTIZE and DEQUANTIZE
 * kernels do: {@code q = clamp(round(x / scale) + zeroPoint)}, the division in float32 and the rounding half away
 * from zero (C's {@code round}), and {@code x = (q - zeroPoint) * scale}. Bulk methods work on absolute indices,
 * so they neither allocate nor move the buffers' positions.
 */
final class QuantizedValues {

    /** The 8-bit integer types a TFLite model may use for its input and outputs. */
    enum Type {
        INT8(-128, 127),
        UINT8(0, 255);

        final int min;
        final int max;

        Type(int min, int max) {
            this.min = min;
            this.max = max;
        }

        /** The value of a stored byte: signed for int8, unsigned for uint8. */
        int read(byte stored) {
            return this == INT8 ? stored : stored & 0xFF;
        }
    }

    private QuantizedValues() {}

    /** Rounds to the nearest integer, ties away from zero; NaN gives 0, and huge values saturate. */
    static long roundHalfAway(float value) {
        return value >= 0 ? Math.round(value) : -(long) Math.round(-value);
    }

    /** One value: {@code clamp(round(x / scale) + zeroPoint, type.min, type.max)}. NaN becomes the zero point. */
    static int quantize(float x, Quantization q, Type type) {
        long value = roundHalfAway(x / q.scale()) + q.zeroPoint();
        return (int) Math.max(type.min, Math.min(type.max, value));
    }

    /** One value: {@code (q - zeroPoint) * scale}, computed in double and rounded to float once. */
    static float dequantize(int value, Quantization q) {
        return (float) ((value - q.zeroPoint()) * (double) q.scale());
    }

    /**
     * Quantises {@code count} float32 values, read in {@code source}'s byte order from its position on, into
     * {@code target[0, count)}.
     */
    static void quantize(ByteBuffer source, ByteBuffer target, int count, Quantization q, Type type) {
        int base = source.position();
        for (int i = 0; i < count; i++) {
            target.put(i, (byte) quantize(source.getFloat(base + i * Float.BYTES), q, type));
        }
    }

    /** Dequantises {@code source[0, target.length)} into {@code target}. */
    static void dequantize(ByteBuffer source, float[] target, Quantization q, Type type) {
        for (int i = 0; i < target.length; i++) {
            target[i] = dequantize(type.read(source.get(i)), q);
        }
    }
}
