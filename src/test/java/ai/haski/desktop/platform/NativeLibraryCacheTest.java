package ai.haski.desktop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {
    private static final String RESOURCE = "/native/lib/libtensorflowlite_jni.so";

    @TempDir
    Path cacheDir;

    @Test
    void unpacksALibraryOnceAndReusesItOnLaterLaunches() throws Exception {
        NativeLibraryCache cache = new NativeLibraryCache(cacheDir.resolve("tflite"));

        Path first = cache.unpack(RESOURCE, "libtensorflowlite_jni.so").orElseThrow();
        FileTime marked = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(first, marked);
        Path second = new NativeLibraryCache(cacheDir.resolve("tflite"))
                .unpack(RESOURCE, "libtensorflowlite_jni.so").orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).as("not written again").isEqualTo(marked);
        try (var files = Files.list(cacheDir.resolve("tflite"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("libtensorflowlite_jni.so");
        }
    }

    @Test
    void replacesADamagedCopy() throws Exception {
        NativeLibraryCache cache = new NativeLibraryCache(cacheDir);
        Path library = cache.unpack(RESOURCE, "libtensorflowlite_jni.so").orElseThrow();
        long size = Files.size(library);
        Files.write(library, new byte[] {1, 2, 3});

        cache.unpack(RESOURCE, "libtensorflowlite_jni.so");

        assertThat(Files.size(library)).isEqualTo(size);
    }

    @Test
    void saysSoWhenTheClasspathHasNoLibraryForThisPlatform() throws Exception {
        Optional<Path> none = new NativeLibraryCache(cacheDir).unpack("/native/lib/no-such-library.dll", "x.dll");

        assertThat(none).isEmpty();
        assertThat(cacheDir).isEmptyDirectory();
    }
}
