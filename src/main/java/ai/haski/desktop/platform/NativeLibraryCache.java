package ai.haski.desktop.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks native libraries shipped inside jars into a stable per-user cache folder, once.
 *
 * <p>The runtimes' own loaders unpack into a fresh temporary folder on every launch, which is slow, litters
 * {@code /tmp} and fails where {@code /tmp} is mounted noexec. A library already in the cache with the size of
 * the jar's copy is reused; a new one is written beside it and moved into place, so that two processes starting
 * at once never see a half-written file.
 */
public final class NativeLibraryCache {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryCache.class);

    private final Path folder;

    /** A cache rooted at {@code folder}, e.g. {@code ~/.cache/haski-desktop/native/onnxruntime-1.23.2}. */
    public NativeLibraryCache(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /**
     * The cached copy of a classpath resource, unpacked if it is missing or differs in size.
     *
     * @return the file, or empty when the classpath holds no such resource (no library for this platform)
     */
    public Optional<Path> unpack(String resource, String fileName) throws IOException {
        URL url = NativeLibraryCache.class.getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        // A jar entry's length comes from the jar's directory, without inflating the library.
        long expectedSize = url.openConnection().getContentLengthLong();
        Path target = folder.resolve(fileName);
        if (Files.isRegularFile(target) && Files.size(target) == expectedSize) {
            return Optional.of(target);
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, fileName, ".partial");
        try (InputStream in = url.openStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        LOG.info("Unpacked native library {} into {}", fileName, folder);
        return Optional.of(target);
    }
}
