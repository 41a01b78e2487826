package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceSubsamplingTest {
    @Test
    void keepsBothSidesAtLeastFiveTimesTheTarget() {
        // 4000 / 1120 = 3.6 and 3000 / 1120 = 2.7: the height decides, factor 2 gives 2000 x 1500.
        assertThat(SourceSubsampling.factor(4000, 3000, 224, 224)).isEqualTo(2);
        // 4000 / 1120 = 3.6 and 3000 / 500 = 6: now the width decides.
        assertThat(SourceSubsampling.factor(4000, 3000, 224, 100)).isEqualTo(3);
    }

    @Test
    void neverEnlargesOrGoesBelowOne() {
        assertThat(SourceSubsampling.factor(300, 300, 224, 224)).isEqualTo(1);
        assertThat(SourceSubsampling.factor(50, 50, 224, 224)).isEqualTo(1);
        assertThat(SourceSubsampling.factor(1119, 5000, 224, 224)).isEqualTo(1);
        assertThat(SourceSubsampling.factor(2239, 2239, 224, 224)).isEqualTo(1);
        assertThat(SourceSubsampling.factor(2240, 2240, 224, 224)).isEqualTo(2);
    }

    @Test
    void hugeTargetsDoNotOverflow() {
        assertThat(SourceSubsampling.factor(65_500, 65_500, Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(1);
    }
}
