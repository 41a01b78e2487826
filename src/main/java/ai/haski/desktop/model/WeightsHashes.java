package ai.haski.desktop.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 of weights files, remembered for as long as a file keeps its size and modification time, so that every
 * rescan of the packages (after an import, by the window, by {@code serve}) does not read every model again. A
 * changed file has a new size or time and is hashed again; the loader still hashes the very bytes it runs.
 */
final class WeightsHashes {
    private record Stamp(Path file, Object fileKey, long size, long modifiedNanos) {}

    private static final Map<Stamp, String> KNOWN = new ConcurrentHashMap<>();

    private WeightsHashes() {}

    static String of(Path file) throws IOException {
        Path real = file.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        Stamp stamp = new Stamp(real, attributes.fileKey(), attributes.size(),
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        String known = KNOWN.get(stamp);
        if (known != null) {
            return known;
        }
        String hash = Sha256.of(real);
        KNOWN.put(stamp, hash);
        return hash;
    }
}
