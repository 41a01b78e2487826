package ai.haski.desktop.session.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edge cases of one head's statistics, each worked out by hand. */
class HeadEvaluationTest {
    private static final List<String> LABELS = List.of("dry", "normal", "oily");

    @Test
    void aLabelNeverPredictedHasNoPrecisionButCountsZeroInMacroF1() {
        // Truth: dry dry normal oily; model: dry normal normal normal. The model never says oily.
        HeadEvaluation head = evaluate(photo("dry", "dry", 0.9), photo("dry", "normal", 0.6),
                photo("normal", "normal", 0.7), photo("oily", "normal", 0.8));

        ClassMetrics oily = head.perClass().get(2);
        assertThat(oily.precision()).isEmpty();
        assertThat(oily.recall().getAsDouble()).isEqualTo(0.0);
        assertThat(oily.f1().getAsDouble()).isEqualTo(0.0);
        assertThat(oily.support()).isEqualTo(1);
        // dry: P 1/1, R 1/2, F1 2/3; normal: P 1/3, R 1/1, F1 1/2; oily: F1 0.
        assertThat(head.perClass().get(0).f1().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(head.perClass().get(1).precision().getAsDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(head.macroF1().getAsDouble()).isCloseTo((2.0 / 3 + 0.5 + 0) / 3, within(1e-12));
        assertThat(head.accuracy().getAsDouble()).isEqualTo(0.5);
        // p_o = 2/4; p_e = (2·1 + 1·3 + 1·0) / 16 = 5/16; κ = (8/16 − 5/16) / (11/16) = 3/11.
        assertThat(head.kappa().getAsDouble()).isCloseTo(3.0 / 11, within(1e-12));
        assertThat(head.confusion().matrix()).isEqualTo(new long[][] {{1, 1, 0}, {0, 1, 0}, {0, 1, 0}});
    }

    @Test
    void aLabelInNeitherTruthNorPredictionsIsLeftOutOfMacroF1() {
        HeadEvaluation head = evaluate(photo("dry", "dry", 0.9), photo("normal", "dry", 0.6));

        ClassMetrics oily = head.perClass().get(2);
        assertThat(oily.precision()).isEmpty();
        assertThat(oily.recall()).isEmpty();
        assertThat(oily.f1()).isEmpty();
        // dry: P 1/2, R 1, F1 2/3; normal: R 0, F1 0; oily left out.
        assertThat(head.macroF1().getAsDouble()).isCloseTo((2.0 / 3 + 0) / 2, within(1e-12));
    }

    @Test
    void aHeadWithOneClassPresentHasKappaZeroOrUndefined() {
        HeadEvaluation split = evaluate(photo("oily", "oily", 0.9), photo("oily", "dry", 0.9),
                photo("oily", "oily", 0.8));
        HeadEvaluation allOily = evaluate(photo("oily", "oily", 0.9), photo("oily", "oily", 0.8));

        assertThat(split.kappa().getAsDouble()).isEqualTo(0.0);
        assertThat(split.perClass().get(2).recall().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(split.perClass().get(0).recall()).isEmpty();
        assertThat(split.perClass().get(0).precision().getAsDouble()).isEqualTo(0.0);
        // Truth and model both say oily every time: chance agreement is certain, no agreement beyond it exists.
        assertThat(allOily.kappa()).isEmpty();
        assertThat(allOily.accuracy().getAsDouble()).isEqualTo(1.0);
        assertThat(allOily.macroF1().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void withNoPhotosEveryStatisticIsUndefinedAndTheMissingAreListed() {
        HeadEvaluation head = HeadEvaluation.of("skin_type", LABELS, List.of(), List.of("a.jpg", "b.jpg"));

        assertThat(head.n()).isZero();
        assertThat(head.accuracy()).isEmpty();
        assertThat(head.accuracyCi95()).isEmpty();
        assertThat(head.macroF1()).isEmpty();
        assertThat(head.kappa()).isEmpty();
        assertThat(head.ece()).isEmpty();
        assertThat(head.perClass()).allSatisfy(c -> {
            assertThat(c.f1()).isEmpty();
            assertThat(c.support()).isZero();
        });
        assertThat(head.reliability()).hasSize(15).allSatisfy(bin -> assertThat(bin.accuracy()).isEmpty());
        assertThat(head.withoutResult()).containsExactly("a.jpg", "b.jpg");
    }

    @Test
    void allCorrect() {
        HeadEvaluation head = evaluate(photo("dry", "dry", 1.0), photo("normal", "normal", 1.0),
                photo("oily", "oily", 1.0), photo("oily", "oily", 1.0));

        assertThat(head.accuracy().getAsDouble()).isEqualTo(1.0);
        assertThat(head.accuracyCi95().orElseThrow().upper()).isEqualTo(1.0);
        assertThat(head.accuracyCi95().orElseThrow().lower()).isCloseTo(0.5101, within(5e-5));
        assertThat(head.kappa().getAsDouble()).isEqualTo(1.0);
        assertThat(head.macroF1().getAsDouble()).isEqualTo(1.0);
        // Right every time with full confidence: perfectly calibrated.
        assertThat(head.ece().getAsDouble()).isEqualTo(0.0);
    }

    @Test
    void aTruthThatIsNoLabelOfThisModelIsLeftOutAndListed() {
        HeadEvaluation head = evaluate(photo("dry", "dry", 0.9), new ScoredPhoto("x.jpg", "combination", "dry", 0.5));

        assertThat(head.n()).isEqualTo(1);
        assertThat(head.truthNotALabel()).containsExactly("x.jpg");
    }

    private static int counter;

    private static ScoredPhoto photo(String truth, String predicted, double confidence) {
        return new ScoredPhoto("photo" + counter++ + ".jpg", truth, predicted, confidence);
    }

    private static HeadEvaluation evaluate(ScoredPhoto... photos) {
        return HeadEvaluation.of("skin_type", LABELS, new ArrayList<>(List.of(photos)), List.of());
    }
}
