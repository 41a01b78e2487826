package ai.haski.desktop.session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** A session's folder and file, when and by which app version it was made, and its schema version. */
public record SessionInfo(Path root, Path file, Instant createdAt, String createdByApp, Optional<Instant> relinkedAt,
        int schemaVersion) {}
