package ai.haski.desktop.model;

import java.util.Locale;
import java.util.Optional;

/** A weights file format a model package can carry, each run by its own runtime. */
public enum ModelFormat {
    ONNX("onnx"),
    TFLITE("tflite");

    private final String id;

    ModelFormat(String id) {
        this.id = id;
    }

    /** The manifest and result name of the format: {@code onnx} or {@code tflite}. */
    public String id() {
        return id;
    }

    /** Parses a manifest or command-line name, ignoring case. */
    public static Optional<ModelFormat> fromId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (ModelFormat format : values()) {
            if (format.id.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
