package ai.haski.desktop.session.evaluation;

import java.util.OptionalDouble;

/**
 * One label's precision, recall and F1 against the truth. Each is empty where its denominator is 0: precision of a
 * label the model never gave, recall of a label absent from the truth, F1 of a label in neither.
 *
 * @param support how many photos truly have the label
 */
public record ClassMetrics(String label, OptionalDouble precision, OptionalDouble recall, OptionalDouble f1,
        long support) {

    /** The metrics of label {@code index} of a confusion matrix. */
    static ClassMetrics of(ConfusionMatrix matrix, int index) {
        long truePositives = matrix.count(index, index);
        long support = matrix.rowTotal(index);
        long predicted = matrix.columnTotal(index);
        // F1 = 2TP / (2TP + FP + FN) = 2TP / (support + predicted): the harmonic mean of precision and recall where
        // both exist, and 0 where one is undefined but the label occurs at all (TP is then 0), which is the
        // convention macro-F1 needs ("an undefined precision or recall counts as 0").
        return new ClassMetrics(matrix.labels().get(index), ratio(truePositives, predicted),
                ratio(truePositives, support), ratio(2 * truePositives, support + predicted), support);
    }

    private static OptionalDouble ratio(long numerator, long denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
}
