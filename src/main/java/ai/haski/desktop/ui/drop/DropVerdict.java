package ai.haski.desktop.ui.drop;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a drop or paste can be used, what it is, and a sentence for the user that says what will happen or why
 * not.
 *
 * @param file the photo, folder or model file to use; empty when refused, or when the offered image itself is used
 * @param kind what the drop is, which decides what the window does with it
 */
public record DropVerdict(boolean accepted, Optional<Path> file, String message, Kind kind) {

    /** What a drop is. */
    public enum Kind {
        /** A photo file to analyse. */
        PHOTO,
        /** An image offered without a file (dragged from a browser, pasted). */
        IMAGE,
        /** A folder of photos, to open as a review session. */
        SESSION_FOLDER,
        /** A folder holding {@code model.json}: a model package to copy into the user's models folder. */
        MODEL_PACKAGE,
        /** An exported network (.onnx, .tflite), to import with the Add model dialog. */
        MODEL_FILE,
        REFUSED
    }

    static DropVerdict openFolder(Path folder) {
        return new DropVerdict(true, Optional.of(folder), "Drop to open " + DropCheck.nameOf(folder)
                + " as a review session", Kind.SESSION_FOLDER);
    }

    static DropVerdict addModelPackage(Path folder) {
        return new DropVerdict(true, Optional.of(folder), "Drop to add the model package " + DropCheck.nameOf(folder)
                + " to your models (it is checked first)", Kind.MODEL_PACKAGE);
    }

    static DropVerdict importModelFile(Path file) {
        return new DropVerdict(true, Optional.of(file), "Drop to import " + DropCheck.nameOf(file)
                + " as a model (Add model)", Kind.MODEL_FILE);
    }

    static DropVerdict openFile(Path file) {
        return new DropVerdict(true, Optional.of(file), "Drop to analyse " + DropCheck.nameOf(file), Kind.PHOTO);
    }

    static DropVerdict useImage() {
        return new DropVerdict(true, Optional.empty(), "Drop to analyse this image (it is saved as a PNG first)",
                Kind.IMAGE);
    }

    static DropVerdict refuse(String why) {
        return new DropVerdict(false, Optional.empty(), why, Kind.REFUSED);
    }

    /** True when {@code file} is a folder of photos to open as a review session. */
    public boolean folder() {
        return kind == Kind.SESSION_FOLDER;
    }

    /** True when the offered image itself (not a file) is to be analysed. */
    public boolean usesImage() {
        return kind == Kind.IMAGE;
    }
}
