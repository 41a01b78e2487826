package ai.haski.desktop.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads TensorFlow Lite's JNI library for tests. The classes in {@code tflite-engine} do not load it
 * themselves; {@code tflite-native-cpu} carries it as the class-path resource
 * {@code native/lib/libtensorflowlite_jni.so}, which is copied to a temporary file and loaded once.
 */
final class TfliteNativeLibrary {

    private static final String RESOURCE = "/native/lib/libtensorflowlite_jni.so";
    private static boolean loaded;

    private TfliteNativeLibrary() {}

    static synchronized void load() {
        if (loaded) {
            return;
        }
        try (InputStream in = TfliteNativeLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Path file = Files.createTempFile("libtensorflowlite_jni", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
            loaded = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + RESOURCE, e);
        }
    }
}
