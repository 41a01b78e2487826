package ai.haski.desktop.ui.result;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.RegionRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * A result that can be explained: the photo, the heads its result has (in the order the pane shows them), the
 * SHA-256 of the model that made it, so that a map is only ever made by that same model, and the region the result
 * is of, so that the map explains what the model saw.
 */
public record ExplainSubject(Path file, List<String> heads, String modelSha256, RegionRequest region) {

    public ExplainSubject {
        heads = List.copyOf(heads);
        java.util.Objects.requireNonNull(region, "region");
    }

    /** The subject of a fresh analysis. */
    public static ExplainSubject of(Analysis analysis) {
        return new ExplainSubject(analysis.file(), analysis.heads().stream().map(h -> h.head()).toList(),
                analysis.provenance().modelSha256(), regionOf(analysis.region()));
    }

    /** The request that analyses {@code region} again: the whole photo, or that box (a face's keeps its source). */
    public static RegionRequest regionOf(Region region) {
        return region.source() == Region.Source.WHOLE ? RegionRequest.WHOLE : RegionRequest.box(region);
    }
}
