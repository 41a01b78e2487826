package ai.haski.desktop.session;

import java.time.Instant;
import ai.haski.desktop.analysis.Region;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reviewer's verdict on one head of one photo: accepted the model's label or overrode it with {@code label}.
 * Verdicts are never changed; a later one supersedes an earlier one, and both stay in the history.
 *
 * @param analysisId the stored result the reviewer was looking at, when there was one
 * @param region     the region of the photo that result was of, when the store knows it (verdicts saved before
 *                   regions existed were given on whole-photo results)
 */
public record Verdict(long id, long photoId, String head, VerdictAction action, String label, OptionalLong analysisId,
        String reviewer, Instant at, String appVersion, Optional<Region> region) {}
