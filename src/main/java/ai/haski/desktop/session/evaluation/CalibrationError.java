package ai.haski.desktop.session.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Expected calibration error (ECE) of a head's top-class confidence, and the reliability diagram it summarises.
 *
 * <p>Why: a model's confidence is only useful to a reviewer if "80 %" means right about 80 % of the time. The
 * photos are put in {@value #BINS} equal-width bins of confidence over [0, 1], each bin (lower, upper] closed on
 * the right as in Guo et al. (2017), with a confidence of exactly 0 in the first; ECE = Σ (|B|/n)·|acc(B) − conf(B)|,
 * the gap between accuracy and mean confidence in each bin, weighted by the bin's share of photos. Equal widths
 * (not equal counts) so that two models' diagrams can be laid on top of each other.
 *
 * <p>ECE is undefined (empty) with no photos, and when a confidence is outside [0, 1] (a head with no activation
 * reports raw scores, not probabilities); a bin with no photos has no accuracy or confidence, not 0.
 */
public final class CalibrationError {
    /** The number of bins. */
    public static final int BINS = 15;

    /** One bar of the reliability diagram; {@code accuracy} and {@code confidence} are empty for an empty bin. */
    public record Bin(double lower, double upper, long count, OptionalDouble accuracy, OptionalDouble confidence) {}

    private final long[] counts = new long[BINS];
    private final long[] correct = new long[BINS];
    private final double[] confidenceSums = new double[BINS];
    private long total;
    private boolean outOfRange;

    /** Counts one photo: the model's top-class confidence, and whether its top label was the true one. */
    public void add(double confidence, boolean right) {
        total++;
        if (!(confidence >= 0 && confidence <= 1)) {
            outOfRange = true;
            return;
        }
        int bin = bin(confidence);
        counts[bin]++;
        confidenceSums[bin] += confidence;
        if (right) {
            correct[bin]++;
        }
    }

    /** The bin of a confidence in [0, 1]: the m with m/15 < c ≤ (m+1)/15, and 0 for c = 0. */
    static int bin(double confidence) {
        int bin = (int) Math.ceil(confidence * BINS) - 1;
        return Math.max(0, Math.min(BINS - 1, bin));
    }

    /** The ECE; empty with no photos or a confidence outside [0, 1]. */
    public OptionalDouble value() {
        if (total == 0 || outOfRange) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (int b = 0; b < BINS; b++) {
            if (counts[b] > 0) {
                double gap = Math.abs((double) correct[b] / counts[b] - confidenceSums[b] / counts[b]);
                sum += (double) counts[b] / total * gap;
            }
        }
        return OptionalDouble.of(sum);
    }

    /** The reliability diagram, one bin per bar from 0 to 1; empty when the confidences are not probabilities. */
    public List<Bin> bins() {
        List<Bin> bins = new ArrayList<>();
        if (outOfRange) {
            return bins;
        }
        for (int b = 0; b < BINS; b++) {
            boolean empty = counts[b] == 0;
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, counts[b],
                    empty ? OptionalDouble.empty() : OptionalDouble.of((double) correct[b] / counts[b]),
                    empty ? OptionalDouble.empty() : OptionalDouble.of(confidenceSums[b] / counts[b])));
        }
        return bins;
    }
}
