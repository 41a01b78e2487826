package ai.haski.desktop.platform;

import java.util.Optional;

/**
 * What the desktop app remembers between runs: the model the user chose and, when they forced one, its format.
 *
 * @param modelId the chosen model package's id; empty means the default package
 * @param format  the forced format id ({@code onnx}, {@code tflite}); empty means the package's own preference
 */
public record Settings(Optional<String> modelId, Optional<String> format) {
    /** Nothing chosen yet: the default model in its preferred format. */
    public static final Settings DEFAULT = new Settings(Optional.empty(), Optional.empty());

    public Settings {
        modelId = modelId.filter(id -> !id.isBlank());
        format = format.filter(f -> !f.isBlank());
    }

    public Settings withModel(String id, Optional<String> chosenFormat) {
        return new Settings(Optional.of(id), chosenFormat);
    }
}
