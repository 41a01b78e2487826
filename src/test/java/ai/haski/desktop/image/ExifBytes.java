package ai.haski.desktop.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The TIFF structure inside an EXIF block, made by hand so tests control every byte. */
final class ExifBytes {
    private ExifBytes() {}

    /**
     * A TIFF header and one IFD0 with exactly one entry: Orientation (0x0112), type SHORT, count 1, the value
     * left-justified in the 4-byte value field as TIFF requires.
     */
    static byte[] orientationOnly(int value, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(order);
        byte mark = order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I';
        tiff.put(mark).put(mark).putShort((short) 42);
        tiff.putInt(8); // IFD0 follows the 8-byte header
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) value).putShort((short) 0);
        tiff.putInt(0); // no IFD1
        return tiff.array();
    }
}
