package ai.haski.desktop.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads the EXIF orientation tag of a file with metadata-extractor, falling back to upright with a warning. */
final class ExifOrientationReader {
    // BMP and GIF cannot carry EXIF, so parsing them again would only cost time.
    private static final Set<String> FORMATS_WITH_EXIF = Set.of("jpeg", "png", "tiff", "webp");

    private ExifOrientationReader() {}

    /**
     * The orientation to apply; problems with the tag become entries in {@code warnings}, never failures, because the
     * pixels themselves may be perfectly good.
     */
    static ExifOrientation read(Path file, String format, List<String> warnings) {
        if (!FORMATS_WITH_EXIF.contains(format)) {
            return ExifOrientation.NORMAL;
        }
        ExifIFD0Directory directory;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            directory = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // A damaged metadata block (or one declaring a gigantic length) must not cost the user the picture.
            warnings.add("the EXIF metadata could not be read (" + e.getClass().getSimpleName()
                    + "); the image is shown as stored, which may be rotated");
            return ExifOrientation.NORMAL;
        }
        if (directory == null || !directory.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            return ExifOrientation.NORMAL;
        }
        int value;
        try {
            value = directory.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        } catch (MetadataException e) {
            warnings.add("the EXIF orientation is not a number; treating the image as upright (orientation 1)");
            return ExifOrientation.NORMAL;
        }
        return ExifOrientation.fromTagValue(value).orElseGet(() -> {
            warnings.add("the EXIF orientation value " + value
                    + " is not one of 1 to 8; treating the image as upright (orientation 1)");
            return ExifOrientation.NORMAL;
        });
    }
}
