package ai.haski.desktop.analysis;

/** Milliseconds spent in each stage of one analysis. */
public record StageTimings(double decodeMs, double preprocessMs, double inferenceMs, double postprocessMs,
        double totalMs) {}
