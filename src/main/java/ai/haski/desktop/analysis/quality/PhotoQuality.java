package ai.haski.desktop.analysis.quality;

import java.util.List;

/**
 * The quality of the picture a model analysed: good when no measure crossed its threshold, else poor with the
 * problems found. A poor photo is still analysed; the verdict says how far to trust the answer.
 */
public record PhotoQuality(List<QualityProblem> problems, QualityMeasures measures) {
    public PhotoQuality {
        problems = List.copyOf(problems);
    }

    public boolean isPoor() {
        return !problems.isEmpty();
    }

    /** {@code "good"} or {@code "poor"}, as the JSON and the exports write it. */
    public String verdict() {
        return isPoor() ? "poor" : "good";
    }

    /** The problems' codes joined by {@code ;}, empty when good: one cell of a CSV or of the session table. */
    public String codes() {
        return String.join(";", problems.stream().map(p -> p.code().name()).toList());
    }
}
