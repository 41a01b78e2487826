package ai.haski.desktop.ui.models;

import ai.haski.desktop.model.ModelFormat;
import java.util.Optional;

/**
 * One entry of the runtime picker: automatic (the package's preferred format with fallback) or one forced format
 * with its runtime, disabled with the reason when that runtime cannot load here.
 */
public record RuntimeChoice(Optional<ModelFormat> format, String label, Optional<String> unavailableReason) {

    public boolean selectable() {
        return unavailableReason.isEmpty();
    }

    public boolean automatic() {
        return format.isEmpty();
    }

    @Override
    public String toString() {
        return label;
    }
}
