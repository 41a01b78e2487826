package ai.haski.desktop.session.evaluation;

import java.util.Optional;

/**
 * The Wilson score interval for a proportion (here: accuracy, the share of photos the model got right).
 *
 * <p>Why Wilson and not the textbook "p ± 1.96·√(p(1−p)/n)": on the small review sets this is for (tens of
 * photos), and near 0 % or 100 %, the textbook interval is too narrow, leaves [0, 1], and collapses to a single
 * point when every photo is right; Wilson's interval keeps close to its nominal 95 % coverage there (Newcombe 1998,
 * Brown, Cai and DasGupta 2001). It is the interval of the score test, without continuity correction.
 *
 * <p>With no photos there is no interval, so {@link #of} returns empty rather than [0, 1] or NaN.
 */
public record WilsonInterval(double lower, double upper) {
    /** The two-sided 95 % normal quantile, z = Φ⁻¹(0.975). */
    static final double Z95 = 1.959963984540054;

    /** The 95 % interval for {@code successes} out of {@code n}; empty when {@code n} is 0. */
    public static Optional<WilsonInterval> of(long successes, long n) {
        if (successes < 0 || n < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, found " + successes + " of " + n);
        }
        if (n == 0) {
            return Optional.empty();
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0 or n successes one end is exactly 0 or 1 in exact arithmetic; rounding must not push it outside.
        return Optional.of(new WilsonInterval(Math.max(0.0, centre - half), Math.min(1.0, centre + half)));
    }
}
