package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes an uncompressed 8-bit RGB baseline TIFF by hand, so a test can set the TIFF Orientation tag, which ImageIO's
 * writers give no simple way to set.
 */
final class TinyTiffWriter {
    private static final int ENTRIES = 10;

    private TinyTiffWriter() {}

    /** Where the pixels start in every file this writer makes: after the header, the directory and BitsPerSample. */
    static int pixelOffset() {
        return 8 + 2 + ENTRIES * 12 + 4 + 6;
    }

    static byte[] write(BufferedImage image, int orientation) {
        int width = image.getWidth();
        int height = image.getHeight();
        int ifdOffset = 8;
        int bitsPerSampleOffset = ifdOffset + 2 + ENTRIES * 12 + 4;
        int pixelOffset = bitsPerSampleOffset + 6;
        int pixelBytes = width * height * 3;
        ByteBuffer tiff = ByteBuffer.allocate(pixelOffset + pixelBytes).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdOffset);
        tiff.putShort((short) ENTRIES); // entries in ascending tag order, as TIFF requires
        entry(tiff, 256, 4, width); // ImageWidth, LONG
        entry(tiff, 257, 4, height); // ImageLength, LONG
        tiff.putShort((short) 258).putShort((short) 3).putInt(3).putInt(bitsPerSampleOffset); // BitsPerSample 8,8,8
        entry(tiff, 259, 3, 1); // Compression: none
        entry(tiff, 262, 3, 2); // PhotometricInterpretation: RGB
        entry(tiff, 273, 4, pixelOffset); // StripOffsets
        entry(tiff, 274, 3, orientation); // Orientation
        entry(tiff, 277, 3, 3); // SamplesPerPixel
        entry(tiff, 278, 4, height); // RowsPerStrip: one strip
        entry(tiff, 279, 4, pixelBytes); // StripByteCounts
        tiff.putInt(0); // no next IFD
        tiff.putShort((short) 8).putShort((short) 8).putShort((short) 8);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                tiff.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb);
            }
        }
        return tiff.array();
    }

    /** One IFD entry with count 1; SHORT values are left-justified in the 4-byte field. */
    private static void entry(ByteBuffer tiff, int tag, int type, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            tiff.putShort((short) value).putShort((short) 0);
        } else {
            tiff.putInt(value);
        }
    }
}
