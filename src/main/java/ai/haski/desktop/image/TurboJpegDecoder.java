package ai.haski.desktop.image;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a plain JPEG with TurboJPEG at a DCT scale of 1/1 to 1/8, into a {@code TYPE_INT_RGB} picture in stored
 * orientation, or declines so that the caller decodes it with ImageIO.
 *
 * <p>An embedded ICC profile other than sRGB in effect ({@link SrgbProfiles}) is applied after the scaled decode
 * ({@link ProfileToSrgb}) when it is an RGB display profile. It declines every file it cannot decode as the ImageIO
 * path would: CMYK and YCCK, any other embedded ICC profile, arithmetic or lossless coding, a header that disagrees with ImageIO's, and any error or warning from the
 * library (truncated and corrupt data give warnings). The ImageIO path then produces the picture, or the user-facing
 * error it always gave. Thread-safe: each call uses its own TurboJPEG handle and native buffers.
 */
final class TurboJpegDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(TurboJpegDecoder.class);
    private static final int FLAGS = TurboJpegApi.TJFLAG_STOPONWARNING | TurboJpegApi.TJFLAG_LIMITSCANS;

    private final TurboJpegApi api;

    TurboJpegDecoder(TurboJpegApi api) {
        this.api = api;
    }

    /** A decoded picture in stored orientation and the DCT scale it was decoded at (1/{@code denominator}). */
    record Scaled(BufferedImage image, int denominator) {}

    /**
     * @param storedWidth  the width ImageIO read from the header; the file is declined if TurboJPEG reads another
     * @param storedHeight the height ImageIO read from the header
     * @param minWidth     the width the result will be resized to, in stored orientation
     * @param minHeight    the height the result will be resized to, in stored orientation
     * @return the picture, or empty when the caller must decode the file with ImageIO
     */
    Optional<Scaled> decode(Path file, int storedWidth, int storedHeight, int minWidth, int minHeight) {
        try (FileInMemory.Contents contents = FileInMemory.read(file)) {
            JpegMarkers markers = JpegMarkers.scan(contents.view());
            if (!markers.plain()) {
                return decline(file, "its frame type is not baseline or progressive Huffman");
            }
            Optional<ProfileToSrgb> toSrgb = Optional.empty();
            if (markers.iccProfile().isPresent() && !SrgbProfiles.isEffectivelySrgb(markers.iccProfile().get())) {
                toSrgb = ProfileToSrgb.of(markers.iccProfile().get());
                if (toSrgb.isEmpty()) {
                    return decline(file, "its ICC profile is not an RGB display profile, and ImageIO turns its "
                            + "colours through it");
                }
            }
            return decode(file, contents.memory(), contents.size(), storedWidth, storedHeight, minWidth, minHeight,
                    toSrgb);
        } catch (FileInMemory.Declined e) {
            return decline(file, e.getMessage());
        }
    }

    private Optional<Scaled> decode(Path file, Memory jpeg, long size, int storedWidth, int storedHeight,
            int minWidth, int minHeight, Optional<ProfileToSrgb> toSrgb) {
        Pointer handle = api.tjInitDecompress();
        if (handle == null) {
            return decline(file, "TurboJPEG could not create a decompressor");
        }
        try {
            NativeLong jpegSize = new NativeLong(size);
            int[] width = new int[1];
            int[] height = new int[1];
            int[] subsampling = new int[1];
            int[] colorspace = new int[1];
            if (api.tjDecompressHeader3(handle, jpeg, jpegSize, width, height, subsampling, colorspace) != 0) {
                return declineWithLibraryReason(file, handle, "reading the header");
            }
            if (width[0] != storedWidth || height[0] != storedHeight) {
                return decline(file, "TurboJPEG reads " + width[0] + " x " + height[0] + ", ImageIO "
                        + storedWidth + " x " + storedHeight);
            }
            if (colorspace[0] != TurboJpegApi.TJCS_YCBCR && colorspace[0] != TurboJpegApi.TJCS_GRAY) {
                return decline(file, "its colour space " + colorspace[0] + " is not YCbCr or gray");
            }
            if (toSrgb.isPresent() && colorspace[0] != TurboJpegApi.TJCS_YCBCR) {
                // ImageIO ignores an RGB profile on a gray JPEG with a warning the user should see.
                return decline(file, "it is gray but carries a colour profile");
            }
            int denominator = DctScale.denominator(storedWidth, storedHeight, minWidth, minHeight);
            int outWidth = DctScale.scaled(storedWidth, denominator);
            int outHeight = DctScale.scaled(storedHeight, denominator);
            if (toSrgb.isPresent()) {
                return decodeThroughProfile(file, handle, jpeg, jpegSize, outWidth, outHeight, denominator,
                        toSrgb.get());
            }
            try (Memory pixels = new Memory((long) outWidth * outHeight * Integer.BYTES)) {
                if (api.tjDecompress2(handle, jpeg, jpegSize, pixels, outWidth, outWidth * Integer.BYTES, outHeight,
                        TurboJpegApi.TJPF_BGRX, FLAGS) != 0) {
                    return declineWithLibraryReason(file, handle, "decoding");
                }
                return Optional.of(new Scaled(toIntRgb(pixels, outWidth, outHeight), denominator));
            }
        } finally {
            api.tjDestroy(handle);
        }
    }

    /** RGB bytes, the layout the colour engine reads, converted after the scaled decode and so on few pixels. */
    private Optional<Scaled> decodeThroughProfile(Path file, Pointer handle, Memory jpeg, NativeLong jpegSize,
            int outWidth, int outHeight, int denominator, ProfileToSrgb toSrgb) {
        int pitch = outWidth * 3;
        try (Memory pixels = new Memory((long) pitch * outHeight)) {
            if (api.tjDecompress2(handle, jpeg, jpegSize, pixels, outWidth, pitch, outHeight, TurboJpegApi.TJPF_RGB,
                    FLAGS) != 0) {
                return declineWithLibraryReason(file, handle, "decoding");
            }
            byte[] rgb = pixels.getByteArray(0, pitch * outHeight);
            return Optional.of(new Scaled(toSrgb.toSrgb(rgb, outWidth, outHeight), denominator));
        }
    }

    /**
     * BGRX bytes read as little-endian ints are 0xXXRRGGBB; the library fills X with 0xFF, which {@code TYPE_INT_RGB}
     * ignores but which would make the raw ints differ from those of every other decode, so it is cleared.
     */
    private static BufferedImage toIntRgb(Memory pixels, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        pixels.read(0, data, 0, data.length);
        for (int i = 0; i < data.length; i++) {
            data[i] &= 0x00FF_FFFF;
        }
        return image;
    }

    private Optional<Scaled> declineWithLibraryReason(Path file, Pointer handle, String step) {
        String kind = api.tjGetErrorCode(handle) == TurboJpegApi.TJERR_WARNING ? "warning" : "error";
        return decline(file, "TurboJPEG " + kind + " while " + step + ": " + api.tjGetErrorStr2(handle));
    }

    private static Optional<Scaled> decline(Path file, String reason) {
        LOG.debug("Decoding {} with ImageIO: {}", file, reason);
        return Optional.empty();
    }
}
