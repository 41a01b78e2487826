package ai.haski.desktop.analysis;

import ai.haski.desktop.model.HeadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The model's result for one photo, with its provenance, timings and warnings.
 *
 * @param faces what the face detector found; empty only when no face detector is installed
 * @param skinTone the estimated skin tone of the analysed region; empty when it has too few skin pixels
 */
public record Analysis(
        Path file,
        List<HeadResult> heads,
        Provenance provenance,
        ImageFacts image,
        StageTimings timings,
        List<String> warnings,
        Optional<Faces> faces,
        Optional<SkinTone> skinTone) implements AnalysisOutcome {

    public Analysis {
        heads = List.copyOf(heads);
        warnings = List.copyOf(warnings);
    }

    /** A result without a face stage (no detector installed, no skin tone estimated). */
    public Analysis(Path file, List<HeadResult> heads, Provenance provenance, ImageFacts image, StageTimings timings,
            List<String> warnings) {
        this(file, heads, provenance, image, timings, warnings, Optional.empty(), Optional.empty());
    }

    /** The result of the head with this name. */
    public Optional<HeadResult> head(String name) {
        return heads.stream().filter(h -> h.head().equals(name)).findFirst();
    }

    /** The labels found by every head that reports findings (the Haski {@code conditions_detected}). */
    public List<String> conditionsDetected() {
        return heads.stream().filter(HeadResult::reportsFindings).flatMap(h -> h.detected().stream()).toList();
    }
}
