package ai.haski.desktop.inference;

import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.HeadSpec.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns raw output tensors into per-head probabilities and labels, as the manifest's heads describe. */
public final class HeadDecoder {
    private HeadDecoder() {}

    /** Decodes every head, in manifest order. */
    public static List<HeadResult> decode(List<HeadSpec> heads, Map<String, float[]> outputs) {
        List<HeadResult> results = new ArrayList<>(heads.size());
        for (HeadSpec head : heads) {
            float[] output = outputs.get(head.output());
            if (output == null || output.length < head.offset() + head.length()) {
                throw new IllegalStateException("output " + head.output() + " is missing or too short for head "
                        + head.name());
            }
            results.add(decode(head, output));
        }
        return results;
    }

    static HeadResult decode(HeadSpec head, float[] output) {
        float[] probabilities = activate(head, output);
        int top = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[top]) {
                top = i;
            }
        }
        String topLabel = head.labels().get(top);
        List<String> detected = new ArrayList<>();
        if (head.mode() == Mode.MULTI_LABEL) {
            for (int i = 0; i < probabilities.length; i++) {
                String label = head.labels().get(i);
                if (probabilities[i] >= head.threshold() && !head.noneLabel().map(label::equals).orElse(false)) {
                    detected.add(label);
                }
            }
        } else if (head.noneLabel().isPresent() && !head.noneLabel().get().equals(topLabel)) {
            detected.add(topLabel);
        }
        return new HeadResult(head.name(), head.labels(), probabilities, topLabel, probabilities[top],
                head.reportsFindings(), detected);
    }

    private static float[] activate(HeadSpec head, float[] output) {
        float[] values = new float[head.length()];
        System.arraycopy(output, head.offset(), values, 0, head.length());
        switch (head.activation()) {
            case SOFTMAX -> softmaxInPlace(values);
            case SIGMOID -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (1.0 / (1.0 + Math.exp(-values[i])));
                }
            }
            case NONE -> { }
        }
        return values;
    }

    /** Softmax computed in double, shifted by the maximum so large logits cannot overflow. */
    static void softmaxInPlace(float[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        double[] exp = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            exp[i] = Math.exp(values[i] - max);
            sum += exp[i];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (exp[i] / sum);
        }
    }
}
