package ai.haski.desktop.session;

import ai.haski.desktop.analysis.Region;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model's result for one photo as the session keeps it: the Haski contract JSON the CLI prints, its heads' top
 * labels, or the failure's code and message, with the full provenance of the run that produced it.
 *
 * @param analysedSizeBytes the file's size when it was analysed, and {@code analysedModifiedMillis} its modification
 *     time, to tell when the photo has changed since
 */
public record StoredResult(
        long analysisId,
        long photoId,
        String relativePath,
        ModelKey model,
        String runtime,
        String runtimeVersion,
        String appVersion,
        Instant analysedAt,
        long analysedSizeBytes,
        long analysedModifiedMillis,
        Optional<String> errorCode,
        Optional<String> errorMessage,
        List<HeadSummary> heads,
        String outcomeJson) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public StoredResult {
        heads = List.copyOf(heads);
    }

    /**
     * Whether the photo's file changed (size or modification time, as the last scan saw it) after this result was
     * made, so the result may describe an earlier version of the picture.
     */
    public boolean fileChangedSince(Photo photo) {
        return photo.sizeBytes() != analysedSizeBytes || photo.modifiedMillis() != analysedModifiedMillis;
    }

    /** Whether the model gave a result (rather than the photo failing to decode or analyse). */
    public boolean succeeded() {
        return errorCode.isEmpty();
    }

    /** One head's top label and probability. */
    public Optional<HeadSummary> head(String name) {
        return heads.stream().filter(h -> h.head().equals(name)).findFirst();
    }

    /** The stored Haski contract JSON (or error object), with {@code file} relative to the session folder. */
    public ObjectNode outcome() {
        try {
            return (ObjectNode) JSON.readTree(outcomeJson);
        } catch (JsonProcessingException e) {
            throw new StoredCells.DamagedCellException("table analysis, row id " + analysisId
                    + ", column outcome_json", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * The region of the upright photo the model analysed, as the result says; a result saved before regions existed
     * was of the whole photo. Empty for a failure.
     */
    public Optional<Region> region() {
        if (!succeeded()) {
            return Optional.empty();
        }
        ObjectNode outcome = outcome();
        JsonNode region = outcome.path("region");
        if (region.isObject()) {
            return Optional.of(new Region(region.path("x").asInt(), region.path("y").asInt(),
                    region.path("width").asInt(), region.path("height").asInt(),
                    Region.Source.of(region.path("source").asText())));
        }
        JsonNode image = outcome.path("image");
        return Optional.of(Region.whole(image.path("width").asInt(), image.path("height").asInt()));
    }

    /**
     * The photo quality verdict, {@code "good"} or {@code "poor"}; empty for a failure and for a result stored before
     * quality was measured.
     */
    public Optional<String> qualityVerdict() {
        JsonNode verdict = outcome().path("quality").path("verdict");
        return verdict.isTextual() ? Optional.of(verdict.asText()) : Optional.empty();
    }

    /** The codes of the photo quality problems ({@code BLURRED}, ...), in the result's order; empty when good. */
    public List<String> qualityProblems() {
        List<String> codes = new ArrayList<>();
        outcome().path("quality").path("problems").forEach(problem -> codes.add(problem.path("code").asText()));
        return codes;
    }

    /** Every label the head could have given, in the model's order; empty for an unknown head or a failure. */
    public List<String> labels(String head) {
        JsonNode byLabel = outcome().path("probabilities").path(head);
        List<String> labels = new ArrayList<>();
        byLabel.fieldNames().forEachRemaining(labels::add);
        return labels;
    }
}
