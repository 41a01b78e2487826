package ai.haski.desktop.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The maps already made, so that asking again for the same photo, model, head, label and grid (toggling an
 * overlay, a client retrying) costs nothing instead of a few hundred runs of the model. Bounded and in memory,
 * least recently used first out: a map is a few KB, and a stale one after a restart would only save a second.
 *
 * <p>Only maps are kept, never failures: a failure may be passing (a file still being written, a closed model).
 * Two identical requests at the same moment may both compute; the second simply replaces the first.
 */
public final class ExplanationCache {
    /** Enough for every photo of a review session seen with a couple of settings; about 1 MB at 14 x 14. */
    public static final int DEFAULT_CAPACITY = 256;

    private final Map<Key, Explanation> entries;

    public ExplanationCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Explanation> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Which photo a map is of. A file is known by its real path, size and modification time, so that a photo
     * edited in place is explained again; an upload, which has no lasting path, by the SHA-256 of its bytes.
     */
    public record Photo(String identity) {
        /** Empty when the file cannot be read: then nothing is cached and the explanation reports why. */
        public static Optional<Photo> ofFile(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new Photo("file:" + file.toRealPath() + "|" + attributes.size() + "|"
                        + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        public static Photo ofContent(byte[] sha256) {
            return new Photo("sha256:" + HexFormat.of().formatHex(sha256));
        }
    }

    /** The weights by digest and the format: the same package's ONNX and TFLite files differ in their digest. */
    private record Key(Photo photo, String modelSha256, String format, Optional<String> head,
            Optional<String> label, int rows, int cols, RegionRequest region) {}

    /** {@link Analyzer#explain} of a file, or the map already made of it with the same model and request. */
    public ExplainOutcome explain(Analyzer analyzer, Path file, ExplainRequest request, ExplainProgress progress,
            BooleanSupplier cancelled) {
        return ExplanationCache.Photo.ofFile(file)
                .map(photo -> explain(photo, analyzer.provenance(), file, request,
                        () -> analyzer.explain(file, request, progress, cancelled)))
                .orElseGet(() -> analyzer.explain(file, request, progress, cancelled));
    }

    /**
     * The map of {@code photo} by the model of {@code provenance}, computed by {@code compute} only when none is
     * kept; a kept map is returned as of {@code file}, the name the caller knows the photo by.
     */
    public ExplainOutcome explain(Photo photo, Provenance provenance, Path file, ExplainRequest request,
            Supplier<ExplainOutcome> compute) {
        Key key = new Key(photo, provenance.modelSha256(), provenance.format(), request.head(), request.label(),
                request.rows(), request.cols(), request.region());
        Explanation kept;
        synchronized (entries) {
            kept = entries.get(key);
        }
        if (kept != null) {
            return kept.withFile(file);
        }
        // Computed outside the lock: a map takes a second, and other photos must not wait on it.
        ExplainOutcome outcome = compute.get();
        if (outcome instanceof Explanation made) {
            synchronized (entries) {
                entries.put(key, made);
            }
        }
        return outcome;
    }

    /** How many maps are kept. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
