package ai.haski.desktop.ui.drop;

import ai.haski.desktop.image.SupportedImageTypes;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides whether what is dragged over the window (or pasted) can be analysed, and if not, says why, while the
 * drag is still over the window. It judges by name and file type only: it runs inside drag handlers, where reading
 * a file would stall the file manager the drag comes from.
 */
public final class DropCheck {
    private DropCheck() {}

    public static DropVerdict check(DropContent content) {
        int count = content.files().size();
        if (count > 1) {
            return DropVerdict.refuse(count + " items: drop one photo, or one folder to review all its photos "
                    + "as a session.");
        }
        if (count == 1) {
            Path file = content.files().get(0);
            if (Files.isDirectory(file)) {
                return DropVerdict.openFolder(file);
            }
            if (!SupportedImageTypes.isSupportedName(file)) {
                return DropVerdict.refuse(nameOf(file) + " is not a photo this app reads. Use a "
                        + supportedList() + " file.");
            }
            return DropVerdict.openFile(file);
        }
        if (content.hasImage()) {
            return DropVerdict.useImage();
        }
        if (content.hasText()) {
            return DropVerdict.refuse("This is text, not a photo. Drop a " + supportedList() + " file.");
        }
        return DropVerdict.refuse("Nothing here can be analysed. Drop a " + supportedList() + " file.");
    }

    static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String supportedList() {
        return "JPEG, PNG, BMP, GIF, TIFF or WebP";
    }
}
