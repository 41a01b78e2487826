package ai.haski.desktop.image;

import com.sun.jna.Memory;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an opaque PNG with libpng's simplified API into a {@code TYPE_INT_RGB} picture, or declines so that the
 * caller decodes it with ImageIO.
 *
 * <p>libpng unfilters rows with SIMD code where ImageIO's reader does it byte by byte in Java; on the public photos
 * it decodes in a third to a half of ImageIO's time (docs/BENCHMARKS.md). It takes only the PNGs whose pixels both
 * decoders give identically: 8 bits or fewer per sample, gray, RGB or palette, no transparency (tRNS), and no colour
 * chunk that libpng would act on and ImageIO would not (gAMA, cHRM, or an ICC profile other than sRGB in effect). It
 * declines larger files than {@link #MAX_PIXELS} too, which ImageIO decodes with subsampling in less memory, and
 * every file libpng reports an error or warning for, so damaged files keep ImageIO's codes and messages.
 * Thread-safe: each call has its own native buffers.
 */
final class LibpngDecoder {
    /** Larger pictures go to ImageIO, which subsamples while decoding instead of holding every pixel twice. */
    static final long MAX_PIXELS = 4096L * 4096;
    private static final Logger LOG = LoggerFactory.getLogger(LibpngDecoder.class);
    private static final long SIGNATURE = 0x89504E470D0A1A0AL;

    private final PngApi api;

    LibpngDecoder(PngApi api) {
        this.api = api;
    }

    /**
     * @param storedWidth  the width ImageIO read from the header; the file is declined if libpng reads another
     * @param storedHeight the height ImageIO read from the header
     * @return the picture, or empty when the caller must decode the file with ImageIO
     */
    Optional<BufferedImage> decode(Path file, int storedWidth, int storedHeight) {
        if ((long) storedWidth * storedHeight > MAX_PIXELS) {
            return decline(file, storedWidth + " x " + storedHeight + " is more than the fast path holds");
        }
        try (FileInMemory.Contents contents = FileInMemory.read(file)) {
            Optional<String> unsuitable = unsuitable(contents.view());
            if (unsuitable.isPresent()) {
                return decline(file, unsuitable.get());
            }
            return decode(file, contents.memory(), contents.size(), storedWidth, storedHeight);
        } catch (FileInMemory.Declined e) {
            return decline(file, e.getMessage());
        }
    }

    private Optional<BufferedImage> decode(Path file, Memory png, long size, int storedWidth, int storedHeight) {
        PngApi.PngImage image = new PngApi.PngImage();
        if (api.png_image_begin_read_from_memory(image, png, size) == 0) {
            return decline(file, "libpng could not read its header: " + image.message());
        }
        if (image.width != storedWidth || image.height != storedHeight || warned(image)) {
            api.png_image_free(image);
            return decline(file, "libpng read its header differently (" + image.width + " x " + image.height
                    + ", " + image.message() + ")");
        }
        image.format = PngApi.PNG_FORMAT_BGRA;
        int pixels = storedWidth * storedHeight;
        try (Memory out = new Memory(4L * pixels)) {
            if (api.png_image_finish_read(image, null, out, 0, null) == 0 || warned(image)) {
                return decline(file, "libpng: " + image.message());
            }
            BufferedImage picture = new BufferedImage(storedWidth, storedHeight, BufferedImage.TYPE_INT_RGB);
            int[] data = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
            out.read(0, data, 0, pixels);
            // BGRA bytes are little-endian 0xAARRGGBB ints; the opaque alpha is cleared so the ints equal every
            // other decoder's.
            for (int i = 0; i < pixels; i++) {
                data[i] &= 0x00FF_FFFF;
            }
            return Optional.of(picture);
        }
    }

    /**
     * Whether libpng warned about anything but the ICC profile. A profile warning (typically "known incorrect sRGB
     * profile", the old HP profile many editors embedded) is about a profile {@link #unsuitable} has already judged
     * sRGB in effect, and libpng's simplified API applies no profile; any other warning (a bad CRC, extra data) may
     * mean damage, which ImageIO reports in its own words.
     */
    private static boolean warned(PngApi.PngImage image) {
        return image.warning_or_error != 0 && !image.message().startsWith("iCCP:");
    }

    /**
     * Why the PNG in {@code file} is not one whose pixels libpng and ImageIO give alike; empty when it is. Reads the
     * header and the chunks before the first IDAT.
     */
    static Optional<String> unsuitable(ByteBuffer bytes) {
        // PNG numbers are big-endian; a native-memory view comes in the machine's order.
        ByteBuffer file = bytes.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
        if (file.remaining() < 33 || file.getLong(0) != SIGNATURE) {
            return Optional.of("it does not start with a PNG header");
        }
        int bitDepth = file.get(24) & 0xFF;
        int colourType = file.get(25) & 0xFF;
        if (bitDepth > 8) {
            return Optional.of("it has " + bitDepth + "-bit samples");
        }
        if (colourType != 0 && colourType != 2 && colourType != 3) {
            return Optional.of("it has an alpha channel");
        }
        int at = 8;
        while (at + 8 <= file.limit()) {
            long length = Integer.toUnsignedLong(file.getInt(at));
            String type = chunkType(file, at + 4);
            long next = at + 12 + length;
            if (type.equals("IDAT") || next > file.limit()) {
                return Optional.empty();
            }
            switch (type) {
                case "tRNS" -> {
                    return Optional.of("it has transparency (tRNS)");
                }
                case "gAMA", "cHRM" -> {
                    return Optional.of("it has a " + type + " chunk, which libpng applies and ImageIO does not");
                }
                case "iCCP" -> {
                    Optional<byte[]> profile = iccProfile(file, at + 8, (int) length);
                    if (profile.isEmpty() || !SrgbProfiles.isEffectivelySrgb(profile.get())) {
                        return Optional.of("it has an ICC profile other than sRGB");
                    }
                }
                default -> {
                    // Text, time, physical size, sRGB and the like change no pixel.
                }
            }
            at = (int) next;
        }
        return Optional.empty();
    }

    private static String chunkType(ByteBuffer file, int at) {
        char[] type = new char[4];
        for (int i = 0; i < 4; i++) {
            type[i] = (char) (file.get(at + i) & 0xFF);
        }
        return new String(type);
    }

    /** An iCCP chunk's profile: a name, a zero, the compression method, then the zlib stream. */
    private static Optional<byte[]> iccProfile(ByteBuffer file, int start, int length) {
        int nameEnd = start;
        while (nameEnd < start + length && file.get(nameEnd) != 0) {
            nameEnd++;
        }
        int compressed = nameEnd + 2;
        if (compressed >= start + length) {
            return Optional.empty();
        }
        byte[] data = new byte[start + length - compressed];
        file.get(compressed, data);
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream profile = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty();
                }
                profile.write(chunk, 0, n);
                if (profile.size() > 4 << 20) {
                    return Optional.empty();
                }
            }
            return Optional.of(profile.toByteArray());
        } catch (DataFormatException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }

    private static Optional<BufferedImage> decline(Path file, String reason) {
        LOG.debug("Decoding {} with ImageIO: {}", file, reason);
        return Optional.empty();
    }
}
