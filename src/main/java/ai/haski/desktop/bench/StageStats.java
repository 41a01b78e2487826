package ai.haski.desktop.bench;

import ai.haski.desktop.analysis.StageTimings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Median and 95th percentile of each analysis stage over a set of runs ({@code quality} is part of the total;
 * faces: detection and skin tone).
 */
public record StageStats(Distribution decode, Distribution orientConvert, Distribution preprocess,
        Distribution inference, Distribution postprocess, Distribution total, Distribution quality,
        Distribution faces) {

    /** Summarises the timings of several analyses. */
    public static StageStats of(List<StageTimings> runs) {
        return new StageStats(stage(runs, StageTimings::decodeMs), stage(runs, StageTimings::orientConvertMs),
                stage(runs, StageTimings::preprocessMs), stage(runs, StageTimings::inferenceMs),
                stage(runs, StageTimings::postprocessMs), stage(runs, StageTimings::totalMs),
                stage(runs, StageTimings::qualityMs), stage(runs, StageTimings::facesMs));
    }

    private static Distribution stage(List<StageTimings> runs, ToDoubleFunction<StageTimings> pick) {
        List<Double> values = new ArrayList<>(runs.size());
        runs.forEach(run -> values.add(pick.applyAsDouble(run)));
        return Distribution.of(values);
    }
}
