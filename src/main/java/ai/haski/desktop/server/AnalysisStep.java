package ai.haski.desktop.server;

import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.RegionRequest;
import java.nio.file.Path;

/**
 * How the server turns a stored photo into an outcome. Production analyses it; a test can hold the step (a gate
 * around the same analysis) to fill the queue by construction rather than by the machine's speed.
 */
@FunctionalInterface
interface AnalysisStep {
    AnalysisStep ANALYSE = Analyzer::analyze;

    /** @param region the part of the photo to analyse: the whole, a box in upright pixels, or the largest face */
    AnalysisOutcome analyse(Analyzer analyzer, Path photo, RegionRequest region);
}
