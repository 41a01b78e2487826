package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.haski.desktop.model.TensorInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test-side BlazeFace decoding on outputs made by hand, so the runtime test's boxes mean what they say. */
class BlazeFaceDecoderTest {

    @Test
    void anchorsRunStride8CellsWithTwoAnchorsThenStride16CellsWithSix() {
        double[][] anchors = BlazeFaceDecoder.anchorCentres();
        assertThat(anchors).hasNumberOfRows(896);
        assertThat(anchors[0]).containsExactly(1 / 32.0, 1 / 32.0);
        assertThat(anchors[1]).containsExactly(1 / 32.0, 1 / 32.0);
        assertThat(anchors[2]).containsExactly(3 / 32.0, 1 / 32.0);
        assertThat(anchors[32]).containsExactly(1 / 32.0, 3 / 32.0);
        assertThat(anchors[511]).containsExactly(31 / 32.0, 31 / 32.0);
        assertThat(anchors[512]).containsExactly(1 / 16.0, 1 / 16.0);
        assertThat(anchors[517]).containsExactly(1 / 16.0, 1 / 16.0);
        assertThat(anchors[518]).containsExactly(3 / 16.0, 1 / 16.0);
        assertThat(anchors[895]).containsExactly(15 / 16.0, 15 / 16.0);
    }

    @Test
    void theBestAnchorsRegressorsGiveTheBoxInInputPixels() {
        float[] scores = new float[896];
        Arrays.fill(scores, -10f);
        scores[600] = 3f;
        scores[601] = 2f;
        float[] regressors = new float[896 * 16];
        // Anchor 600: stride 16, (600 - 512) / 6 = cell 14 of the 8 x 8 grid -> x 6, y 1: centre (6.5 / 8, 1.5 / 8).
        regressors[600 * 16] = 6.4f;
        regressors[600 * 16 + 1] = -12.8f;
        regressors[600 * 16 + 2] = 25.6f;
        regressors[600 * 16 + 3] = 38.4f;

        BlazeFaceDecoder.Box box = BlazeFaceDecoder.best(new BlazeFaceDecoder.Outputs(scores, regressors));

        assertThat(box.centreX()).isCloseTo(0.8125 + 0.05, offset(1e-6));
        assertThat(box.centreY()).isCloseTo(0.1875 - 0.1, offset(1e-6));
        assertThat(box.width()).isCloseTo(0.2, offset(1e-6));
        assertThat(box.height()).isCloseTo(0.3, offset(1e-6));
        assertThat(box.score()).isCloseTo(1 / (1 + Math.exp(-3)), offset(1e-9));
    }

    @Test
    void splitOutputsArePutBackInAnchorOrderWhateverOrderTheRuntimeListsThem() {
        float[] fine = new float[512];
        float[] coarse = new float[384];
        Arrays.fill(fine, 1f);
        Arrays.fill(coarse, 2f);
        float[] fineBoxes = new float[512 * 16];
        float[] coarseBoxes = new float[384 * 16];
        Arrays.fill(coarseBoxes, 5f);
        List<TensorInfo> infos = List.of(new TensorInfo("s16", new long[] {1, 384, 1}, "float32"),
                new TensorInfo("b16", new long[] {1, 384, 16}, "float32"),
                new TensorInfo("s8", new long[] {1, 512, 1}, "float32"),
                new TensorInfo("b8", new long[] {1, 512, 16}, "float32"));

        BlazeFaceDecoder.Outputs outputs = BlazeFaceDecoder.outputsOf(infos,
                Map.of("s16", coarse, "b16", coarseBoxes, "s8", fine, "b8", fineBoxes));

        assertThat(outputs.scores()[0]).isEqualTo(1f);
        assertThat(outputs.scores()[511]).isEqualTo(1f);
        assertThat(outputs.scores()[512]).isEqualTo(2f);
        assertThat(outputs.regressors()[512 * 16 - 1]).isEqualTo(0f);
        assertThat(outputs.regressors()[512 * 16]).isEqualTo(5f);
    }

    @Test
    void refusesOutputsThatAreNotBlazeFaces() {
        List<TensorInfo> logits = List.of(new TensorInfo("logits", new long[] {1, 14}, "float32"));
        assertThatThrownBy(() -> BlazeFaceDecoder.outputsOf(logits, Map.of("logits", new float[14])))
                .hasMessageContaining("not a BlazeFace output: logits [1, 14]");
        List<TensorInfo> few = List.of(new TensorInfo("s", new long[] {1, 512, 1}, "float32"),
                new TensorInfo("b", new long[] {1, 512, 16}, "float32"));
        assertThatThrownBy(() -> BlazeFaceDecoder.outputsOf(few, Map.of("s", new float[512], "b", new float[512 * 16])))
                .hasMessageContaining("512 anchors").hasMessageContaining("expected 896");
    }

    @Test
    void iouOfBoxes() {
        BlazeFaceDecoder.Box a = new BlazeFaceDecoder.Box(0, 0, 0.2, 0.2, 1);
        BlazeFaceDecoder.Box b = new BlazeFaceDecoder.Box(0.1, 0, 0.3, 0.2, 1);
        assertThat(a.iou(a)).isEqualTo(1.0);
        assertThat(a.iou(b)).isCloseTo(1 / 3.0, offset(1e-9));
        assertThat(a.iou(new BlazeFaceDecoder.Box(0.5, 0.5, 0.6, 0.6, 1))).isEqualTo(0.0);
    }
}
