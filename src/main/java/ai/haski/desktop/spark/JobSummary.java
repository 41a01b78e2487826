package ai.haski.desktop.spark;

/**
 * What a run did, for its last line on stderr and for tests.
 *
 * @param listed the photos the input named
 * @param skipped those already in the output of an earlier run (with {@code --resume})
 * @param outputRows the rows the whole output holds afterwards
 * @param failedRows of those, the rows that carry an error
 * @param executorModelLoads how many times an executor JVM loaded the model (the driver's check not counted)
 * @param executorModelLoadMillis their total time
 * @param analysedMillis the time from listing the input to the output committed (the session's start not counted)
 */
public record JobSummary(int listed, int skipped, long outputRows, long failedRows, long executorModelLoads,
        long executorModelLoadMillis, long analysedMillis) {

    /** The summary in words. */
    public String describe() {
        String loads = executorModelLoads == 0 ? "no executor loaded the model"
                : "model loaded " + executorModelLoads + " time(s) by executor JVMs, "
                        + executorModelLoadMillis / executorModelLoads + " ms each on average";
        int done = listed - skipped;
        return String.format(java.util.Locale.ROOT, "%d photos listed, %d already done; %d analysed in %.1fs "
                + "(%.1f photos/s); the output has %d rows, %d with an error; %s", listed, skipped, done,
                analysedMillis / 1000.0, analysedMillis == 0 ? 0 : done * 1000.0 / analysedMillis, outputRows,
                failedRows, loads);
    }
}
