package ai.haski.desktop.image;

import java.io.IOException;
import java.nio.ByteOrder;
import javax.imageio.stream.ImageInputStream;

/**
 * Compares a container's declared length with the bytes actually present, for formats whose decoder does not notice
 * a cut-off file by itself.
 *
 * <p>Only WebP needs it today: TwelveMonkeys' WebP reader decodes a truncated file without an exception or a warning,
 * filling the missing pixels, while its RIFF header states exactly how long the file must be.
 */
final class DeclaredLength {
    private static final int RIFF_HEADER_BYTES = 8;

    private DeclaredLength() {}

    /** How many bytes the header promises beyond the end of the file; 0 when complete or when unknowable. */
    static long missingBytes(ImageInputStream input, String format) throws IOException {
        if (!"webp".equals(format)) {
            return 0;
        }
        long actual = input.length();
        if (actual < 0) {
            return 0;
        }
        input.mark();
        ByteOrder order = input.getByteOrder();
        try {
            input.seek(0);
            byte[] magic = new byte[4];
            input.readFully(magic);
            if (magic[0] != 'R' || magic[1] != 'I' || magic[2] != 'F' || magic[3] != 'F') {
                return 0;
            }
            input.setByteOrder(ByteOrder.LITTLE_ENDIAN);
            long declared = RIFF_HEADER_BYTES + input.readUnsignedInt();
            return Math.max(0, declared - actual);
        } finally {
            input.setByteOrder(order);
            input.reset();
        }
    }
}
