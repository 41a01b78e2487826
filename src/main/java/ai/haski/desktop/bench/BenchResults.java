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

    /** All figures of one model in one format and runtime. */
    public record BackendResult(String modelId, String modelVersion, String format, String runtime,
            String runtimeVersion, double loadMs, List<LatencyGroup> latency, List<Throughput> throughput) {}

    /** A whole run. */
    public record Report(Machine machine, List<String> runtimes, String input, int repeat,
            List<BackendResult> results, List<String> skipped, long peakResidentBytes, long peakHeapBytes) {}
}
