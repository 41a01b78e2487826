package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.ModelKey;
import java.util.List;

/** One model's evaluation: each of its heads that the truth covers, in the model's head order. */
public record ModelEvaluation(ModelKey model, List<HeadEvaluation> heads) {
    public ModelEvaluation {
        heads = List.copyOf(heads);
    }
}
