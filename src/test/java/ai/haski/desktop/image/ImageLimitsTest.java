package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageLimitsTest {
    @Test
    void defaults() {
        assertThat(ImageLimits.DEFAULT.maxPixels()).isEqualTo(100_000_000L);
        assertThat(ImageLimits.DEFAULT.maxSide()).isEqualTo(65_500);
        assertThat(ImageLimits.DEFAULT.maxMegapixelsText()).isEqualTo("100");
    }

    @Test
    void fromMegapixels() {
        assertThat(ImageLimits.ofMegapixels(12.5).maxPixels()).isEqualTo(12_500_000L);
        assertThat(ImageLimits.ofMegapixels(12.5).maxMegapixelsText()).isEqualTo("12.5");
        assertThat(ImageLimits.ofMegapixels(0.001).maxMegapixelsText()).isEqualTo("0.001");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> ImageLimits.ofMegapixels(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("megapixels");
        assertThatThrownBy(() -> ImageLimits.ofMegapixels(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageLimits(10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSide");
    }

    @Test
    void imageSizesAreRoundedForPeople() {
        assertThat(ImageLimits.formatMegapixels(900_000_000L)).isEqualTo("900");
        assertThat(ImageLimits.formatMegapixels(12_345_678L)).isEqualTo("12.35");
        assertThat(ImageLimits.formatMegapixels(1_200_000_000L)).isEqualTo("1200");
    }
}
