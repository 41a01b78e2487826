package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.haski.desktop.model.DetectorSpec;
import ai.haski.desktop.model.FaceBox;
import ai.haski.desktop.model.SsdAnchors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector's decoding on hand-made outputs, where the right answer is known: the anchor grid's order and
 * centres, a box placed on its anchor, the score threshold, and suppression of a box that overlaps a better one.
 */
class DetectionDecoderTest {
    /** BlazeFace short-range's grid: 16 x 16 cells of 2 anchors, then 8 x 8 cells of 6. */
    private static final SsdAnchors BLAZEFACE = new SsdAnchors(128, 128, List.of(8, 16, 16, 16), 0.1484375, 0.75,
            0.5, 0.5, List.of(1.0), 1.0, true);
    private static final DetectorSpec SPEC = new DetectorSpec("scores", "boxes", 16, BLAZEFACE, 128, 128, 128, 128,
            true, 100, 0.5, 0.3);

    @Test
    void theAnchorGridRunsLayerGroupByGroupCellByCell() {
        AnchorGrid grid = AnchorGrid.of(BLAZEFACE);

        assertThat(grid.size()).isEqualTo(896).isEqualTo(BLAZEFACE.count());
        assertThat(grid.centreX(0)).isEqualTo(0.5 / 16);
        assertThat(grid.centreX(1)).isEqualTo(0.5 / 16);
        assertThat(grid.centreX(2)).isEqualTo(1.5 / 16);
        assertThat(grid.centreY(32)).isEqualTo(1.5 / 16);
        assertThat(grid.centreX(512)).isEqualTo(0.5 / 8);
        assertThat(grid.centreX(517)).isEqualTo(0.5 / 8);
        assertThat(grid.centreX(518)).isEqualTo(1.5 / 8);
        assertThat(grid.width(700)).isEqualTo(1.0);
    }

    @Test
    void anchorsWithoutAFixedSizeTakeTheirLayersScale() {
        SsdAnchors one = new SsdAnchors(64, 64, List.of(32), 0.2, 0.6, 0.5, 0.5, List.of(1.0, 4.0), 0, false);
        AnchorGrid grid = AnchorGrid.of(one);

        assertThat(grid.size()).isEqualTo(2 * 2 * 2);
        // One layer: the scale is the middle of min and max; ratio 4 makes it twice as wide as high.
        assertThat(grid.width(0)).isCloseTo(0.4, within(1e-12));
        assertThat(grid.width(1)).isCloseTo(0.8, within(1e-12));
        assertThat(grid.height(1)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void boxesArePlacedOnTheirAnchorsScoredAndSuppressed() {
        float[] scores = new float[896];
        Arrays.fill(scores, -10);
        float[] boxes = new float[896 * 16];
        // Anchor 0 (centre 4, 4 input pixels) with a strong score: a 32 x 16 box moved by (+12, +4) pixels.
        scores[0] = 3;
        put(boxes, 0, 12, 4, 32, 16);
        // Anchor 1 shares the cell: almost the same box with a lower score, to be suppressed.
        scores[1] = 2;
        put(boxes, 1, 13, 4, 32, 16);
        // Anchor 600, far away, scores under the threshold (sigmoid(-1) = 0.27).
        scores[600] = -1;
        put(boxes, 600, 0, 0, 20, 20);

        List<FaceBox> found = new DetectionDecoder(SPEC).decode(scores, boxes);

        assertThat(found).hasSize(1);
        FaceBox box = found.get(0);
        assertThat(box.x() * 128).isCloseTo(4 + 12 - 16, within(1e-9));
        assertThat(box.y() * 128).isCloseTo(4 + 4 - 8, within(1e-9));
        assertThat(box.width() * 128).isCloseTo(32, within(1e-9));
        assertThat(box.score()).isCloseTo(1 / (1 + Math.exp(-3)), within(1e-12));
    }

    private static void put(float[] boxes, int anchor, float dx, float dy, float w, float h) {
        boxes[anchor * 16] = dx;
        boxes[anchor * 16 + 1] = dy;
        boxes[anchor * 16 + 2] = w;
        boxes[anchor * 16 + 3] = h;
    }
}
