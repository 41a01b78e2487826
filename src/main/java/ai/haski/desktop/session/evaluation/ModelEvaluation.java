package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.ModelKey;
import java.util.List;

/** One model's evaluation: every head of the model, in its order (n = 0 where the truth covers none of it). */
public record ModelEvaluation(ModelKey model, List<HeadEvaluation> heads) {
    public ModelEvaluation {
        heads = List.copyOf(heads);
    }
}
