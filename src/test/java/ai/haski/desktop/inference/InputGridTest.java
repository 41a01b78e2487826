package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.TensorLayout;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** The grid over the picture's part of the input, its mapping back through the resize, and blanking one cell. */
class InputGridTest {
    private static PreprocessSpec spec(TensorLayout layout, ResizeMode resize) {
        return new PreprocessSpec(8, 8, layout, ColourOrder.RGB, resize, true, new float[] {0.5f, 0.5f, 0.5f},
                new float[] {0.25f, 0.25f, 0.25f});
    }

    @Test
    void letterboxedBandsAreLeftOutOfTheGrid() {
        // 200 x 100 into 8 x 8: the picture fills rows 2 to 5; the grid covers them only.
        InputGrid grid = InputGrid.over(200, 100, spec(TensorLayout.NCHW, ResizeMode.LETTERBOX), 2, 4);
        assertThat(grid.inputY(0)).isEqualTo(2);
        assertThat(grid.inputY(2)).isEqualTo(6);
        assertThat(grid.imageY(0)).isEqualTo(0.0);
        assertThat(grid.imageY(2)).isEqualTo(100.0);
        assertThat(grid.imageX(4)).isEqualTo(200.0);
    }

    @Test
    void aCentreCropMapsBackToTheMiddleOfThePicture() {
        InputGrid grid = InputGrid.over(300, 100, spec(TensorLayout.NCHW, ResizeMode.CENTER_CROP), 4, 4);
        assertThat(grid.imageX(0)).isEqualTo(100.0);
        assertThat(grid.imageX(4)).isEqualTo(200.0);
        assertThat(grid.imageX(1)).isEqualTo(125.0);
    }

    @Test
    void aGridFinerThanThePicturesRowsIsMadeCoarser() {
        // 800 x 100 letterboxed into 8 x 8 fills one row.
        InputGrid grid = InputGrid.over(800, 100, spec(TensorLayout.NCHW, ResizeMode.LETTERBOX), 4, 4);
        assertThat(grid.rows()).isEqualTo(1);
        assertThat(grid.cols()).isEqualTo(4);
    }

    @Test
    void occludingSetsEveryChannelOfTheCellAndNothingElseInEitherLayout() {
        for (TensorLayout layout : TensorLayout.values()) {
            InputGrid grid = InputGrid.over(8, 8, spec(layout, ResizeMode.STRETCH), 2, 2);
            FloatBuffer tensor = FloatBuffer.allocate(8 * 8 * 3);
            for (int i = 0; i < tensor.capacity(); i++) {
                tensor.put(i, 1f);
            }
            grid.occlude(tensor, 1, 0);
            int zeros = 0;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    for (int c = 0; c < 3; c++) {
                        int index = layout == TensorLayout.NCHW ? (c * 8 + y) * 8 + x : (y * 8 + x) * 3 + c;
                        boolean inCell = y >= 4 && x < 4;
                        assertThat(tensor.get(index)).as("%s y=%d x=%d c=%d", layout, y, x, c)
                                .isEqualTo(inCell ? InputGrid.OCCLUDER : 1f);
                        zeros += inCell ? 1 : 0;
                    }
                }
            }
            assertThat(zeros).isEqualTo(4 * 4 * 3);
            assertThat(tensor.position()).isZero();
        }
    }
}
