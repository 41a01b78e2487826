package ai.haski.desktop.inference;

import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.TensorLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PreprocessSpecTest {
    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};

    @Test
    void refusesNonPositiveSizes() {
        assertThatThrownBy(() -> spec(0, 224, ZERO, ONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 x 224");
        assertThatThrownBy(() -> spec(224, -1, ZERO, ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesSizesThatOverflowOneBuffer() {
        assertThatThrownBy(() -> spec(50_000, 50_000, ZERO, ONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void refusesMeanAndStdThatAreNotThreeFiniteNumbers() {
        assertThatThrownBy(() -> spec(2, 2, new float[] {0, 0}, ONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mean must have exactly 3 values");
        assertThatThrownBy(() -> spec(2, 2, ZERO, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("std must have exactly 3 values");
        assertThatThrownBy(() -> spec(2, 2, new float[] {0, Float.NaN, 0}, ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> spec(2, 2, ZERO, new float[] {1, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std must be positive");
        assertThatThrownBy(() -> spec(2, 2, ZERO, new float[] {1, -0.5f, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std must be positive");
    }

    @Test
    void refusesMissingEnums() {
        assertThatThrownBy(() -> new PreprocessSpec(2, 2, null, ColourOrder.RGB, ResizeMode.STRETCH, true, ZERO, ONE))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("layout");
    }

    @Test
    void isAValueThatCannotBeChangedFromOutside() {
        float[] mean = {0.5f, 0.5f, 0.5f};
        PreprocessSpec spec = spec(2, 2, mean, ONE);
        mean[0] = 99;
        spec.mean()[1] = 99;

        assertThat(spec.mean()).containsExactly(0.5f, 0.5f, 0.5f);
        assertThat(spec).isEqualTo(spec(2, 2, new float[] {0.5f, 0.5f, 0.5f}, ONE));
        assertThat(spec).hasSameHashCodeAs(spec(2, 2, new float[] {0.5f, 0.5f, 0.5f}, ONE));
        assertThat(spec).isNotEqualTo(spec(2, 2, ZERO, ONE));
        assertThat(spec.toString()).contains("[0.5, 0.5, 0.5]");
        assertThat(spec.tensorSize()).isEqualTo(12);
    }

    private static PreprocessSpec spec(int width, int height, float[] mean, float[] std) {
        return new PreprocessSpec(width, height, TensorLayout.NCHW, ColourOrder.RGB, ResizeMode.STRETCH, true,
                mean, std);
    }
}
