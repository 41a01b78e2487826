package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceSubsamplingTest {
    @Test
    void keepsBothSidesAtLeastTwiceTheTarget() {
        // 4000 / 448 = 8.9 and 3000 / 448 = 6.7: the height decides, factor 6 gives 667 x 500.
        assertThat(SourceSubsampling.factor(4000, 3000, 224, 224)).isEqualTo(6);
        assertThat(SourceSubsampling.factor(4000, 3000, 224, 100)).isEqualTo(8);
    }

    @Test
    void neverEnlargesOrGoesBelowOne() {
        assertThat(SourceSubsampling.factor(300, 300, 224, 224)).isEqualTo(1);
        assertThat(SourceSubsampling.factor(50, 50, 224, 224)).isEqualTo(1);
        assertThat(SourceSubsampling.factor(447, 2000, 224, 224)).isEqualTo(1);
        assertThat(SourceSubsampling.factor(448, 448, 224, 224)).isEqualTo(1);
        assertThat(SourceSubsampling.factor(896, 896, 224, 224)).isEqualTo(2);
    }

    @Test
    void hugeTargetsDoNotOverflow() {
        assertThat(SourceSubsampling.factor(65_500, 65_500, Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(1);
    }
}
