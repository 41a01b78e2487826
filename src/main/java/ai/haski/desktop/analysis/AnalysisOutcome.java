package ai.haski.desktop.analysis;

import java.nio.file.Path;

/** What analysing one file gave: a result, or a failure that says why. */
public sealed interface AnalysisOutcome permits Analysis, AnalysisFailure {

    /** The file analysed. */
    Path file();
}
