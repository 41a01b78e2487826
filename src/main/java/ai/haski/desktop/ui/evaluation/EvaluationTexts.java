package ai.haski.desktop.ui.evaluation;

import ai.haski.desktop.session.evaluation.HeadEvaluation;
import java.util.Locale;
import java.util.OptionalDouble;

/** The Evaluation view's numbers in words: rounded as the HTML report rounds them, "undefined" where it says so. */
final class EvaluationTexts {
    private EvaluationTexts() {}

    /** "n = 23 · accuracy 61 % (95 % interval 41 % to 78 %)", or why nothing is measured. */
    static String accuracy(HeadEvaluation head) {
        if (head.n() == 0) {
            return "n = 0: no photo has both a verdict and a result from this model for this head yet.";
        }
        return head.accuracyCi95().map(ci -> String.format(Locale.ROOT,
                "n = %d · accuracy %s (%d of %d; 95 %% interval %s to %s)", head.n(),
                percent(head.accuracy().getAsDouble()), head.correct(), head.n(), percent(ci.lower()),
                percent(ci.upper()))).orElse("n = " + head.n());
    }

    /** "macro-F1 0.412 · kappa 0.118 · ECE 0.083", and how many photos with a truth have no result. */
    static String scores(HeadEvaluation head) {
        String text = "macro-F1 " + number(head.macroF1()) + " · kappa " + number(head.kappa()) + " · ECE "
                + number(head.ece());
        if (!head.withoutResult().isEmpty()) {
            text += " · " + head.withoutResult().size() + " with a verdict but no result, not counted";
        }
        return text;
    }

    static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "undefined";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
