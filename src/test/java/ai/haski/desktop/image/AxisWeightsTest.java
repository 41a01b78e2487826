package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AxisWeightsTest {
    @Test
    void sameLengthCopiesEachSample() {
        assertThat(taps(AxisWeights.between(3, 3))).containsExactly("0:1.0", "1:1.0", "2:1.0");
    }

    @Test
    void halvingAveragesPairs() {
        assertThat(taps(AxisWeights.between(4, 2))).containsExactly("0:0.5 1:0.5", "2:0.5 3:0.5");
    }

    @Test
    void shrinkingByANonWholeFactorCountsPartialCoverage() {
        // Target samples cover source [0, 1.5) and [1.5, 3): the middle sample is split half and half.
        AxisWeights weights = AxisWeights.between(3, 2);
        assertThat(weights.first(0)).isZero();
        assertThat(weights.count(0)).isEqualTo(2);
        assertThat(weights.weight(0, 0)).isCloseTo(2f / 3, within(1e-6f));
        assertThat(weights.weight(0, 1)).isCloseTo(1f / 3, within(1e-6f));
        assertThat(weights.first(1)).isEqualTo(1);
        assertThat(weights.weight(1, 0)).isCloseTo(1f / 3, within(1e-6f));
        assertThat(weights.weight(1, 1)).isCloseTo(2f / 3, within(1e-6f));
    }

    @Test
    void shrinkingToOneAveragesEverything() {
        assertThat(taps(AxisWeights.between(5, 1))).containsExactly("0:0.2 1:0.2 2:0.2 3:0.2 4:0.2");
    }

    @Test
    void doublingInterpolatesBetweenHalfPixelCentres() {
        // Target centres 0.5, 1.5, 2.5, 3.5 map to source positions -0.25, 0.25, 0.75, 1.25 (clamped at the edges).
        assertThat(taps(AxisWeights.between(2, 4)))
                .containsExactly("0:1.0", "0:0.75 1:0.25", "0:0.25 1:0.75", "1:1.0");
    }

    @Test
    void enlargingASingleSampleRepeatsIt() {
        assertThat(taps(AxisWeights.between(1, 3))).containsExactly("0:1.0", "0:1.0", "0:1.0");
    }

    @Test
    void weightsOfEveryTargetSampleAddUpToOne() {
        for (int[] lengths : new int[][] {{7, 3}, {1000, 224}, {224, 1000}, {641, 640}, {640, 641}, {3, 224}}) {
            AxisWeights weights = AxisWeights.between(lengths[0], lengths[1]);
            for (int i = 0; i < weights.targetLength(); i++) {
                float sum = 0;
                for (int tap = 0; tap < weights.count(i); tap++) {
                    sum += weights.weight(i, tap);
                    assertThat(weights.first(i) + tap).isBetween(0, lengths[0] - 1);
                }
                assertThat(sum).as("%d -> %d, sample %d", lengths[0], lengths[1], i).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    private static List<String> taps(AxisWeights weights) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < weights.targetLength(); i++) {
            List<String> row = new ArrayList<>();
            for (int tap = 0; tap < weights.count(i); tap++) {
                row.add((weights.first(i) + tap) + ":" + weights.weight(i, tap));
            }
            rows.add(String.join(" ", row));
        }
        return rows;
    }
}
