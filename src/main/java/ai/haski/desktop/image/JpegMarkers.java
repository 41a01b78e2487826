package ai.haski.desktop.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The facts of a JPEG's header segments that decide whether TurboJPEG may decode it in place of ImageIO: the frame
 * type (coding process) and the embedded ICC colour profile, if any.
 *
 * @param iccProfile the profile's bytes, joined from its APP2 chunks in their order; empty when there is none; a
 *                   profile whose chunks do not add up (missing, repeated or out of range) is {@link #BROKEN_PROFILE}
 */
record JpegMarkers(int frameMarker, Optional<byte[]> iccProfile) {
    /** Baseline, extended sequential and progressive Huffman frames: the ones the JDK's decoder reads as well. */
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int SOF2 = 0xC2;
    private static final int NO_FRAME = -1;
    private static final byte[] ICC_SIGNATURE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    /** Stands for a profile that cannot be put together; it is not sRGB. */
    static final byte[] BROKEN_PROFILE = new byte[0];

    /**
     * True for frames both decoders read the same way: baseline, extended and progressive Huffman. Arithmetic-coded
     * and lossless frames are left to the existing path, so that a file the app refused before is still refused with
     * the same message. The profile is judged apart ({@link SrgbProfiles}).
     */
    boolean plain() {
        return frameMarker == SOF0 || frameMarker == SOF1 || frameMarker == SOF2;
    }

    /** Reads the segments from the start of {@code jpeg} up to the first scan; never throws on malformed data. */
    static JpegMarkers scan(ByteBuffer jpeg) {
        int limit = jpeg.limit();
        if (limit < 4 || (jpeg.get(0) & 0xFF) != 0xFF || (jpeg.get(1) & 0xFF) != 0xD8) {
            return new JpegMarkers(NO_FRAME, Optional.empty());
        }
        int frame = NO_FRAME;
        TreeMap<Integer, byte[]> icc = new TreeMap<>();
        int iccChunks = 0;
        boolean iccBroken = false;
        int at = 2;
        while (at + 4 <= limit) {
            if ((jpeg.get(at) & 0xFF) != 0xFF) {
                return new JpegMarkers(NO_FRAME, Optional.empty()); // Not a marker where one must be: to ImageIO.
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
                return new JpegMarkers(NO_FRAME, Optional.empty());
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame && frame == NO_FRAME) {
                frame = marker;
            }
            if (marker == 0xE2 && startsWith(jpeg, at + 4, length - 2, ICC_SIGNATURE)) {
                // After the signature: this chunk's number (from 1) and the count of chunks, then its bytes.
                int header = ICC_SIGNATURE.length + 2;
                if (length - 2 < header) {
                    iccBroken = true;
                } else {
                    int number = jpeg.get(at + 4 + ICC_SIGNATURE.length) & 0xFF;
                    int count = jpeg.get(at + 5 + ICC_SIGNATURE.length) & 0xFF;
                    byte[] chunk = new byte[length - 2 - header];
                    jpeg.get(at + 4 + header, chunk);
                    iccBroken |= (iccChunks != 0 && count != iccChunks) || icc.put(number, chunk) != null;
                    iccChunks = count;
                }
            }
            at += 2 + length;
        }
        return new JpegMarkers(frame, joined(icc, iccChunks, iccBroken));
    }

    private static Optional<byte[]> joined(TreeMap<Integer, byte[]> chunks, int count, boolean broken) {
        if (chunks.isEmpty() && !broken) {
            return Optional.empty();
        }
        // Sorted keys, as many as announced, from 1 to the count: exactly the chunks 1..count, each once.
        if (broken || chunks.size() != count || chunks.firstKey() != 1 || chunks.lastKey() != count) {
            return Optional.of(BROKEN_PROFILE);
        }
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        chunks.values().forEach(profile::writeBytes);
        return Optional.of(profile.toByteArray());
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
