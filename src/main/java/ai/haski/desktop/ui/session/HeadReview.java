package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.Verdict;
import ai.haski.desktop.ui.result.DisplayNames;
import java.util.List;
import java.util.Optional;

/**
 * One head of the selected photo in the review pane: the model's top label, the labels a reviewer may pick (1 to 9
 * pick the first nine), the current verdict and how many verdicts were given on it before.
 *
 * @param hidden blinded reading: the model's label and confidence are not to be shown yet, since this reviewer has not
 *     given their own label for the head
 */
public record HeadReview(String head, String topLabel, double topProbability, List<String> labels,
        Optional<Verdict> current, int verdictCount, String history, boolean hidden) {

    /** "accepted by ana", "overridden to oily by ana", or "not reviewed". */
    public String verdictText() {
        return current.map(v -> switch (v.action()) {
            case ACCEPT -> "accepted (" + DisplayNames.label(v.label()) + ") by " + v.reviewer();
            case OVERRIDE -> "overridden to " + DisplayNames.label(v.label()) + " by " + v.reviewer();
        }).orElse("not reviewed");
    }
}
