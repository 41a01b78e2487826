package ai.haski.desktop.inference;

import ai.haski.desktop.model.ResizeMode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResizeGeometryTest {
    @Test
    void stretchUsesEverythingEverywhere() {
        assertThat(ResizeGeometry.of(400, 300, 224, 224, ResizeMode.STRETCH))
                .isEqualTo(new ResizeGeometry(0, 0, 400, 300, 0, 0, 224, 224));
    }

    @Test
    void centerCropCutsTheSidesOfAWidePicture() {
        assertThat(ResizeGeometry.of(400, 300, 224, 224, ResizeMode.CENTER_CROP))
                .isEqualTo(new ResizeGeometry(50, 0, 300, 300, 0, 0, 224, 224));
    }

    @Test
    void centerCropCutsTopAndBottomOfATallPicture() {
        assertThat(ResizeGeometry.of(300, 400, 224, 224, ResizeMode.CENTER_CROP))
                .isEqualTo(new ResizeGeometry(0, 50, 300, 300, 0, 0, 224, 224));
    }

    @Test
    void centerCropToANonSquareInput() {
        // 640 x 480 into 320 x 160 (2:1): keep 640 x 320, starting 80 rows down.
        assertThat(ResizeGeometry.of(640, 480, 320, 160, ResizeMode.CENTER_CROP))
                .isEqualTo(new ResizeGeometry(0, 80, 640, 320, 0, 0, 320, 160));
    }

    @Test
    void letterboxFitsAWidePictureWithBandsAboveAndBelow() {
        // 400 x 200 into 224 x 224: 224 x 112, starting 56 rows down.
        assertThat(ResizeGeometry.of(400, 200, 224, 224, ResizeMode.LETTERBOX))
                .isEqualTo(new ResizeGeometry(0, 0, 400, 200, 0, 56, 224, 112));
    }

    @Test
    void letterboxRoundsTheFittedSideAndCentresItRoundingDown() {
        // 200 x 300 into 224 x 224: width 200 * 224 / 300 = 149.33 -> 149; (224 - 149) / 2 = 37.5 -> 37.
        assertThat(ResizeGeometry.of(200, 300, 224, 224, ResizeMode.LETTERBOX))
                .isEqualTo(new ResizeGeometry(0, 0, 200, 300, 37, 0, 149, 224));
    }

    @Test
    void sameProportionsNeedNoCropAndNoBands() {
        assertThat(ResizeGeometry.of(448, 448, 224, 224, ResizeMode.CENTER_CROP))
                .isEqualTo(new ResizeGeometry(0, 0, 448, 448, 0, 0, 224, 224));
        assertThat(ResizeGeometry.of(448, 448, 224, 224, ResizeMode.LETTERBOX))
                .isEqualTo(new ResizeGeometry(0, 0, 448, 448, 0, 0, 224, 224));
    }

    @Test
    void extremeProportionsKeepAtLeastOnePixel() {
        assertThat(ResizeGeometry.of(10_000, 1, 224, 224, ResizeMode.LETTERBOX).targetHeight()).isEqualTo(1);
        assertThat(ResizeGeometry.of(1, 10_000, 224, 224, ResizeMode.CENTER_CROP).sourceHeight()).isEqualTo(1);
    }

    @Test
    void enlargesWhenEitherAxisGrows() {
        assertThat(ResizeGeometry.of(50, 50, 224, 224, ResizeMode.STRETCH).enlarges()).isTrue();
        assertThat(ResizeGeometry.of(1000, 100, 224, 224, ResizeMode.STRETCH).enlarges()).isTrue();
        assertThat(ResizeGeometry.of(448, 448, 224, 224, ResizeMode.STRETCH).enlarges()).isFalse();
        assertThat(ResizeGeometry.of(224, 224, 224, 224, ResizeMode.STRETCH).enlarges()).isFalse();
        // Letterboxed, a 1000 x 100 strip is shrunk to 224 x 22: nothing grows.
        assertThat(ResizeGeometry.of(1000, 100, 224, 224, ResizeMode.LETTERBOX).enlarges()).isFalse();
    }
}
