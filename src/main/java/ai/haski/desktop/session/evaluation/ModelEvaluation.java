package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.ModelKey;
import java.util.List;

/**
 * One model's evaluation: every head of the model, in its order (n = 0 where the truth covers none of it).
 *
 * @param runtimes each runtime and version that produced the model's successful results (e.g. "ONNX Runtime 1.17.1"),
 *     first seen first: usually one, more when the session was analysed on several machines or app versions
 */
public record ModelEvaluation(ModelKey model, List<String> runtimes, List<HeadEvaluation> heads) {
    public ModelEvaluation {
        runtimes = List.copyOf(runtimes);
        heads = List.copyOf(heads);
    }
}
