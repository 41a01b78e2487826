package ai.haski.desktop.spark;

/**
 * What a run did, for its last line on stderr and for tests.
 *
 * @param listed the photos the input named
 * @param skipped those already in the output of an earlier run (with {@code --resume})
 * @param outputRows the rows the whole output holds afterwards
 * @param failedRows of those, the rows that carry an error
 * @param executorModelLoads how many times an executor JVM loaded the model (the driver's own load not counted)
 * @param executorModelLoadMillis their total time
 */
public record JobSummary(int listed, int skipped, long outputRows, long failedRows, long executorModelLoads,
        long executorModelLoadMillis) {

    /** The summary in words. */
    public String describe() {
        String loads = executorModelLoads == 0 ? "model reused from the driver's JVM (local mode)"
                : "model loaded " + executorModelLoads + " time(s) by executor JVMs, "
                        + executorModelLoadMillis / executorModelLoads + " ms each on average";
        return listed + " photos listed, " + skipped + " already done; the output has " + outputRows + " rows, "
                + failedRows + " with an error; " + loads;
    }
}
