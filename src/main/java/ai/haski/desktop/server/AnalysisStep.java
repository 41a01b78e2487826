package ai.haski.desktop.server;

import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Region;
import java.nio.file.Path;

/**
 * How the server turns a stored photo into an outcome. Production analyses it; a test can hold the step (a gate
 * around the same analysis) to fill the queue by construction rather than by the machine's speed.
 */
@FunctionalInterface
interface AnalysisStep {
    AnalysisStep ANALYSE = (analyzer, photo, region) -> region == null ? analyzer.analyze(photo)
            : analyzer.analyze(photo, region);

    /** @param region the box to analyse, in upright pixels; null for the whole photo */
    AnalysisOutcome analyse(Analyzer analyzer, Path photo, Region region);
}
