package ai.haski.desktop.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Builds damaged or hostile image bytes for the loader's failure tests. */
final class BadImageFiles {
    private BadImageFiles() {}

    /**
     * A PNG that is all header: IHDR declares {@code width} x {@code height} 8-bit RGB, followed by a token IDAT and
     * IEND. A decoder that trusted the header would allocate width * height * 3 bytes.
     */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height);
        header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // depth, RGB, no interlace
        bytes.writeBytes(PngChunks.chunk("IHDR", header.array()));
        bytes.writeBytes(PngChunks.chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        bytes.writeBytes(PngChunks.chunk("IEND", new byte[0]));
        return bytes.toByteArray();
    }

    /** A valid GIF whose logical screen and first image descriptor are patched to a width of 0. */
    static byte[] gifWithZeroWidth() {
        byte[] gif = TestImages.encode(TestImages.quadrants(4, 4), "gif").clone();
        gif[6] = 0; // logical screen width, little-endian
        gif[7] = 0;
        for (int i = 13; i < gif.length; i++) {
            if (gif[i] == 0x2C) { // image separator; width follows left and top
                gif[i + 5] = 0;
                gif[i + 6] = 0;
                return gif;
            }
        }
        throw new IllegalStateException("no image descriptor in the GIF");
    }

    /** The first half of {@code bytes}. */
    static byte[] firstHalf(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }
}
