package ai.haski.desktop.session.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each statistic against worked examples from the literature, to the digits those sources print. */
class StatisticsTest {

    /** Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (score). */
    @Test
    void wilsonIntervalsMatchNewcombesTable() {
        assertInterval(81, 263, 0.2553, 0.3662);
        assertInterval(15, 148, 0.0624, 0.1605);
        assertInterval(0, 20, 0.0000, 0.1611);
        assertInterval(1, 29, 0.0061, 0.1718);
        assertInterval(29, 29, 0.8830, 1.0000);
    }

    @Test
    void aWilsonIntervalAtZeroOrAllStaysInsideZeroToOneAndIsNotAPoint() {
        WilsonInterval none = WilsonInterval.of(0, 5).orElseThrow();
        WilsonInterval all = WilsonInterval.of(5, 5).orElseThrow();

        assertThat(none.lower()).isEqualTo(0.0);
        assertThat(none.upper()).isGreaterThan(0.4);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isLessThan(0.6);
        // z²/(n+z²) is the closed form of the upper end at 0 successes.
        double z2 = WilsonInterval.Z95 * WilsonInterval.Z95;
        assertThat(none.upper()).isCloseTo(z2 / (5 + z2), within(1e-12));
    }

    @Test
    void thereIsNoWilsonIntervalWithoutPhotos() {
        assertThat(WilsonInterval.of(0, 0)).isEmpty();
        assertThatThrownBy(() -> WilsonInterval.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The worked examples of the Wikipedia article "Cohen's kappa" (50 and 100 items). */
    @Test
    void cohensKappaMatchesTheWorkedExamples() {
        assertThat(CohenKappa.of(new long[][] {{20, 5}, {10, 15}}).getAsDouble()).isCloseTo(0.4, within(1e-12));
        // Same observed agreement (60 %), different kappas: the marginals decide how much of it chance explains.
        assertThat(CohenKappa.of(new long[][] {{45, 15}, {25, 15}}).getAsDouble()).isCloseTo(0.1304, within(5e-5));
        assertThat(CohenKappa.of(new long[][] {{25, 35}, {5, 35}}).getAsDouble()).isCloseTo(0.2593, within(5e-5));
    }

    @Test
    void cohensKappaIsOneForPerfectAgreementAndUndefinedWhenChanceAgreementIsCertain() {
        assertThat(CohenKappa.of(new long[][] {{3, 0, 0}, {0, 4, 0}, {0, 0, 1}}).getAsDouble()).isEqualTo(1.0);
        assertThat(CohenKappa.of(new long[][] {{0, 0}, {0, 7}})).isEmpty();
        assertThat(CohenKappa.of(new long[][] {{0, 0}, {0, 0}})).isEmpty();
        // One true class, the model split between two labels: exactly chance, kappa 0 (not undefined).
        assertThat(CohenKappa.of(new long[][] {{3, 2}, {0, 0}}).getAsDouble()).isEqualTo(0.0);
    }

    /** Fleiss (1971)'s statistic on the example of the Wikipedia article "Fleiss' kappa": 10 subjects, 14 raters. */
    @Test
    void fleissKappaMatchesTheWorkedExample() {
        long[][] ratings = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};

        // P̄ = 0.378, P̄e = 0.213, κ = 0.210 in the article; exactly (0.3780220 − 0.2127551) / (1 − 0.2127551).
        assertThat(FleissKappa.of(ratings).getAsDouble()).isCloseTo(0.210, within(5e-4));
        assertThat(FleissKappa.of(ratings).getAsDouble())
                .isCloseTo((0.378021978021978 - 0.21275510204081632) / (1 - 0.21275510204081632), within(1e-12));
    }

    @Test
    void fleissKappaWithTwoRatersPerPhotoIsScottsPi() {
        // Two raters, no order between them: Fleiss' kappa is then Scott's pi, (p_o − Σ p̄ⱼ²) / (1 − Σ p̄ⱼ²).
        long[][] ratings = {{2, 0}, {2, 0}, {1, 1}, {0, 2}, {1, 1}};
        double observed = 3.0 / 5;
        double share = 6.0 / 10;
        double chance = share * share + (1 - share) * (1 - share);

        assertThat(FleissKappa.of(ratings).getAsDouble()).isCloseTo((observed - chance) / (1 - chance),
                within(1e-12));
    }

    @Test
    void fleissKappaSkipsPhotosRatedOnceAndIsUndefinedWithoutDisagreementPossible() {
        assertThat(FleissKappa.of(new long[][] {{3, 0}, {0, 3}, {1, 0}}).getAsDouble()).isEqualTo(1.0);
        assertThat(FleissKappa.of(new long[][] {{1, 0}, {0, 1}})).isEmpty();
        assertThat(FleissKappa.of(new long[][] {{3, 0}, {2, 0}})).isEmpty();
        assertThat(FleissKappa.of(new long[0][])).isEmpty();
    }

    @Test
    void calibrationBinsAreClosedOnTheRight() {
        assertThat(CalibrationError.bin(0.0)).isZero();
        assertThat(CalibrationError.bin(1.0 / 15)).isZero();
        assertThat(CalibrationError.bin(0.0667)).isEqualTo(1);
        assertThat(CalibrationError.bin(0.5)).isEqualTo(7);
        assertThat(CalibrationError.bin(1.0)).isEqualTo(14);
    }

    @Test
    void expectedCalibrationErrorWeighsEachBinsGapByItsShare() {
        CalibrationError ece = new CalibrationError();
        // Bin 14 (0.9333, 1]: four photos at 0.95, three right: accuracy 0.75, confidence 0.95, gap 0.20.
        for (int i = 0; i < 4; i++) {
            ece.add(0.95, i < 3);
        }
        // Bin 7 (0.4667, 0.5333]: one photo at 0.5, right: gap 0.5.
        ece.add(0.5, true);

        assertThat(ece.value().getAsDouble()).isCloseTo(4.0 / 5 * 0.20 + 1.0 / 5 * 0.5, within(1e-12));
        List<CalibrationError.Bin> bins = ece.bins();
        assertThat(bins).hasSize(15);
        assertThat(bins.get(14).count()).isEqualTo(4);
        assertThat(bins.get(14).accuracy().getAsDouble()).isEqualTo(0.75);
        assertThat(bins.get(14).confidence().getAsDouble()).isCloseTo(0.95, within(1e-12));
        assertThat(bins.get(3).accuracy()).isEmpty();
        assertThat(bins.get(3).count()).isZero();
    }

    @Test
    void calibrationIsUndefinedWithoutPhotosOrForScoresThatAreNoProbabilities() {
        assertThat(new CalibrationError().value()).isEmpty();
        CalibrationError raw = new CalibrationError();
        raw.add(0.4, true);
        raw.add(3.2, false);
        assertThat(raw.value()).isEmpty();
        assertThat(raw.bins()).isEmpty();
    }

    private static void assertInterval(long successes, long n, double lower, double upper) {
        WilsonInterval interval = WilsonInterval.of(successes, n).orElseThrow();
        assertThat(interval.lower()).as("lower of %d/%d", successes, n).isCloseTo(lower, within(5e-5));
        assertThat(interval.upper()).as("upper of %d/%d", successes, n).isCloseTo(upper, within(5e-5));
    }
}
