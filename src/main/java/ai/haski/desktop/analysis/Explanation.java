package ai.haski.desktop.analysis;

import java.nio.file.Path;
import java.util.List;

/**
 * Where in a photo one model's label came from, by occlusion sensitivity, with the provenance of the model that
 * was asked: an estimate of this model's behaviour, never a medical finding.
 */
public record Explanation(Path file, Provenance provenance, ImageFacts image, OcclusionMap map,
        ExplainTimings timings, List<String> warnings) implements ExplainOutcome {

    public Explanation {
        warnings = List.copyOf(warnings);
    }
}
