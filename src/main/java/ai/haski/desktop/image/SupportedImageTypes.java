package ai.haski.desktop.image;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The image formats the app decodes, by file name (for folder scanning) and by ImageIO format name (for decoding);
 * HEIC/HEIF and AVIF are recognised by content in {@link HeifBrands}.
 */
public final class SupportedImageTypes {
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp",
            "heic", "heif", "hif", "avif");

    // ImageIO readers for other formats are on the class path too (WBMP, ICO, CUR); WBMP in particular accepts
    // almost any bytes that start with two zeros, so only these readers may decode a file.
    private static final Map<String, String> FORMAT_BY_READER_NAME = Map.of(
            "jpeg", "jpeg", "jpg", "jpeg",
            "png", "png",
            "bmp", "bmp",
            "gif", "gif",
            "tiff", "tiff", "tif", "tiff", "bigtiff", "tiff",
            "webp", "webp");

    private SupportedImageTypes() {}

    /** File extensions, lower case and without the dot. */
    public static Set<String> extensions() {
        return EXTENSIONS;
    }

    /**
     * Whether a folder scan should pick this file up, judged by its name alone (case-insensitive extension).
     * AppleDouble companions such as {@code ._IMG_1.jpg}, which macOS leaves on shared drives, are not images.
     */
    public static boolean isSupportedName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || text.startsWith("._")) {
            return false;
        }
        return EXTENSIONS.contains(text.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Our short name ("jpeg", "png", "tiff", ...) for a reader that declares these format names, if we support it. */
    static Optional<String> formatOf(String[] readerFormatNames) {
        return Arrays.stream(readerFormatNames)
                .map(name -> FORMAT_BY_READER_NAME.get(name.toLowerCase(Locale.ROOT)))
                .filter(format -> format != null)
                .findFirst();
    }

    /** Human names of the supported formats, for messages. */
    static List<String> formatNamesForPeople() {
        return List.of("JPEG", "PNG", "BMP", "GIF", "TIFF", "WebP", "HEIC/HEIF", "AVIF");
    }
}
