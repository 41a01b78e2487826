package ai.haski.desktop.ui.drop;

import ai.haski.desktop.image.SupportedImageTypes;
import ai.haski.desktop.model.ModelPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides what is dragged over the window (or pasted): a photo, a folder of photos, a model package or an exported
 * model, or nothing usable, and says why, while the drag is still over the window. It judges by name and file type
 * only (and whether a folder holds {@code model.json}): it runs inside drag handlers, where reading a file would
 * stall the file manager the drag comes from.
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
                // A folder with a manifest is a model package; any other folder holds photos.
                return Files.isRegularFile(file.resolve(ModelPackage.MANIFEST_FILE))
                        ? DropVerdict.addModelPackage(file) : DropVerdict.openFolder(file);
            }
            if (isModelFile(file)) {
                return DropVerdict.importModelFile(file);
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

    private static boolean isModelFile(Path file) {
        String name = nameOf(file).toLowerCase(Locale.ROOT);
        return name.endsWith(".onnx") || name.endsWith(".tflite");
    }

    static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String supportedList() {
        return "JPEG, PNG, BMP, GIF, TIFF, WebP, HEIC or AVIF";
    }
}
