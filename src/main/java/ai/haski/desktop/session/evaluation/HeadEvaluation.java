package ai.haski.desktop.session.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one model did on one head, over the photos that have both a truth and a result from it.
 *
 * <p>Every statistic that has no value on these photos is empty rather than 0 or NaN: with n = 0 nothing is defined;
 * kappa needs some chance of disagreement; macro-F1 needs a label that occurs at all.
 *
 * @param labels the head's labels in the manifest's order (rows and columns of {@code confusion})
 * @param withoutResult photos with a truth for this head but no result from the model (not analysed, or failed)
 * @param truthNotALabel photos whose truth is not one of this model's labels for the head, left out of n
 * @param scored the n photos counted, each with its truth and the model's label, so that a face can list the photos
 *     behind one cell of the confusion matrix
 */
public record HeadEvaluation(
        String head,
        List<String> labels,
        long n,
        long correct,
        OptionalDouble accuracy,
        Optional<WilsonInterval> accuracyCi95,
        OptionalDouble macroF1,
        OptionalDouble kappa,
        OptionalDouble ece,
        ConfusionMatrix confusion,
        List<ClassMetrics> perClass,
        List<CalibrationError.Bin> reliability,
        List<String> withoutResult,
        List<String> truthNotALabel,
        List<ScoredPhoto> scored) {

    public HeadEvaluation {
        labels = List.copyOf(labels);
        perClass = List.copyOf(perClass);
        reliability = List.copyOf(reliability);
        withoutResult = List.copyOf(withoutResult);
        truthNotALabel = List.copyOf(truthNotALabel);
        scored = List.copyOf(scored);
    }

    /** Works out every statistic of the head from its scored photos. */
    public static HeadEvaluation of(String head, List<String> labels, List<ScoredPhoto> photos,
            List<String> withoutResult) {
        ConfusionMatrix confusion = new ConfusionMatrix(labels);
        CalibrationError calibration = new CalibrationError();
        List<String> notALabel = new ArrayList<>();
        List<ScoredPhoto> counted = new ArrayList<>();
        for (ScoredPhoto photo : photos) {
            if (!labels.contains(photo.truth())) {
                notALabel.add(photo.file());
                continue;
            }
            counted.add(photo);
            confusion.add(photo.truth(), photo.predicted());
            calibration.add(photo.confidence(), photo.correct());
        }
        long n = confusion.total();
        long correct = confusion.agreeing();
        List<ClassMetrics> perClass = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            perClass.add(ClassMetrics.of(confusion, i));
        }
        return new HeadEvaluation(head, labels, n, correct,
                n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / n),
                WilsonInterval.of(correct, n), macroF1(perClass), CohenKappa.of(confusion), calibration.value(),
                confusion, perClass, calibration.bins(), withoutResult, notALabel, counted);
    }

    /** The photos in one cell of the confusion matrix: truth {@code truth}, the model's label {@code predicted}. */
    public List<String> photosIn(String truth, String predicted) {
        return scored.stream().filter(p -> p.truth().equals(truth) && p.predicted().equals(predicted))
                .map(ScoredPhoto::file).toList();
    }

    /**
     * The unweighted mean of F1 over the labels that occur in the truth or the predictions. Labels in neither are
     * left out: they say nothing about this set of photos, and counting them as 0 would punish a model for labels
     * the reviewers never met. A label that occurs but whose precision or recall is undefined has F1 = 0.
     */
    private static OptionalDouble macroF1(List<ClassMetrics> perClass) {
        return perClass.stream().filter(c -> c.f1().isPresent()).mapToDouble(c -> c.f1().getAsDouble()).average();
    }
}
