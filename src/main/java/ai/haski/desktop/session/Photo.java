package ai.haski.desktop.session;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One photo of a session: its path relative to the session's folder (with {@code /} separators, so that a moved
 * folder can be relinked), the size and modification time seen by the last scan, and whether it is still there.
 */
public record Photo(long id, String relativePath, long sizeBytes, long modifiedMillis, PhotoState state,
        Instant addedAt, Instant lastSeenAt) {

    /** The photo's file under the given session folder. */
    public Path resolveIn(Path root) {
        Path file = root;
        for (String part : relativePath.split("/")) {
            file = file.resolve(part);
        }
        return file;
    }
}
