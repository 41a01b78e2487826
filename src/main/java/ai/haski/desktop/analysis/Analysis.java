package ai.haski.desktop.analysis;

import ai.haski.desktop.analysis.quality.PhotoQuality;
import ai.haski.desktop.model.HeadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's result for one photo, with its provenance, timings and warnings, the region of the upright photo
 * that the model saw (the whole photo unless a region was asked for), that picture's quality, and the faces and skin
 * tone found.
 *
 * @param quality the analysed picture's quality; empty only for results stored before quality was measured
 * @param faces what the face detector found in the whole photo; empty only when no face detector is installed
 * @param skinTone the estimated skin tone (inside the largest face in the analysed region, else over the analysed
 *        region); empty when it has too few skin pixels
 */
public record Analysis(
        Path file,
        List<HeadResult> heads,
        Provenance provenance,
        ImageFacts image,
        StageTimings timings,
        List<String> warnings,
        Region region,
        Optional<PhotoQuality> quality,
        Optional<Faces> faces,
        Optional<SkinTone> skinTone) implements AnalysisOutcome {

    public Analysis {
        Objects.requireNonNull(region, "region");
        heads = List.copyOf(heads);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(faces, "faces");
        Objects.requireNonNull(skinTone, "skinTone");
    }

    /** A result without a quality check or a face stage (as stored before there were any). */
    public Analysis(Path file, List<HeadResult> heads, Provenance provenance, ImageFacts image, StageTimings timings,
            List<String> warnings, Region region) {
        this(file, heads, provenance, image, timings, warnings, region, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The same result under another file name (a server reports the client's name, not its upload copy). */
    public Analysis withFile(Path name) {
        return new Analysis(name, heads, provenance, image, timings, warnings, region, quality, faces, skinTone);
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
