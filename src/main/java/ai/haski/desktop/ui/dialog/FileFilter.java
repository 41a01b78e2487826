package ai.haski.desktop.ui.dialog;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a file dialog's type list, e.g. "CSV (one row per photo)" for {@code *.csv}; the {@code id} lets a
 * ViewModel tell which one the user chose without reading the description.
 */
public record FileFilter(String id, String description, List<String> patterns) {
    public FileFilter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        patterns = List.copyOf(patterns);
    }
}
