package ai.haski.desktop.analysis;

import ai.haski.desktop.analysis.quality.PhotoQuality;
import ai.haski.desktop.model.HeadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's result for one photo, with its provenance, timings and warnings.
 *
 * @param quality the analysed picture's quality; empty only for results stored before quality was measured
 */
public record Analysis(
        Path file,
        List<HeadResult> heads,
        Provenance provenance,
        ImageFacts image,
        StageTimings timings,
        List<String> warnings,
        Optional<PhotoQuality> quality) implements AnalysisOutcome {

    public Analysis {
        heads = List.copyOf(heads);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(quality, "quality");
    }

    /** A result without a quality check (as stored before there was one). */
    public Analysis(Path file, List<HeadResult> heads, Provenance provenance, ImageFacts image, StageTimings timings,
            List<String> warnings) {
        this(file, heads, provenance, image, timings, warnings, Optional.empty());
    }

    /** The same result reported under another file name (the server's upload, a relative path). */
    public Analysis withFile(Path name) {
        return new Analysis(name, heads, provenance, image, timings, warnings, quality);
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
