package ai.haski.desktop.session.evaluation;

import static ai.haski.desktop.session.evaluation.Html.escape;
import static ai.haski.desktop.session.evaluation.Html.number;
import static ai.haski.desktop.session.evaluation.Html.percent;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's plain-language reading of the numbers, for someone who does not know what a Wilson interval or a
 * kappa is. Why in sentences with the head's own numbers: "the interval is wide" is ignored, "with these 23 photos
 * the accuracy could be anywhere from 41 % to 80 %" is not.
 */
final class EvaluationNotes {
    private EvaluationNotes() {}

    /** The note that holds for the whole report: what the truth is and what no number here can show. */
    static void general(StringBuilder html, GroundTruth truth) {
        html.append("<section class=\"note\" id=\"note\"><h2>What these numbers do and do not show</h2>\n<ul>\n");
        generalItems(truth).forEach(markup -> item(html, markup));
        html.append("</ul></section>\n");
    }

    /** The general note's points as trusted markup (constant text with {@code <strong>}, no user text). */
    static List<String> generalItems(GroundTruth truth) {
        List<String> items = new ArrayList<>();
        items.add("<strong>The truth is the reviewers' labels, not a diagnosis.</strong> Every number below says how "
                + "often the model agreed with " + (truth.source().equals("labels") ? "the labels in the labels file"
                : "the reviewers' verdicts") + ". Where the readers are wrong, a model that is right is counted "
                + "wrong.");
        items.add("<strong>Accuracy</strong> is the share of photos where the model's top label is the truth. Its "
                + "<strong>95 % interval</strong> (Wilson) is how far the accuracy could plausibly be from the one "
                + "measured, only because these photos and not others were picked; with few photos it is wide.");
        items.add("<strong>Kappa corrects for chance.</strong> If most photos have one label, a model that always "
                + "says it scores a high accuracy but a kappa of 0. A kappa of 1 is perfect agreement, 0 what chance "
                + "gives, below 0 worse than chance.");
        items.add("<strong>ECE</strong> (expected calibration error) is how far the model's confidence is from how "
                + "often it is right, on average over the photos: 0.10 means a stated 80 % is right about 70 % or "
                + "90 % of the time. With tens of photos it is mostly noise; read the counts in the reliability "
                + "diagram.");
        items.add("<strong>These photos are not all photos.</strong> The numbers describe this set (its phones, "
                + "its light, its skin tones) and say little about photos unlike it.");
        items.add("<strong>An untrained or demonstration model's numbers mean nothing medically</strong>, however "
                + "good or bad they look; and no number here is clinical validation.");
        return items;
    }

    /** One head's numbers in sentences. */
    static void head(StringBuilder html, HeadEvaluation head) {
        html.append("<p class=\"reading\">").append(escape(reading(head))).append("</p>\n");
    }

    /** One head's numbers in plain sentences. */
    static String reading(HeadEvaluation head) {
        List<String> sentences = new ArrayList<>();
        if (head.n() == 0) {
            sentences.add("No photo has both a truth and a result from this model for this head, so nothing here "
                    + "is measured.");
        } else {
            WilsonInterval ci = head.accuracyCi95().orElseThrow();
            sentences.add("The model's label was the truth on " + head.correct() + " of " + head.n() + " photos ("
                    + percent(head.accuracy().orElseThrow()) + "). With " + head.n() + " photos, the accuracy on "
                    + "photos like these could plausibly be anywhere from " + percent(ci.lower()) + " to "
                    + percent(ci.upper()) + ".");
            head.kappa().ifPresentOrElse(kappa -> sentences.add("Kappa " + number(kappa) + ": " + kappaWords(kappa)
                    + "."), () -> sentences.add("Kappa is undefined: the truth and the model both give one and the "
                    + "same label to every photo, so chance alone explains the agreement."));
            if (head.n() < 100 && head.ece().isPresent()) {
                sentences.add("With fewer than 100 photos the ECE (" + number(head.ece().getAsDouble()) + ") is "
                        + "mostly noise.");
            }
        }
        if (!head.withoutResult().isEmpty()) {
            sentences.add(head.withoutResult().size() + " photos with a truth have no result from this model "
                    + "and are not counted.");
        }
        return String.join(" ", sentences);
    }

    private static String kappaWords(double kappa) {
        if (kappa <= 0) {
            return "no better than chance";
        }
        if (kappa < 0.4) {
            return "a little better than chance";
        }
        if (kappa < 0.6) {
            return "moderately better than chance";
        }
        if (kappa < 0.8) {
            return "well beyond chance";
        }
        return "close to full agreement, beyond what chance gives";
    }

    private static void item(StringBuilder html, String trustedMarkup) {
        html.append("<li>").append(trustedMarkup).append("</li>\n");
    }
}
