package ai.haski.desktop.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Names the kind of photo a file is, as decoding cost sees it: "baseline JPEG", "progressive JPEG", "wide-gamut
 * JPEG" (an embedded RGB profile other than sRGB), "PNG", else the file's extension in capitals; for benchmarks that
 * report each kind apart.
 */
public final class PhotoKind {
    /** Header segments (EXIF with its thumbnail, ICC chunks) come first; more than this is not read. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int SOF2 = 0xC2;

    private PhotoKind() {}

    /** The kind of {@code file}, judged from its first bytes; a file that cannot be read is named by extension. */
    public static String of(Path file) {
        ByteBuffer head;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            head = ByteBuffer.allocate((int) Math.min(channel.size(), MAX_HEADER_BYTES));
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // Reads until the buffer is full or the file ends.
            }
            head.flip();
        } catch (IOException e) {
            return byExtension(file);
        }
        if (head.limit() >= 8 && (head.get(0) & 0xFF) == 0x89 && head.get(1) == 'P' && head.get(2) == 'N'
                && head.get(3) == 'G') {
            return "PNG";
        }
        if (head.limit() < 4 || (head.get(0) & 0xFF) != 0xFF || (head.get(1) & 0xFF) != 0xD8) {
            return byExtension(file);
        }
        JpegMarkers markers = JpegMarkers.scan(head);
        if (markers.iccProfile().isPresent() && !SrgbProfiles.isEffectivelySrgb(markers.iccProfile().get())) {
            return "wide-gamut JPEG";
        }
        return markers.frameMarker() == SOF2 ? "progressive JPEG" : "baseline JPEG";
    }

    private static String byExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "no extension" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
    }
}
