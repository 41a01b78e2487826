package ai.haski.desktop.session.evaluation;

import java.util.OptionalDouble;

/**
 * Fleiss' kappa: agreement beyond chance among more than two raters, κ = (P̄ − P̄ₑ) / (1 − P̄ₑ), where P̄ is the
 * mean over photos of the share of agreeing rater pairs and P̄ₑ = Σ pⱼ² the agreement expected from the overall
 * share pⱼ of ratings in each label.
 *
 * <p>Fleiss (1971) assumes every photo was rated by the same number of raters. Reviewers of a session rarely all
 * see every photo, so this uses the usual extension to varying numbers: each photo's pair agreement
 * Pᵢ = Σⱼ nᵢⱼ(nᵢⱼ − 1) / (nᵢ(nᵢ − 1)) weighs the same, and pⱼ is the share of all ratings. With equal numbers it is
 * exactly Fleiss' statistic. Photos with fewer than two ratings say nothing about agreement and are skipped.
 *
 * <p>Empty (undefined) with no photo rated twice, or when every rating is the same label (P̄ₑ = 1).
 */
public final class FleissKappa {
    private FleissKappa() {}

    /** Kappa of {@code counts[photo][label]}: how many raters gave each photo each label. */
    public static OptionalDouble of(long[][] counts) {
        if (counts.length == 0) {
            return OptionalDouble.empty();
        }
        int k = counts[0].length;
        long[] byLabel = new long[k];
        long ratings = 0;
        double agreementSum = 0;
        int photos = 0;
        for (long[] photo : counts) {
            if (photo.length != k) {
                throw new IllegalArgumentException("every photo needs a count for each of the " + k + " labels");
            }
            long raters = 0;
            long agreeingPairs = 0;
            for (long cell : photo) {
                raters += cell;
                agreeingPairs += cell * (cell - 1);
            }
            if (raters < 2) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                byLabel[j] += photo[j];
            }
            ratings += raters;
            agreementSum += (double) agreeingPairs / (raters * (raters - 1));
            photos++;
        }
        if (photos == 0) {
            return OptionalDouble.empty();
        }
        double chance = 0;
        boolean oneLabel = false;
        for (long count : byLabel) {
            double share = (double) count / ratings;
            chance += share * share;
            oneLabel |= count == ratings;
        }
        if (oneLabel) {
            return OptionalDouble.empty();
        }
        double observed = agreementSum / photos;
        return OptionalDouble.of((observed - chance) / (1 - chance));
    }
}
