package ai.haski.desktop.bench;

import java.util.Arrays;
import java.util.List;

/** The median and 95th percentile of a set of timings (nearest-rank percentiles). */
public record Distribution(int count, double median, double p95) {

    /** Summarises the values; an empty list gives zeros with count 0. */
    public static Distribution of(List<Double> values) {
        if (values.isEmpty()) {
            return new Distribution(0, 0, 0);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Distribution(sorted.length, percentile(sorted, 50), percentile(sorted, 95));
    }

    /** Nearest-rank: the smallest value with at least {@code p} percent of the values at or below it. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
