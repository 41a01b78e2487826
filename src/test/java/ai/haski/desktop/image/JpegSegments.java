package ai.haski.desktop.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-made JPEG marker segments (EXIF orientation, Adobe colour transform, ICC profile) and the splice that inserts them. */
public final class JpegSegments {
    private JpegSegments() {}

    /** An APP1 "Exif" segment holding {@link ExifBytes#orientationOnly}. */
    public static byte[] exifOrientation(int value, ByteOrder order) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(ExifBytes.orientationOnly(value, order));
        return segment(0xE1, payload.toByteArray());
    }

    /** An APP14 "Adobe" segment; transform 0 means CMYK (or RGB with 3 components), 2 means YCCK. */
    static byte[] adobe(int transform) {
        ByteBuffer payload = ByteBuffer.allocate(12);
        payload.put("Adobe".getBytes(StandardCharsets.US_ASCII));
        payload.putShort((short) 100); // DCTEncode version
        payload.putShort((short) 0).putShort((short) 0); // flags
        payload.put((byte) transform);
        return segment(0xEE, payload.array());
    }

    /** An APP2 "ICC_PROFILE" segment carrying the whole {@code profile} as chunk 1 of 1 (it must fit in 64 KB). */
    static byte[] iccProfile(byte[] profile) {
        return iccChunk(profile, 1, 1);
    }

    /** An APP2 "ICC_PROFILE" segment that says it is chunk {@code number} of {@code count}, carrying {@code bytes}. */
    static byte[] iccChunk(byte[] bytes, int number, int count) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        payload.write(number);
        payload.write(count);
        payload.writeBytes(bytes);
        return segment(0xE2, payload.toByteArray());
    }

    /** {@code jpeg} without its APP0 (JFIF) segment, which the JDK's encoder writes straight after SOI. */
    static byte[] withoutApp0(byte[] jpeg) {
        if ((jpeg[2] & 0xFF) != 0xFF || (jpeg[3] & 0xFF) != 0xE0) {
            throw new IllegalArgumentException("no APP0 segment after SOI");
        }
        int length = (jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF);
        byte[] without = new byte[jpeg.length - 2 - length];
        System.arraycopy(jpeg, 0, without, 0, 2);
        System.arraycopy(jpeg, 4 + length, without, 2, jpeg.length - 4 - length);
        return without;
    }

    /** {@code jpeg} with {@code segment} inserted straight after the SOI marker, where readers look first. */
    public static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG: no SOI marker");
        }
        byte[] spliced = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, spliced, 0, 2);
        System.arraycopy(segment, 0, spliced, 2, segment.length);
        System.arraycopy(jpeg, 2, spliced, 2 + segment.length, jpeg.length - 2);
        return spliced;
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2; // the length field counts itself
        ByteBuffer segment = ByteBuffer.allocate(2 + length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) length).put(payload);
        return segment.array();
    }
}
