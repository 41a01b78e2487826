package ai.haski.desktop.ui.result;

import ai.haski.desktop.analysis.Analysis;
import java.nio.file.Path;
import java.util.List;

/**
 * A result that can be explained: the photo, the heads its result has (in the order the pane shows them) and the
 * SHA-256 of the model that made it, so that a map is only ever made by that same model.
 */
public record ExplainSubject(Path file, List<String> heads, String modelSha256) {

    public ExplainSubject {
        heads = List.copyOf(heads);
    }

    /** The subject of a fresh analysis. */
    public static ExplainSubject of(Analysis analysis) {
        return new ExplainSubject(analysis.file(), analysis.heads().stream().map(h -> h.head()).toList(),
                analysis.provenance().modelSha256());
    }
}
