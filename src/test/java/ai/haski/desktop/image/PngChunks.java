package ai.haski.desktop.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** PNG chunks with correct CRCs, and the splice that puts one right after IHDR. */
final class PngChunks {
    private static final int SIGNATURE_AND_IHDR = 8 + 4 + 4 + 13 + 4;

    private PngChunks() {}

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue())
                .array();
    }

    /** {@code png} with {@code chunk} inserted after IHDR, before any image data, where eXIf must be. */
    static byte[] insertAfterHeader(byte[] png, byte[] chunk) {
        byte[] spliced = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, spliced, 0, SIGNATURE_AND_IHDR);
        System.arraycopy(chunk, 0, spliced, SIGNATURE_AND_IHDR, chunk.length);
        System.arraycopy(png, SIGNATURE_AND_IHDR, spliced, SIGNATURE_AND_IHDR + chunk.length,
                png.length - SIGNATURE_AND_IHDR);
        return spliced;
    }
}
