package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.inference.QuantizedValues.Type;
import ai.haski.desktop.model.Quantization;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The quantisation arithmetic, against values worked out by hand: {@code q = clamp(round(x / scale) + zp)} with
 * ties away from zero, and {@code x = (q - zp) * scale}. Scales are powers of two where ties are tested, so that
 * {@code x / scale} is exact.
 */
class QuantizedValuesTest {

    private static final Quantization HALF = new Quantization(0.5f, 0);

    @Test
    void tiesRoundAwayFromZeroNotToEvenNorUp() {
        // x / 0.5: 0.25 -> 0.5, 0.75 -> 1.5, 1.25 -> 2.5, and their negatives.
        assertThat(QuantizedValues.quantize(0.25f, HALF, Type.INT8)).isEqualTo(1);
        assertThat(QuantizedValues.quantize(-0.25f, HALF, Type.INT8)).isEqualTo(-1);
        assertThat(QuantizedValues.quantize(0.75f, HALF, Type.INT8)).isEqualTo(2);
        assertThat(QuantizedValues.quantize(-0.75f, HALF, Type.INT8)).isEqualTo(-2);
        assertThat(QuantizedValues.quantize(1.25f, HALF, Type.INT8)).isEqualTo(3);  // half-even would give 2
        assertThat(QuantizedValues.quantize(-1.25f, HALF, Type.INT8)).isEqualTo(-3); // Math.round would give -2
        // Not ties: nearest.
        assertThat(QuantizedValues.quantize(0.2f, HALF, Type.INT8)).isEqualTo(0);
        assertThat(QuantizedValues.quantize(-0.3f, HALF, Type.INT8)).isEqualTo(-1);
        assertThat(QuantizedValues.quantize(-0.0f, HALF, Type.INT8)).isEqualTo(0);
    }

    @Test
    void theZeroPointShiftsTheIntegerAndZeroIsExact() {
        Quantization relu = new Quantization(0.25f, -128);
        assertThat(QuantizedValues.quantize(0f, relu, Type.INT8)).isEqualTo(-128);
        assertThat(QuantizedValues.quantize(1f, relu, Type.INT8)).isEqualTo(-124);    // 4 - 128
        assertThat(QuantizedValues.quantize(0.375f, relu, Type.INT8)).isEqualTo(-126); // 1.5 -> 2, - 128
        Quantization centred = new Quantization(0.25f, 128);
        assertThat(QuantizedValues.quantize(0f, centred, Type.UINT8)).isEqualTo(128);
        assertThat(QuantizedValues.quantize(-0.375f, centred, Type.UINT8)).isEqualTo(126); // -1.5 -> -2, + 128
        assertThat(QuantizedValues.quantize(-32f, centred, Type.UINT8)).isEqualTo(0);
    }

    @Test
    void theDivisionIsInFloat32LikeTensorFlowLite() {
        // 1 / 0.1f is 9.99999985... in double but exactly 10 in float32: q = 10 - 5 = 5.
        Quantization tenth = new Quantization(0.1f, -5);
        assertThat(QuantizedValues.quantize(1f, tenth, Type.INT8)).isEqualTo(5);
        // 0.35f / 0.1f is 3.4999998882 in double (would round to 3) but exactly 3.5 in float32, a tie: 4 - 5.
        assertThat(QuantizedValues.quantize(0.35f, tenth, Type.INT8)).isEqualTo(-1);
    }

    @Test
    void valuesOutsideTheRangeClampToIt() {
        assertThat(QuantizedValues.quantize(64f, HALF, Type.INT8)).isEqualTo(127);  // 128 -> 127
        assertThat(QuantizedValues.quantize(63.5f, HALF, Type.INT8)).isEqualTo(127);
        assertThat(QuantizedValues.quantize(-64f, HALF, Type.INT8)).isEqualTo(-128);
        assertThat(QuantizedValues.quantize(-64.5f, HALF, Type.INT8)).isEqualTo(-128); // -129 -> -128
        assertThat(QuantizedValues.quantize(1e30f, HALF, Type.INT8)).isEqualTo(127);
        assertThat(QuantizedValues.quantize(Float.NEGATIVE_INFINITY, HALF, Type.INT8)).isEqualTo(-128);
        assertThat(QuantizedValues.quantize(Float.POSITIVE_INFINITY, HALF, Type.UINT8)).isEqualTo(255);
        assertThat(QuantizedValues.quantize(-1f, HALF, Type.UINT8)).isEqualTo(0);
        // A large zero point must not overflow on the way to the clamp.
        assertThat(QuantizedValues.quantize(3e9f, new Quantization(1f, 127), Type.INT8)).isEqualTo(127);
    }

    @Test
    void notANumberBecomesTheZeroPoint() {
        assertThat(QuantizedValues.quantize(Float.NaN, new Quantization(0.5f, 7), Type.INT8)).isEqualTo(7);
    }

    @Test
    void dequantisingSubtractsTheZeroPointAndScales() {
        Quantization q = new Quantization(0.5f, -128);
        assertThat(QuantizedValues.dequantize(-128, q)).isEqualTo(0f);
        assertThat(QuantizedValues.dequantize(127, q)).isEqualTo(127.5f);
        assertThat(QuantizedValues.dequantize(-129 + 1, new Quantization(0.25f, 0))).isEqualTo(-32f);
        // In double, then rounded once: (3 - 1) * 0.1f = 0.2000000029802322 -> 0.2f.
        assertThat(QuantizedValues.dequantize(3, new Quantization(0.1f, 1))).isEqualTo(0.2f);
    }

    @Test
    void bulkConversionReadsSignedAndUnsignedBytes() {
        ByteBuffer floats = ByteBuffer.allocateDirect(5 * Float.BYTES).order(ByteOrder.nativeOrder());
        floats.asFloatBuffer().put(new float[] {0f, 0.25f, -0.75f, 100f, -100f});
        ByteBuffer bytes = ByteBuffer.allocateDirect(5);
        QuantizedValues.quantize(floats, bytes, 5, HALF, Type.INT8);
        assertThat(new byte[] {bytes.get(0), bytes.get(1), bytes.get(2), bytes.get(3), bytes.get(4)})
                .containsExactly(0, 1, -2, 127, -128);
        assertThat(floats.position()).isZero();
        assertThat(bytes.position()).isZero();

        float[] back = new float[5];
        QuantizedValues.dequantize(bytes, back, HALF, Type.INT8);
        assertThat(back).containsExactly(0f, 0.5f, -1f, 63.5f, -64f);

        ByteBuffer unsigned = ByteBuffer.wrap(new byte[] {(byte) 0, (byte) 128, (byte) 255});
        float[] u = new float[3];
        QuantizedValues.dequantize(unsigned, u, new Quantization(0.25f, 128), Type.UINT8);
        assertThat(u).containsExactly(-32f, 0f, 31.75f);
    }
}
