package ai.haski.desktop.bench;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ExplainOutcome;
import ai.haski.desktop.analysis.ExplainProgress;
import ai.haski.desktop.analysis.ExplainRequest;
import ai.haski.desktop.analysis.Explanation;
import ai.haski.desktop.bench.BenchResults.ExplainLatency;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times {@code explain} of one photo with the default request, as the window and the {@code explain} command make
 * it: the first head, its top label, the default grid.
 */
final class ExplainBench {
    private ExplainBench() {}

    /**
     * Explains {@code photo} once untimed (the occluded runs reach code paths a plain analysis does not), then
     * {@code repeat} times timed.
     */
    static ExplainLatency time(Analyzer analyzer, Path photo, int repeat) {
        ExplainRequest request = ExplainRequest.defaults();
        analyzer.explain(photo, request, ExplainProgress.NONE, () -> false);
        List<Double> totals = new ArrayList<>();
        List<Double> occlusion = new ArrayList<>();
        int failures = 0;
        int width = 0;
        int height = 0;
        int runs = 0;
        for (int i = 0; i < repeat; i++) {
            ExplainOutcome outcome = analyzer.explain(photo, request, ExplainProgress.NONE, () -> false);
            if (outcome instanceof Explanation explanation) {
                totals.add(explanation.timings().totalMs());
                occlusion.add(explanation.timings().occlusionMs());
                width = explanation.image().width();
                height = explanation.image().height();
                runs = explanation.timings().runs();
            } else {
                failures++;
            }
        }
        return new ExplainLatency(photo.getFileName().toString(), width, height, request.rows(), request.cols(),
                runs, failures, Distribution.of(totals), Distribution.of(occlusion));
    }
}
