package ai.haski.desktop.session.evaluation;

import java.util.OptionalDouble;

/**
 * Cohen's kappa, unweighted: how much two raters (the model against the truth, or two reviewers) agree beyond the
 * agreement their label frequencies alone would give by chance, κ = (p_o − p_e) / (1 − p_e).
 *
 * <p>Why report it beside accuracy: on a set where one label dominates, a model that always says that label has a
 * high accuracy and a kappa of 0. Unweighted because the heads' labels are categories with no order between them;
 * a near miss counts as a miss.
 *
 * <p>Kappa is undefined, and {@link #of} empty, when there are no pairs, or when chance agreement is already
 * certain (p_e = 1: both raters gave one and the same label to every photo), where no agreement beyond chance is
 * possible. It is worked out in whole numbers, κ = (n·a − Σ rₖcₖ) / (n² − Σ rₖcₖ), so p_e = 1 is detected exactly.
 */
public final class CohenKappa {
    private CohenKappa() {}

    /** Kappa of the square table {@code counts}: rows one rater's labels, columns the other's, in the same order. */
    public static OptionalDouble of(long[][] counts) {
        int k = counts.length;
        long n = 0;
        long agreeing = 0;
        long[] rows = new long[k];
        long[] columns = new long[k];
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new IllegalArgumentException("the table must be square, row " + i + " has "
                        + counts[i].length + " cells for " + k + " labels");
            }
            for (int j = 0; j < k; j++) {
                n += counts[i][j];
                rows[i] += counts[i][j];
                columns[j] += counts[i][j];
            }
            agreeing += counts[i][i];
        }
        long chance = 0;
        for (int i = 0; i < k; i++) {
            chance += rows[i] * columns[i];
        }
        long square = n * n;
        if (n == 0 || chance == square) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) (n * agreeing - chance) / (double) (square - chance));
    }

    /** Kappa of a confusion matrix: the model against the truth. */
    public static OptionalDouble of(ConfusionMatrix matrix) {
        return of(matrix.matrix());
    }
}
