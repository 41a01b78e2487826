package ai.haski.desktop.analysis;

import ai.haski.desktop.model.HeadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The model's result for one photo, with its provenance, timings and warnings, and the region of the upright photo
 * that the model saw (the whole photo unless a region was asked for).
 */
public record Analysis(
        Path file,
        List<HeadResult> heads,
        Provenance provenance,
        ImageFacts image,
        StageTimings timings,
        List<String> warnings,
        Region region) implements AnalysisOutcome {

    public Analysis {
        java.util.Objects.requireNonNull(region, "region");
        heads = List.copyOf(heads);
        warnings = List.copyOf(warnings);
    }

    /** The same result under another file name (a server reports the client's name, not its upload copy). */
    public Analysis withFile(Path name) {
        return new Analysis(name, heads, provenance, image, timings, warnings, region);
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
