package ai.haski.desktop.ui.drop;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a drop or paste can be used, and a sentence for the user that says what will happen or why not.
 *
 * @param folder true when {@code file} is a folder to open as a review session
 * @param file the photo (or folder) to open; empty when refused, or when the offered image itself is to be used
 */
public record DropVerdict(boolean accepted, Optional<Path> file, String message, boolean folder) {

    public DropVerdict(boolean accepted, Optional<Path> file, String message) {
        this(accepted, file, message, false);
    }

    static DropVerdict openFolder(Path folder) {
        return new DropVerdict(true, Optional.of(folder), "Drop to open " + DropCheck.nameOf(folder)
                + " as a review session", true);
    }

    static DropVerdict openFile(Path file) {
        return new DropVerdict(true, Optional.of(file), "Drop to analyse " + DropCheck.nameOf(file));
    }

    static DropVerdict useImage() {
        return new DropVerdict(true, Optional.empty(), "Drop to analyse this image (it is saved as a PNG first)");
    }

    static DropVerdict refuse(String why) {
        return new DropVerdict(false, Optional.empty(), why);
    }

    /** True when the offered image itself (not a file) is to be analysed. */
    public boolean usesImage() {
        return accepted && file.isEmpty();
    }
}
