package ai.haski.desktop.analysis;

import java.nio.file.Path;
import java.util.List;

/**
 * Where in a photo one model's label came from, by occlusion sensitivity, with the provenance of the model that
 * was asked, and the region of the photo explained: an estimate of this model's behaviour, never a medical finding.
 */
public record Explanation(Path file, Provenance provenance, ImageFacts image, OcclusionMap map,
        ExplainTimings timings, List<String> warnings, Region region) implements ExplainOutcome {

    public Explanation {
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(region, "region");
    }

    /** The same map, of the photo known by another name (the server's upload, a cached map's new caller). */
    public Explanation withFile(Path name) {
        return new Explanation(name, provenance, image, map, timings, warnings, region);
    }
}
