package ai.haski.desktop.session;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The moment a reviewer was shown the model's output for one head of one photo in a blinded session. A verdict that
 * reviewer gave on that head before this moment was given blind.
 *
 * @param afterVerdict the id of the session's last verdict when the output was shown (0: none yet): verdicts with a
 *     higher id came after it
 * @param analysisId the stored result whose output was shown, when there was one
 */
public record Reveal(long id, long afterVerdict, long photoId, String head, OptionalLong analysisId, String reviewer,
        Instant at) {}
