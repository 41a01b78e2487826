package ai.haski.desktop.cli;

import ai.haski.desktop.model.ModelFormat;
import java.util.Arrays;
import java.util.Optional;

/** Checks of option values that picocli's types do not cover, with messages that list what is accepted. */
final class CliArguments {
    private CliArguments() {}

    /** The format named by {@code --backend}, if given. */
    static Optional<ModelFormat> backend(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(ModelFormat.fromId(value).orElseThrow(() -> new IllegalArgumentException(
                "--backend must be onnx or tflite, found \"" + value + "\"")));
    }

    static void requireOneOf(String option, String value, String... allowed) {
        if (!Arrays.asList(allowed).contains(value)) {
            throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed)
                    + ", found \"" + value + "\"");
        }
    }
}
