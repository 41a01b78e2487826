package ai.haski.desktop.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;

/**
 * Recognises HEIF and AVIF files by content: the {@code ftyp} box that opens every ISO base media file, whose major
 * or compatible brands name the image kind, whatever the file is called.
 */
final class HeifBrands {
    static final String HEIF = "heif";
    static final String AVIF = "avif";
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "heim", "heis", "hevm", "hevs",
            "mif1", "msf1");
    // A real ftyp lists a handful of brands; reading more than this would only serve a hostile file.
    private static final int MAX_FTYP_BYTES = 4096;

    private HeifBrands() {}

    /** "heif" or "avif" when the file opens with an ftyp box naming one of their brands; leaves input at its start. */
    static Optional<String> formatOf(ImageInputStream input) throws IOException {
        input.seek(0);
        try {
            byte[] head = new byte[16];
            if (readFully(input, head) < head.length) {
                return Optional.empty();
            }
            ByteBuffer box = ByteBuffer.wrap(head);
            long size = Integer.toUnsignedLong(box.getInt(0));
            if (!"ftyp".equals(ascii(head, 4)) || size < 16 || size > MAX_FTYP_BYTES) {
                return Optional.empty();
            }
            byte[] ftyp = new byte[(int) size];
            System.arraycopy(head, 0, ftyp, 0, head.length);
            int read = head.length + readFully(input, ftyp, head.length, ftyp.length - head.length);
            boolean heif = false;
            // The major brand at 8, then the minor version, then compatible brands from 16 on.
            for (int at = 8; at + 4 <= read; at += at == 8 ? 8 : 4) {
                String brand = ascii(ftyp, at);
                if (AVIF_BRANDS.contains(brand)) {
                    return Optional.of(AVIF);
                }
                heif |= HEIF_BRANDS.contains(brand);
            }
            return heif ? Optional.of(HEIF) : Optional.empty();
        } finally {
            input.seek(0);
        }
    }

    private static int readFully(ImageInputStream input, byte[] into) throws IOException {
        return readFully(input, into, 0, into.length);
    }

    private static int readFully(ImageInputStream input, byte[] into, int offset, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = input.read(into, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }
}
