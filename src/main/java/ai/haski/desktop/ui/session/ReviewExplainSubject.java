package ai.haski.desktop.ui.session;

import ai.haski.desktop.analysis.RegionRequest;
import ai.haski.desktop.session.HeadSummary;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.StoredResult;
import ai.haski.desktop.ui.result.ExplainSubject;
import java.util.Optional;

/** What the review pane's "Explain" toggles explain: the selected photo's stored result, when it can be explained. */
final class ReviewExplainSubject {
    private ReviewExplainSubject() {}

    /**
     * The subject of {@code row} in {@code session}; null when there is nothing to explain: no row, no result, a
     * failed result, or a photo changed on disk since its result was made (a map would describe another picture).
     */
    static ExplainSubject of(ReviewRow row, Session session) {
        if (row == null || session == null) {
            return null;
        }
        Optional<StoredResult> result = row.result().filter(StoredResult::succeeded)
                .filter(r -> !r.fileChangedSince(row.photo()));
        return result.map(r -> new ExplainSubject(row.photo().resolveIn(session.root()),
                r.heads().stream().map(HeadSummary::head).toList(), r.model().sha256(),
                r.region().map(ExplainSubject::regionOf).orElse(RegionRequest.WHOLE))).orElse(null);
    }
}
