package ai.haski.desktop.ui.dialog;

import java.nio.file.Path;
import java.util.Objects;

/** Where the user chose to save, and which of the dialog's file types was selected when they did. */
public record SaveTarget(Path file, FileFilter filter) {
    public SaveTarget {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(filter, "filter");
    }
}
