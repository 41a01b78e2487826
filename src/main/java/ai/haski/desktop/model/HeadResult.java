package ai.haski.desktop.model;

import java.util.List;

/**
 * What one head says about one image: every label's probability (manifest order), the top label, and for heads
 * that report findings, the labels found.
 */
public record HeadResult(
        String head,
        List<String> labels,
        float[] probabilities,
        String topLabel,
        float topProbability,
        boolean reportsFindings,
        List<String> detected) {

    public HeadResult {
        labels = List.copyOf(labels);
        probabilities = probabilities.clone();
        detected = List.copyOf(detected);
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The probability of one label. */
    public float probability(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("head " + head + " has no label " + label);
        }
        return probabilities[index];
    }
}
