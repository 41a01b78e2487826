package ai.haski.desktop.image;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a JNA binding of a system or bundled library: the first candidate that loads and has every function the
 * binding needs (an older library lacking one is skipped, not called into). Shared by the TurboJPEG and libpng
 * bindings.
 */
final class NativeBinding {
    private NativeBinding() {}

    /** A loaded binding and the file it came from. */
    record Loaded<T>(T api, String from) {}

    /**
     * Where to look: the file named by {@code pathProperty} when it exists (the packaged app ships its own copy),
     * then the system's names in order.
     */
    static List<String> candidates(String pathProperty, String... systemNames) {
        List<String> candidates = new ArrayList<>();
        String bundled = System.getProperty(pathProperty);
        if (bundled != null && !bundled.isBlank() && Files.isRegularFile(Path.of(bundled))) {
            candidates.add(Path.of(bundled).toAbsolutePath().toString());
        }
        candidates.addAll(List.of(systemNames));
        return candidates;
    }

    /** The first usable candidate; why each failed is added to {@code failures}. */
    static <T extends Library> Optional<Loaded<T>> first(List<String> candidates, List<String> requiredFunctions,
            Class<T> binding, List<String> failures) {
        for (String candidate : candidates) {
            try {
                NativeLibrary library = NativeLibrary.getInstance(candidate);
                for (String function : requiredFunctions) {
                    library.getFunction(function);
                }
                T api = Native.load(candidate, binding);
                return Optional.of(new Loaded<>(api, library.getFile() != null ? library.getFile().toString()
                        : candidate));
            } catch (LinkageError | RuntimeException e) {
                // LinkageError also covers JNA itself failing to start (its dispatch library missing or refused).
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
