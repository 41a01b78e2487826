package ai.haski.desktop.analysis;

import java.nio.file.Path;

/** What explaining one photo gave: a map, or the failure that stopped it (the same codes as an analysis). */
public sealed interface ExplainOutcome permits Explanation, AnalysisFailure {

    /** The file explained. */
    Path file();
}
