package ai.haski.desktop.bench;

import java.util.List;

/** What {@code bench} measured, as plain data for the text and JSON reports. */
public final class BenchResults {
    private BenchResults() {}

    /** The machine the figures come from. */
    public record Machine(int cores, String os, String arch, String cpu, String java) {}

    /** Latency of one photo (or one kind of photo), single-threaded, repeated. */
    public record LatencyGroup(String label, int width, int height, int runs, int failures, StageStats stages) {}

    /** How many photos per second a number of worker threads got through. */
    public record Throughput(int threads, int images, int failures, double seconds) {
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    /**
     * Explaining the largest photo measured (occlusion sensitivity, the default grid), on one thread, repeated.
     *
     * @param occludedRuns model runs per explanation, one per cell
     * @param total reading the photo to the finished map, per explanation
     * @param occlusion the occluded runs alone, per explanation
     */
    public record ExplainLatency(String photo, int width, int height, int rows, int cols, int occludedRuns,
            int failures, Distribution total, Distribution occlusion) {}

    /** All figures of one model in one format and runtime; {@code explain} is null when nothing could be explained. */
    public record BackendResult(String modelId, String modelVersion, String format, String runtime,
            String runtimeVersion, double loadMs, List<LatencyGroup> latency, List<Throughput> throughput,
            ExplainLatency explain) {}

    /**
     * A whole run.
     *
     * @param modelOnly true when the quality check and the face stage were left out ({@code --model-only})
     */
    public record Report(Machine machine, List<String> runtimes, String input, boolean modelOnly, int repeat,
            List<BackendResult> results, List<String> skipped, long peakResidentBytes, long peakHeapBytes) {}
}
