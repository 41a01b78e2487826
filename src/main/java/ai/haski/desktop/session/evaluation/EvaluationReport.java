package ai.haski.desktop.session.evaluation;

import java.util.List;

/**
 * Everything {@code evaluate} reports: each model's metrics against the truth, where the truth came from and what
 * of it could not be used, and how far the reviewers agree with each other.
 */
public record EvaluationReport(List<ModelEvaluation> models, GroundTruth truth, List<HeadAgreement> agreement) {
    public EvaluationReport {
        models = List.copyOf(models);
        agreement = List.copyOf(agreement);
    }
}
