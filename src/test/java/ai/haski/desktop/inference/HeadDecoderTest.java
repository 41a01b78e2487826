package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.HeadSpec.Activation;
import ai.haski.desktop.model.HeadSpec.Mode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadDecoderTest {
    private static final HeadSpec SKIN = new HeadSpec("skin_type", "logits", 0, 3, Activation.SOFTMAX,
            Mode.SINGLE_LABEL, List.of("normal", "dry", "oily"), Optional.empty(), 0.5f);
    private static final HeadSpec CONDITION = new HeadSpec("condition", "logits", 3, 2, Activation.SOFTMAX,
            Mode.SINGLE_LABEL, List.of("healthy", "eczema"), Optional.of("healthy"), 0.5f);

    @Test
    void softmaxOfASliceMatchesTheFormula() {
        // logits 1, 2, 3: e^1, e^2, e^3 over their sum = 0.0900306, 0.2447285, 0.6652410
        HeadResult skin = HeadDecoder.decode(SKIN, new float[] {1, 2, 3, 0, 0});

        assertThat(skin.probabilities()[0]).isCloseTo(0.0900306f, within(1e-6f));
        assertThat(skin.probabilities()[1]).isCloseTo(0.2447285f, within(1e-6f));
        assertThat(skin.probabilities()[2]).isCloseTo(0.6652410f, within(1e-6f));
        assertThat(skin.topLabel()).isEqualTo("oily");
        assertThat(skin.topProbability()).isCloseTo(0.6652410f, within(1e-6f));
        assertThat(skin.reportsFindings()).isFalse();
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        HeadResult skin = HeadDecoder.decode(SKIN, new float[] {1000, 999, -1000, 0, 0});

        assertThat(skin.probabilities()[0]).isCloseTo(0.7310586f, within(1e-6f));
        assertThat(skin.topLabel()).isEqualTo("normal");
    }

    @Test
    void aHealthyTopConditionDetectsNothing() {
        List<HeadResult> heads = HeadDecoder.decode(List.of(SKIN, CONDITION),
                Map.of("logits", new float[] {0, 0, 0, 2, 1}));

        assertThat(heads.get(1).topLabel()).isEqualTo("healthy");
        assertThat(heads.get(1).detected()).isEmpty();
    }

    @Test
    void anyOtherTopConditionIsDetected() {
        HeadResult condition = HeadDecoder.decode(CONDITION, new float[] {0, 0, 0, 1, 2});

        assertThat(condition.detected()).containsExactly("eczema");
        assertThat(condition.reportsFindings()).isTrue();
    }

    @Test
    void multiLabelHeadsReportEveryLabelOverItsThreshold() {
        HeadSpec findings = new HeadSpec("findings", "logits", 0, 3, Activation.SIGMOID, Mode.MULTI_LABEL,
                List.of("none", "acne", "eczema"), Optional.of("none"), 0.6f);

        // sigmoid(2) = 0.881, sigmoid(0.5) = 0.622, sigmoid(3) = 0.953; "none" is never a finding
        HeadResult result = HeadDecoder.decode(findings, new float[] {3, 0.5f, 2});

        assertThat(result.probabilities()[1]).isCloseTo(0.6224593f, within(1e-6f));
        assertThat(result.detected()).containsExactly("acne", "eczema");
    }
}
