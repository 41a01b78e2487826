package ai.haski.desktop.model;

import java.util.Map;

/**
 * An input image of exactly the model's input size and the raw outputs the network must produce for it,
 * within an absolute tolerance: the proof that a runtime computes this model correctly.
 */
public record TestVector(String inputImage, Map<String, float[]> expected, float tolerance) {

    public TestVector {
        expected = Map.copyOf(expected);
    }
}
