package ai.haski.desktop.ui.main;

import ai.haski.desktop.ui.dialog.FileFilter;
import java.util.List;

/** The file types the main window's open and save dialogs offer. */
final class FileTypes {
    static final List<FileFilter> PHOTOS = List.of(
            new FileFilter("photos", "Photos (JPEG, PNG, BMP, GIF, TIFF, WebP, HEIC, AVIF)", List.of("*.jpg", "*.jpeg",
                    "*.JPG", "*.JPEG", "*.png", "*.PNG", "*.bmp", "*.gif", "*.tif", "*.tiff", "*.TIF", "*.webp",
                    "*.heic", "*.HEIC", "*.heif", "*.HEIF", "*.hif", "*.avif", "*.AVIF")),
            new FileFilter("all", "All files", List.of("*")));
    static final List<FileFilter> JSON = List.of(new FileFilter("json", "JSON", List.of("*.json")));

    private FileTypes() {}
}
