package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a lossless WebP (VP8L, RFC 9649) by hand, because ImageIO has no WebP writer.
 *
 * <p>Only pictures whose red, green and blue samples are each 0 or 255 are supported: that lets every prefix code be
 * a "simple" code with the two symbols 0 and 255, so each channel of each pixel costs exactly one bit (0 means 0,
 * 1 means 255) and no Huffman tables, transforms, colour cache or back-references are needed. Alpha is always 255.
 */
final class TinyWebpWriter {
    private TinyWebpWriter() {}

    static byte[] write(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        BitWriter bits = new BitWriter();
        bits.write(0x2F, 8); // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // alpha_is_used: no
        bits.write(0, 3); // version 0
        bits.write(0, 1); // no transforms
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes: one prefix code group for the whole image
        writeTwoSymbolCode(bits); // green (also literal/length alphabet): symbols 0 and 255
        writeTwoSymbolCode(bits); // red
        writeTwoSymbolCode(bits); // blue
        writeOneSymbolCode(bits, 255); // alpha: always 255, costs no bits per pixel
        writeOneSymbolCode(bits, 0); // distance: never used
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                // Per pixel the decoder reads green first, then red, then blue (then alpha, here free).
                bits.write(bitFor((rgb >> 8) & 0xFF), 1);
                bits.write(bitFor((rgb >> 16) & 0xFF), 1);
                bits.write(bitFor(rgb & 0xFF), 1);
            }
        }
        return riff(bits.toByteArray());
    }

    private static int bitFor(int sample) {
        if (sample != 0 && sample != 255) {
            throw new IllegalArgumentException("TinyWebpWriter supports samples of 0 or 255 only, got " + sample);
        }
        return sample == 255 ? 1 : 0;
    }

    /** Simple code, two symbols: 0 (written with 1 bit) and 255 (8 bits); canonical codes give 0 the bit 0. */
    private static void writeTwoSymbolCode(BitWriter bits) {
        bits.write(1, 1); // simple code
        bits.write(1, 1); // num_symbols - 1
        bits.write(0, 1); // is_first_8bits: no, the first symbol fits in 1 bit
        bits.write(0, 1); // symbol 0
        bits.write(255, 8); // symbol 255
    }

    private static void writeOneSymbolCode(BitWriter bits, int symbol) {
        bits.write(1, 1); // simple code
        bits.write(0, 1); // num_symbols - 1
        bits.write(1, 1); // is_first_8bits
        bits.write(symbol, 8);
    }

    private static byte[] riff(byte[] vp8l) {
        int padding = vp8l.length % 2;
        ByteBuffer file = ByteBuffer.allocate(12 + 8 + vp8l.length + padding).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        file.putInt(4 + 8 + vp8l.length + padding);
        file.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        file.put("VP8L".getBytes(StandardCharsets.US_ASCII));
        file.putInt(vp8l.length);
        file.put(vp8l);
        return file.array();
    }

    /** VP8L packs values least significant bit first. */
    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long pending;
        private int pendingBits;

        void write(int value, int count) {
            pending |= ((long) value & ((1L << count) - 1)) << pendingBits;
            pendingBits += count;
            while (pendingBits >= 8) {
                bytes.write((int) (pending & 0xFF));
                pending >>>= 8;
                pendingBits -= 8;
            }
        }

        byte[] toByteArray() {
            if (pendingBits > 0) {
                bytes.write((int) (pending & 0xFF));
                pending = 0;
                pendingBits = 0;
            }
            return bytes.toByteArray();
        }
    }
}
