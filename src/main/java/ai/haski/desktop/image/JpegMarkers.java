package ai.haski.desktop.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The facts of a JPEG's header segments that decide whether TurboJPEG may decode it in place of ImageIO: the frame
 * type (coding process) and whether an ICC colour profile is embedded.
 */
record JpegMarkers(int frameMarker, boolean iccProfile) {
    /** Baseline, extended sequential and progressive Huffman frames: the ones the JDK's decoder reads as well. */
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int SOF2 = 0xC2;
    private static final int NO_FRAME = -1;
    private static final byte[] ICC_SIGNATURE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * True for files both decoders read the same way. An ICC profile is left to the existing path, which converts
     * to sRGB through it; TurboJPEG ignores profiles. Arithmetic-coded and lossless frames are left to it too, so
     * that a file the app refused before is still refused with the same message.
     */
    boolean plain() {
        return !iccProfile && (frameMarker == SOF0 || frameMarker == SOF1 || frameMarker == SOF2);
    }

    /** Reads the segments from the start of {@code jpeg} up to the first scan; never throws on malformed data. */
    static JpegMarkers scan(ByteBuffer jpeg) {
        int limit = jpeg.limit();
        if (limit < 4 || (jpeg.get(0) & 0xFF) != 0xFF || (jpeg.get(1) & 0xFF) != 0xD8) {
            return new JpegMarkers(NO_FRAME, false);
        }
        int frame = NO_FRAME;
        boolean icc = false;
        int at = 2;
        while (at + 4 <= limit) {
            if ((jpeg.get(at) & 0xFF) != 0xFF) {
                return new JpegMarkers(NO_FRAME, icc); // Not a marker where one must be: leave the file to ImageIO.
            }
            int marker = jpeg.get(at + 1) & 0xFF;
            if (marker == 0xFF) {
                at++; // Fill byte before a marker.
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2; // Markers without a length field.
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break; // Start of scan or end of image: the header is over.
            }
            int length = (jpeg.get(at + 2) & 0xFF) << 8 | (jpeg.get(at + 3) & 0xFF);
            if (length < 2 || at + 2 + length > limit) {
                return new JpegMarkers(NO_FRAME, icc);
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame && frame == NO_FRAME) {
                frame = marker;
            }
            if (marker == 0xE2 && startsWith(jpeg, at + 4, length - 2, ICC_SIGNATURE)) {
                icc = true;
            }
            at += 2 + length;
        }
        return new JpegMarkers(frame, icc);
    }

    private static boolean startsWith(ByteBuffer buffer, int offset, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer.get(offset + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
